package dev.kaiyuan.build;

/** A bug or an I/O failure inside a stage (never bad content): names the stage it happened in. */
public final class BuildFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stage;

    public BuildFailure(String stage, Throwable cause) {
        super(stage + ": " + cause, cause);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
