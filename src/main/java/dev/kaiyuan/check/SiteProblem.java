package dev.kaiyuan.check;

import java.util.Objects;

/**
 * One problem in a written site.
 *
 * @param path    the file, relative to the site folder, with forward slashes; may carry {@code :line:col}
 * @param message what is wrong, e.g. {@code broken link '../x/index.html' — there is no x/index.html in the site}
 */
public record SiteProblem(String path, String message) {
    public SiteProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code site/articles/a/index.html: broken link …}, with {@code folder} as the user knows the output folder. */
    public String format(String folder) {
        String prefix = folder.isEmpty() || folder.equals(".") ? "" : folder.endsWith("/") ? folder : folder + "/";
        return prefix + path + ": " + message;
    }
}
