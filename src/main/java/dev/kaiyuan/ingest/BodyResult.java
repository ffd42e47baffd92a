package dev.kaiyuan.ingest;

import dev.kaiyuan.model.Caption;
import dev.kaiyuan.model.DamageSpot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SourceReader} makes of a body.
 *
 * @param derived   metadata the content itself states (byline, HTML meta tags, first heading);
 *                  the author's front matter overrides it
 * @param bodyHtml  sanitised HTML
 * @param plainText the body's text, for language detection and reading time
 * @param lead      the first paragraph's text, for a derived title and summary
 */
public record BodyResult(
        FrontMatter derived,
        String bodyHtml,
        String plainText,
        String lead,
        List<Caption> captions,
        Optional<String> rights,
        List<DamageSpot> damage) {

    public BodyResult {
        Objects.requireNonNull(derived, "derived");
        Objects.requireNonNull(bodyHtml, "bodyHtml");
        Objects.requireNonNull(plainText, "plainText");
        Objects.requireNonNull(lead, "lead");
        captions = List.copyOf(captions);
        Objects.requireNonNull(rights, "rights");
        damage = List.copyOf(damage);
    }
}
