package dev.kaiyuan.render;

import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * Site-wide values every page can use. {@code lang} is the interface language (BCP 47);
 * {@code timelineUrl} is the site path of the release timeline, or "" when the site has no
 * knowledge base and so no timeline; {@code tagsUrl} likewise for the tag index.
 */
public record SiteView(String title, String description, String lang, Labels labels, String timelineUrl,
        String tagsUrl) {
    public SiteView {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(timelineUrl, "timelineUrl");
        Objects.requireNonNull(tagsUrl, "tagsUrl");
    }

    /**
     * Every component, the labels' too, as one text, each value prefixed with its length so that no
     * two views give the same text: what the keys of pages kept unbuilt are made from. Not {@link
     * #toString()}: a record's own is linked at its first call by spinning method handles for each
     * component (61 for the labels), which took 106-146 ms in a fresh JVM where reading the
     * components by reflection took 1-2 ms (BENCHMARKS.md, "Twentieth session").
     */
    public String key() {
        StringBuilder text = new StringBuilder(4096);
        append(this, text);
        return text.toString();
    }

    private static void append(Record record, StringBuilder text) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a record's accessors are public", e);
            }
            text.append(component.getName());
            if (value instanceof Record nested) {
                text.append('[');
                append(nested, text);
                text.append(']');
            } else {
                String shown = String.valueOf(value);
                text.append('=').append(shown.length()).append(':').append(shown);
            }
            text.append(';');
        }
    }
}
