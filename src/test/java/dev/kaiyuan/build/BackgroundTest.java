package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Work a build hands to a thread of its own (its theme, its enricher, its seed listing) gives its
 * result, or fails where the build takes it exactly as it would have failed on the build's thread.
 */
class BackgroundTest {
    @Test
    void theResultIsMadeOnADaemonThreadOfItsOwn() throws IOException {
        AtomicReference<Thread> ran = new AtomicReference<>();

        Background<String> work = Background.start("kaiyuan-test", "the test ran", () -> {
            ran.set(Thread.currentThread());
            return "made";
        });

        assertThat(work.take()).isEqualTo("made");
        assertThat(ran.get()).isNotSameAs(Thread.currentThread());
        assertThat(ran.get().getName()).isEqualTo("kaiyuan-test");
        assertThat(ran.get().isDaemon()).isTrue();
    }

    @Test
    void whatTheWorkThrowsIsThrownWhereItIsTakenAsItWas() {
        IOException io = new IOException("cannot read templates/");
        UncheckedIOException unchecked = new UncheckedIOException(io);
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        Background<String> failsToRead = Background.start("t1", "read", () -> {
            throw io;
        });
        Background<String> breaks = Background.start("t2", "broke", () -> {
            throw unchecked;
        });
        Background<String> runsOut = Background.start("t3", "ran out", () -> {
            throw error;
        });

        assertThatThrownBy(failsToRead::take).isSameAs(io);
        assertThatThrownBy(breaks::take).isSameAs(unchecked);
        assertThatThrownBy(runsOut::take).isSameAs(error);
        // waiting quietly neither throws nor hangs once the work has failed
        failsToRead.awaitQuietly();
        runsOut.awaitQuietly();
    }

    @Test
    void aBuildThreadInterruptedWhileItWaitsFailsWithAnIoErrorAndStaysInterrupted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Background<String> slow = Background.start("kaiyuan-slow", "the theme was opened", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                slow.take();
            } catch (IOException | RuntimeException e) {
                thrown.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });

        build.start();
        build.interrupt();
        build.join(10_000);
        release.countDown();

        assertThat(thrown.get()).isInstanceOf(IOException.class)
                .hasMessage("interrupted while the theme was opened")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(stillInterrupted.get()).isTrue();
        assertThat(slow.take()).isEqualTo("late");
    }
}
