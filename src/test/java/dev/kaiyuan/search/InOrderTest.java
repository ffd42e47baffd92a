package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Items made on every core are handed on in number order, on the calling thread, whatever the batch. */
class InOrderTest {
    @Test
    void itemsAreHandedOnInOrderOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        for (int batch : new int[] {1, 7, 64, 5000}) {
            List<Integer> out = new ArrayList<>();
            InOrder.make(1000, batch, i -> {
                // the later of two items is often made first
                if (i % 2 == 0) {
                    Thread.onSpinWait();
                }
                return i;
            }, item -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                out.add(item);
            });
            assertThat(out).as("batch " + batch).isEqualTo(IntStream.range(0, 1000).boxed().toList());
        }
        List<Object> none = new ArrayList<>();
        InOrder.make(0, 32, i -> i, none::add);
        assertThat(none).isEmpty();
    }
}
