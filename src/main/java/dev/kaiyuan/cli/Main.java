package dev.kaiyuan.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point. The only class that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line and returns its exit code; used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, Clock.systemUTC());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the clock that {@code new} reads "today" from. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        CommandLine cli = new CommandLine(new KaiyuanCommand(), new Factory(clock))
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("kaiyuan: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    /** Creates the commands; gives {@link NewCommand} its clock. */
    private record Factory(Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            return cls == NewCommand.class ? cls.cast(new NewCommand(clock)) : CommandLine.defaultFactory().create(cls);
        }
    }
}
