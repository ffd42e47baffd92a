package dev.kaiyuan.model;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;

/**
 * Work on numbered items spread over every core item by item: each thread takes the next item as
 * soon as it is free, so all of them finish within an item of each other. A parallel stream cuts
 * its items into a few ranges at the start (on two cores, quarters), and a thread done with its
 * ranges waits for the others; a build's items differ in cost (a page kept as it was and a page
 * rendered anew), and at 10,000 articles one core sat idle at the end of rendering for most of a
 * second in a cold build and for a fifth of a second in a rebuild.
 *
 * <p>The helpers run in the pool of the calling thread's task, if it runs in one, otherwise in the
 * common pool, as a parallel stream's would; the calling thread takes items too. Nothing goes on
 * once a call returns or throws: a failure stops the taking of items, each thread ends the item it
 * is on, and the first failure is thrown as it was (a checked exception that the work threw without
 * declaring it, in an {@link UndeclaredThrowableException}).
 */
public final class EveryCore {
    private EveryCore() {
    }

    /** {@code work} for each of {@code 0 … count-1}, on any of the threads, in no set order. */
    public static void forEach(int count, IntConsumer work) {
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        int helpers = Math.min(pool.getParallelism(), count - 1);
        if (helpers <= 0) {
            for (int i = 0; i < count; i++) {
                work.accept(i);
            }
            return;
        }
        // the next item; it stops at count, so that it cannot wrap round past Integer.MAX_VALUE
        AtomicInteger next = new AtomicInteger();
        IntUnaryOperator step = n -> n < count ? n + 1 : n;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable take = () -> {
            try {
                for (int i = next.getAndUpdate(step); i < count; i = next.getAndUpdate(step)) {
                    work.accept(i);
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                next.set(count);
            }
        };
        List<ForkJoinTask<?>> helping = new ArrayList<>(helpers);
        for (int k = 0; k < helpers; k++) {
            helping.add(ForkJoinTask.adapt(take).fork());
        }
        take.run();
        for (ForkJoinTask<?> helper : helping) {
            helper.join();
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new UndeclaredThrowableException(failed);
        }
    }

    /** {@code make} of each item, in the items' order (nulls kept); {@code make} may run on any of the threads. */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> make) {
        Object[] made = new Object[items.size()];
        forEach(made.length, i -> made[i] = make.apply(items.get(i)));
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(made);
        return Collections.unmodifiableList(list);
    }
}
