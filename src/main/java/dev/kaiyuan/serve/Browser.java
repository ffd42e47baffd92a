package dev.kaiyuan.serve;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;

/** {@code --open}: the desktop's browser when there is one; on a server or in a container, a note instead. */
public final class Browser {
    private Browser() {
    }

    public static void open(URI url, PrintWriter out) {
        // isHeadless first: asking for the Desktop without a display can fail or hang on some systems.
        if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            try {
                Desktop.getDesktop().browse(url);
                return;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                note(out, url, "the browser could not be started (" + e.getMessage() + ")");
                return;
            }
        }
        note(out, url, "no desktop browser is available here");
    }

    private static void note(PrintWriter out, URI url, String why) {
        synchronized (out) {
            out.println("--open: " + why + "; open " + url + " yourself");
            out.flush();
        }
    }
}
