package dev.kaiyuan.render;

import java.util.List;

/**
 * A release the article reports.
 *
 * @param precision {@code day}, {@code month}, {@code year} or {@code decade}
 */
public record EventView(String dateIso, String dateDisplay, String precision, String sentence, List<EntityLink> entities) {
    public EventView {
        entities = List.copyOf(entities);
    }
}
