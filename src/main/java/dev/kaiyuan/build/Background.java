package dev.kaiyuan.build;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work a build starts on a thread of its own and takes the result of later, so that it is done
 * while the build's own thread does something else. The thread is a daemon: a build that fails
 * before taking the result leaves nothing that keeps the JVM alive.
 */
final class Background<T> {
    /** The work: what it returns, or the I/O error it fails with. */
    interface Work<T> {
        T run() throws IOException;
    }

    private final FutureTask<T> task;
    private final String what;

    private Background(Work<T> work, String what) {
        this.task = new FutureTask<>(work::run);
        this.what = what;
    }

    /**
     * Starts {@code work} on a new thread named {@code thread}; {@code what} says what it does, for
     * the message of an interrupted {@link #take}.
     */
    static <T> Background<T> start(String thread, String what, Work<T> work) {
        Background<T> background = new Background<>(work, what);
        Thread worker = new Thread(background.task, thread);
        worker.setDaemon(true);
        worker.start();
        return background;
    }

    /** The work's result once it is over; what it threw, if it did, is thrown here as it was. */
    T take() throws IOException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, e);
        }
    }

    /** Waits until the work is over, however it ended (or until this thread is interrupted). */
    void awaitQuietly() {
        try {
            task.get();
        } catch (ExecutionException | InterruptedException | CancellationException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
