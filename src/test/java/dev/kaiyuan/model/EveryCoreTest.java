package dev.kaiyuan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Items handed out one at a time to every thread: each item is worked on once, a slow item does not
 * hold back the items after it, results keep their order, and a failure leaves nothing running.
 */
class EveryCoreTest {
    /**
     * Runs {@code body} on a plain thread of its own, as a build's main thread calls, and fails
     * after 30 s instead of hanging the test run; what the body throws is thrown here.
     */
    private static void within30s(Runnable body) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            thread.submit(body).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        } finally {
            thread.shutdownNow();
        }
    }

    @Property(tries = 50)
    void everyItemIsWorkedOnExactlyOnce(@ForAll @IntRange(min = 0, max = 3000) int count) throws Exception {
        AtomicIntegerArray times = new AtomicIntegerArray(Math.max(count, 1));

        within30s(() -> EveryCore.forEach(count, i -> times.incrementAndGet(i)));

        for (int i = 0; i < count; i++) {
            assertThat(times.get(i)).as("item %d", i).isEqualTo(1);
        }
    }

    @Test
    void mappedItemsKeepTheirOrderAndTheirNulls() throws Exception {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(i);
        }
        List<List<String>> result = new ArrayList<>();

        within30s(() -> result.add(EveryCore.map(items, i -> i % 7 == 0 ? null : "item " + i)));

        List<String> made = result.get(0);

        assertThat(made).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(made.get(i)).isEqualTo(i % 7 == 0 ? null : "item " + i);
        }
        assertThatThrownBy(() -> made.add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * The first item waits until every other item is done. Handed out in ranges, the items after it
     * in its range would wait behind it for ever; handed out one at a time, another thread does them.
     */
    @Test
    void aSlowItemDoesNotHoldBackTheItemsAfterIt() throws Exception {
        int count = 100;
        CountDownLatch othersDone = new CountDownLatch(count - 1);
        AtomicInteger waitedFor = new AtomicInteger(-1);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            pool.submit(() -> EveryCore.forEach(count, i -> {
                if (i == 0) {
                    try {
                        waitedFor.set(othersDone.await(10, TimeUnit.SECONDS) ? 1 : 0);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    othersDone.countDown();
                }
            })).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(waitedFor.get()).as("the other items were done while the first waited").isEqualTo(1);
    }

    @Test
    void theHelpersWorkInThePoolOfTheCallersTask() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(3);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Set<ForkJoinPool> pools = ConcurrentHashMap.newKeySet();
        CountDownLatch allThere = new CountDownLatch(3);
        try {
            pool.submit(() -> EveryCore.forEach(3, i -> {
                threads.add(Thread.currentThread());
                pools.add(ForkJoinTask.getPool());
                allThere.countDown();
                try {
                    // three items, each held until all three are on a thread: three threads at once
                    assertThat(allThere.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(threads).hasSize(3);
        assertThat(pools).containsExactly(pool);
    }

    @Test
    void aFailureIsThrownAsItWasOnceNoItemIsBeingWorkedOn() throws Exception {
        IllegalStateException broken = new IllegalStateException("item 40 is broken");
        AtomicInteger working = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger workingAtTheEnd = new AtomicInteger(-1);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            pool.submit(() -> {
                assertThatThrownBy(() -> EveryCore.forEach(100_000, i -> {
                    started.incrementAndGet();
                    working.incrementAndGet();
                    try {
                        if (i == 40) {
                            throw broken;
                        }
                        Thread.onSpinWait();
                    } finally {
                        working.decrementAndGet();
                    }
                })).isSameAs(broken);
                workingAtTheEnd.set(working.get());
            }).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        int startedWhenThrown = started.get();
        Thread.sleep(50);

        assertThat(workingAtTheEnd.get()).isZero();
        assertThat(started.get()).as("no item started after the failure was thrown").isEqualTo(startedWhenThrown);
        assertThat(startedWhenThrown).as("the items after the failure were not all taken").isLessThan(100_000);
    }

    @Test
    void anErrorIsThrownAsItWas() {
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        assertThatThrownBy(() -> within30s(() -> EveryCore.forEach(1000, i -> {
            if (i == 999) {
                throw error;
            }
        }))).isSameAs(error);
        assertThatThrownBy(() -> within30s(() -> EveryCore.forEach(1, i -> {
            throw error;
        }))).isSameAs(error);
    }

    /** A checked exception thrown without being declared (as some libraries do) is not lost. */
    @Test
    void anUndeclaredCheckedExceptionComesBackWrapped() {
        IOException undeclared = new IOException("seeds/x.md: gone");

        assertThatThrownBy(() -> within30s(() -> EveryCore.forEach(1000, i -> {
            if (i == 500) {
                EveryCoreTest.<RuntimeException>sneak(undeclared);
            }
        }))).isInstanceOf(UndeclaredThrowableException.class).hasCause(undeclared);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneak(Throwable e) throws E {
        throw (E) e;
    }

    /**
     * From the only worker of a pool of one, the helper waits in that worker's own queue: the
     * worker does every item, then finds the helper not started and runs it, which ends at once.
     * So do the search producers in their pool of one beside the pages.
     */
    @Test
    void aPoolOfOneDoesEveryItemOnItsOnlyThread() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicIntegerArray times = new AtomicIntegerArray(500);
        try {
            pool.submit(() -> EveryCore.forEach(500, i -> {
                threads.add(Thread.currentThread());
                times.incrementAndGet(i);
            })).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(threads).hasSize(1);
        for (int i = 0; i < 500; i++) {
            assertThat(times.get(i)).as("item %d", i).isEqualTo(1);
        }
    }

    @Test
    void itemsMayHandOutItemsOfTheirOwn() throws Exception {
        AtomicIntegerArray times = new AtomicIntegerArray(100 * 50);

        within30s(() -> EveryCore.forEach(100, outer -> EveryCore.forEach(50,
                inner -> times.incrementAndGet(outer * 50 + inner))));

        for (int i = 0; i < 100 * 50; i++) {
            assertThat(times.get(i)).as("item %d", i).isEqualTo(1);
        }
    }
}
