package dev.kaiyuan.cli;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level {@code kaiyuan} command; work is done by its subcommands. */
final class KaiyuanCommand implements Runnable {
    private final CommandSpec spec;

    KaiyuanCommand() {
        spec = CommandSpecs.command(this, "kaiyuan", "Builds a news-digest website from the articles in seeds/.");
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command, e.g. 'kaiyuan build'");
    }

    /**
     * The subcommands' models by name, in the order help lists them ({@link Main} adds them); each is
     * made with the clock {@code new} reads "today" from. {@code help} is picocli's own command,
     * whose model picocli reads from its annotations.
     */
    static final Map<String, Function<Clock, CommandSpec>> COMMANDS = commands();

    private static Map<String, Function<Clock, CommandSpec>> commands() {
        Map<String, Function<Clock, CommandSpec>> commands = new LinkedHashMap<>();
        commands.put("build", clock -> new BuildCommand().spec());
        commands.put("check", clock -> new CheckCommand().spec());
        commands.put("new", clock -> new NewCommand(clock).spec());
        commands.put("serve", clock -> new ServeCommand().spec());
        commands.put("help", clock -> CommandSpec.forAnnotatedObject(new CommandLine.HelpCommand()));
        return Collections.unmodifiableMap(commands);
    }

    /** Version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KaiyuanCommand.class.getPackage().getImplementationVersion();
            return new String[] {"kaiyuan " + (v == null ? "(development build)" : v)};
        }
    }
}
