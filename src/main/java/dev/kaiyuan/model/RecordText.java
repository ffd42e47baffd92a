package dev.kaiyuan.model;

import java.lang.reflect.RecordComponent;

/**
 * A record's components as one text, for keys that must change whenever any component does. Each
 * value is prefixed with its length, so that no two records of a type give the same text; a nested
 * record is spelled out the same way. Not the record's own {@link Record#toString()}: that is
 * linked at its first call by spinning method handles for each component, which took a fresh JVM
 * 106-146 ms for the site view's 67 components and 24 ms for the config's 8, where reading the
 * components by reflection took 1-2 ms (BENCHMARKS.md, "Twentieth session", "Twenty-third session").
 */
public final class RecordText {
    private RecordText() {
    }

    public static String of(Record record) {
        StringBuilder text = new StringBuilder(256);
        append(record, text);
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
