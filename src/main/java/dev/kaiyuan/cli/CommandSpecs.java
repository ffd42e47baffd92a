package dev.kaiyuan.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The commands' models, written with picocli's programmatic API instead of its annotations. The JDK
 * reads annotations through a proxy class it generates for each annotation type it meets, and a
 * start met seven (picocli's, and the JDK's own such as {@code @Retention} on the annotation types
 * and on {@code Object}'s methods, which picocli scanned): picocli's part of a one-article build's
 * main thread took 71 ms, and takes about 35 ms with the models built here (BENCHMARKS.md,
 * "Thirty-second session"). Only {@code help}, picocli's own command, is still read from its
 * annotations, when it is made.
 */
final class CommandSpecs {
    private CommandSpecs() {
    }

    /**
     * The model of a command run by {@code command} (a {@link Runnable} or a
     * {@link java.util.concurrent.Callable}), with {@code -h, --help} and {@code -V, --version} as
     * picocli's {@code mixinStandardHelpOptions} gives them.
     */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name)
                .versionProvider(new KaiyuanCommand.Version());
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class)
                .description("Print version information and exit.").build());
        return spec;
    }

    /** {@code --project DIR}, which every command but help takes. */
    static OptionSpec project() {
        return option("--project", Path.class, "DIR", "Project folder (default: current folder).");
    }

    /** {@code --drafts}, which {@code build} and {@code serve} take. */
    static OptionSpec drafts() {
        return flag("--drafts", "Include articles marked draft: true.");
    }

    /** An option that takes a value of {@code type}, shown as {@code label} in the help. */
    static OptionSpec option(String name, Class<?> type, String label, String description) {
        return OptionSpec.builder(name).type(type).paramLabel(label).description(description).build();
    }

    /** An option that may be given several times, each with a text value. */
    static OptionSpec repeatable(String name, String label, String description) {
        return OptionSpec.builder(name).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).build();
    }

    /** An option without a value: given or not. */
    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).description(description).build();
    }

    /** Whether {@code flag} is on: given alone, or as {@code --flag=true}; {@code --flag=false} is off. */
    static boolean isOn(ParseResult parsed, String flag) {
        return parsed.matchedOptionValue(flag, false);
    }

    /** A required text parameter at {@code index}. */
    static PositionalParamSpec parameter(int index, String label, String description) {
        return PositionalParamSpec.builder().index(String.valueOf(index)).arity("1").required(true)
                .type(String.class).paramLabel(label).description(description).build();
    }
}
