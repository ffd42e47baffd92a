package dev.kaiyuan.cli;

/** Process exit codes, as scripts and CI read them. */
public final class ExitCode {
    /** The site was built. */
    public static final int OK = 0;
    /** Content errors (or warnings with --strict); nothing was written. */
    public static final int CONTENT = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** A bug or an I/O failure. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
