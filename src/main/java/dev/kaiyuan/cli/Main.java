package dev.kaiyuan.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point. The only class that calls {@link System#exit}. */
public final class Main {
    /** FreeMarker's choice of logging library ({@code freemarker.log.Logger.SYSTEM_PROPERTY_NAME_LOGGER_LIBRARY}). */
    static final String FREEMARKER_LOGGER = "org.freemarker.loggerLibrary";

    /**
     * picocli's property naming the types whose built-in converters it does not register (regular
     * expressions over class names, comma-separated).
     */
    static final String PICOCLI_CONVERTER_EXCLUDES = "picocli.converters.excludes";
    /**
     * The java.time and java.sql types: no option of Kaiyuan's is of one (CommandOptionTypesTest), and
     * registering their converters looked each class up by reflection and initialised it at every
     * start, about 6 ms of a one-article build (BENCHMARKS.md, "Twenty-third session").
     */
    static final String UNUSED_CONVERTERS = "java\\.(time|sql)\\..*";

    private Main() {
    }

    public static void main(String[] args) {
        setStartupProperties();
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /**
     * The libraries' settings that spare start-up work; a property the user gives wins. FreeMarker
     * logs nothing Kaiyuan reports (template errors are thrown, not logged), and choosing and starting
     * a logging library (java.util.logging: 62 classes) cost a one-article build about 20 ms
     * (BENCHMARKS.md, "Twentieth session"). picocli: see {@link #UNUSED_CONVERTERS}.
     */
    static void setStartupProperties() {
        if (System.getProperty(FREEMARKER_LOGGER) == null) {
            System.setProperty(FREEMARKER_LOGGER, "none");
        }
        if (System.getProperty(PICOCLI_CONVERTER_EXCLUDES) == null) {
            System.setProperty(PICOCLI_CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
        }
    }

    /** Runs a command line and returns its exit code; used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Clock.systemUTC());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the clock that {@code new} reads "today" from. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        // Only the command named first is made when there is one: making the others costs a start
        // for nothing. Help and mistakes get them all.
        String named = args.length > 0 && !args[0].equals("help") ? args[0] : "";
        CommandLine cli = commandLine(clock, KaiyuanCommand.COMMANDS.containsKey(named) ? named : "");
        cli.setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("kaiyuan: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    /** The command line with the subcommand {@code named}, or with all of them when {@code named} is empty. */
    static CommandLine commandLine(Clock clock, String named) {
        CommandLine cli = new CommandLine(new KaiyuanCommand().spec());
        KaiyuanCommand.COMMANDS.forEach((name, command) -> {
            if (named.isEmpty() || name.equals(named)) {
                cli.addSubcommand(name, command.apply(clock));
            }
        });
        return cli;
    }
}
