package dev.kaiyuan.render;

/** A template failed: names the template file and, when known, the line and column. */
public final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;
    /** What a template engine's overflowed stack most likely means. */
    public static final String TOO_DEEP = "calls nest too deeply: does a macro, function or include in this template, "
            + "or in one it uses, call itself without end?";

    private final String template;
    private final int line;
    private final int column;

    public RenderException(String template, int line, int column, String message, Throwable cause) {
        super(message, cause);
        this.template = template;
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
    }

    public String template() {
        return template;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
