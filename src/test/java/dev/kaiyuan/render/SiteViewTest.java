package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteViewTest {
    static SiteView view(Labels labels) {
        return new SiteView("开源周报", "Open models, weekly", "zh-Hans", labels, "timeline/", "tags/");
    }

    /** {@code record} with its component {@code index} (a String) replaced by {@code value}. */
    static <R extends Record> R with(R record, int index, String value) throws ReflectiveOperationException {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(record);
        }
        values[index] = value;
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        @SuppressWarnings("unchecked")
        Constructor<R> canonical = (Constructor<R>) record.getClass().getDeclaredConstructor(types);
        return canonical.newInstance(values);
    }

    @Test
    void equalViewsHaveEqualKeys() {
        assertThat(view(Labels.forLanguage("zh-Hans")).key()).isEqualTo(view(Labels.forLanguage("zh-Hans")).key())
                .contains("开源周报", "timeline/");
        assertThat(view(Labels.forLanguage("en")).key()).isNotEqualTo(view(Labels.forLanguage("zh-Hans")).key());
    }

    /** The keys of pages kept unbuilt are made from it: a label it missed would keep stale pages. */
    @Test
    void everyComponentAndEveryLabelChangesTheKey() throws ReflectiveOperationException {
        Labels labels = Labels.forLanguage("en");
        SiteView view = view(labels);
        Set<String> keys = new HashSet<>();
        keys.add(view.key());
        RecordComponent[] own = SiteView.class.getRecordComponents();
        for (int i = 0; i < own.length; i++) {
            if (own[i].getType() == String.class) {
                assertThat(keys.add(with(view, i, "changed").key())).as(own[i].getName()).isTrue();
            }
        }
        RecordComponent[] all = Labels.class.getRecordComponents();
        assertThat(all).hasSizeGreaterThan(50);
        for (int i = 0; i < all.length; i++) {
            assertThat(all[i].getType()).isEqualTo(String.class);
            assertThat(keys.add(view(with(labels, i, "changed")).key())).as(all[i].getName()).isTrue();
        }
    }

    /** Values are prefixed with their lengths: text moved from one value to the next is another key. */
    @Test
    void textMovedBetweenValuesIsAnotherKey() {
        Labels labels = Labels.forLanguage("en");
        // without the lengths both would read title=a;description=b;description=c;
        SiteView one = new SiteView("a;description=b", "c", "en", labels, "", "");
        SiteView two = new SiteView("a", "b;description=c", "en", labels, "", "");

        assertThat(one.key()).isNotEqualTo(two.key());
    }
}
