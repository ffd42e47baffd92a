package dev.kaiyuan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code kaiyuan} command; work is done by its subcommands. */
@Command(name = "kaiyuan", mixinStandardHelpOptions = true, versionProvider = KaiyuanCommand.Version.class,
        description = "Builds a news-digest website from the articles in seeds/.",
        subcommands = {BuildCommand.class, CheckCommand.class, NewCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class KaiyuanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command, e.g. 'kaiyuan build'");
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
