package dev.kaiyuan.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code kaiyuan} command; work is done by its subcommands. */
@Command(name = "kaiyuan", mixinStandardHelpOptions = true, versionProvider = KaiyuanCommand.Version.class,
        description = "Builds a news-digest website from the articles in seeds/.")
public final class KaiyuanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command, e.g. 'kaiyuan build'");
    }

    /** The subcommands by name, in the order help lists them ({@link Main} adds them). */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("build", BuildCommand.class);
        commands.put("check", CheckCommand.class);
        commands.put("new", NewCommand.class);
        commands.put("serve", ServeCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
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
