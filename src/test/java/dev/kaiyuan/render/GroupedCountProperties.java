package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The timeline's "and N more" count is written as {@code String.format(Locale.ROOT, "%,d", n)} wrote it. */
class GroupedCountProperties {
    @Property
    void everyCountIsGroupedAsFormatGroupsIt(@ForAll int n) {
        assertThat(KnowledgeViews.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }

    @Example
    void theEdges() {
        for (int n : new int[] {0, 7, 999, 1000, 12_345, 999_999, 1_000_000, -1000, Integer.MAX_VALUE,
                Integer.MIN_VALUE}) {
            assertThat(KnowledgeViews.grouped(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }
}
