package dev.kaiyuan.search;

import dev.kaiyuan.model.EveryCore;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Makes numbered items on every core, a batch at a time, and hands each on in number order, on the
 * calling thread: what is handed on does not depend on scheduling, the receiver need not be
 * thread-safe, and a batch bounds what is held at once (a cold build's search scripts are hundreds
 * of megabytes at 100,000 articles).
 */
final class InOrder {
    private InOrder() {
    }

    /** Items {@code 0 … count-1}, {@code batch} at a time: {@code make} may run on any thread. */
    static <T> void make(int count, int batch, IntFunction<T> make, Consumer<T> out) {
        Object[] made = new Object[Math.min(count, batch)];
        for (int start = 0; start < count; start += batch) {
            int from = start;
            int size = Math.min(count - from, batch);
            EveryCore.forEach(size, i -> made[i] = make.apply(from + i));
            for (int i = 0; i < size; i++) {
                @SuppressWarnings("unchecked")
                T item = (T) made[i];
                made[i] = null;
                out.accept(item);
            }
        }
    }
}
