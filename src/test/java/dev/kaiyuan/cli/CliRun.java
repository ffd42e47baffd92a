package dev.kaiyuan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

/** One run of the CLI, in process, with its exit code and both streams: the harness of the command-line tests. */
record CliRun(int code, String out, String err) {
    /** Runs {@code kaiyuan args} through {@link Main#run(String[], PrintWriter, PrintWriter)}. */
    static CliRun run(String... args) {
        return capture((out, err) -> Main.run(args, out, err));
    }

    /** Runs {@code kaiyuan args} with {@code clock} as the time {@code new} reads "today" from. */
    static CliRun run(Clock clock, String... args) {
        return capture((out, err) -> Main.run(args, out, err, clock));
    }

    private static CliRun capture(BiFunction<PrintWriter, PrintWriter, Integer> main) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = main.apply(o, e);
        }
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
