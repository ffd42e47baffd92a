package dev.kaiyuan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * {@link Main} tells picocli not to register its converters for java.time and java.sql types; an
 * option of such a type would then fail on every command line that gives it.
 */
class CommandOptionTypesTest {

    /** Every command, as {@link Main} makes them for help. */
    private static CommandLine commands() {
        return Main.commandLine(Clock.systemUTC(), "");
    }

    @Test
    void noOptionOfAnyCommandIsOfATypeWhoseConverterIsLeftOut() {
        CommandLine cli = commands();
        List<String> types = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>(List.of(cli));
        all.addAll(cli.getSubcommands().values());
        for (CommandLine command : all) {
            for (ArgSpec arg : command.getCommandSpec().args()) {
                types.add(arg.type().getName());
                for (Class<?> auxiliary : arg.auxiliaryTypes()) {
                    types.add(auxiliary.getName());
                }
            }
        }

        assertThat(types).contains("java.nio.file.Path", "int", "java.lang.String", "boolean")
                .noneMatch(type -> type.matches(Main.UNUSED_CONVERTERS));
    }

    @Test
    void theLeftOutConvertersAreThoseOfJavaTimeAndJavaSqlOnly() {
        assertThat(List.of("java.time.MonthDay", "java.time.Duration", "java.sql.Timestamp"))
                .allMatch(type -> type.matches(Main.UNUSED_CONVERTERS));
        assertThat(List.of("java.nio.file.Path", "java.lang.String", "java.util.List", "java.timely.X"))
                .noneMatch(type -> type.matches(Main.UNUSED_CONVERTERS));
    }

    @Test
    void mainLeavesThemOutUnlessTheUserSaidOtherwise() {
        String before = System.getProperty(Main.PICOCLI_CONVERTER_EXCLUDES);
        try {
            System.clearProperty(Main.PICOCLI_CONVERTER_EXCLUDES);
            Main.setStartupProperties();
            assertThat(System.getProperty(Main.PICOCLI_CONVERTER_EXCLUDES)).isEqualTo(Main.UNUSED_CONVERTERS);

            System.setProperty(Main.PICOCLI_CONVERTER_EXCLUDES, "java\\.sql\\..*");
            Main.setStartupProperties();
            assertThat(System.getProperty(Main.PICOCLI_CONVERTER_EXCLUDES)).isEqualTo("java\\.sql\\..*");
        } finally {
            restore(before);
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(Main.PICOCLI_CONVERTER_EXCLUDES);
        } else {
            System.setProperty(Main.PICOCLI_CONVERTER_EXCLUDES, before);
        }
    }

    @Test
    void everyKindOfOptionStillParsesWithThoseConvertersLeftOut() {
        String before = System.getProperty(Main.PICOCLI_CONVERTER_EXCLUDES);
        System.setProperty(Main.PICOCLI_CONVERTER_EXCLUDES, Main.UNUSED_CONVERTERS);
        try {
            CommandLine cli = commands();
            cli.setErr(new PrintWriter(new StringWriter()));

            CommandLine.ParseResult serve = cli.parseArgs("serve", "--project", "p", "--port", "8080", "--bind",
                    "0.0.0.0", "--drafts");
            CommandLine.ParseResult made = cli.parseArgs("new", "--project", "p", "--tag", "a", "--tag", "b",
                    "--date", "2025-08-21", "Title");

            assertThat((Integer) serve.subcommand().matchedOptionValue("--port", 0)).isEqualTo(8080);
            assertThat((Object) serve.subcommand().matchedOptionValue("--project", null)).hasToString("p");
            assertThat((Object) made.subcommand().matchedOptionValue("--tag", List.of())).isEqualTo(List.of("a", "b"));
        } finally {
            restore(before);
        }
    }
}
