package dev.kaiyuan.ingest;

import dev.kaiyuan.model.SourceRef;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An article's metadata as given by its author, a sidecar or the content itself. Every field is
 * optional; {@link #overriddenBy} layers sources so that what the editor wrote wins over what
 * the page itself says. {@code where} remembers the line each key came from, for diagnostics.
 */
public record FrontMatter(
        Optional<String> title,
        Optional<LocalDate> date,
        Optional<Boolean> dateInferred,
        Optional<String> slug,
        Optional<List<String>> tags,
        Optional<String> sourceName,
        Optional<String> sourceUrl,
        Optional<String> author,
        Optional<String> lang,
        Optional<String> summary,
        Optional<Boolean> draft,
        Optional<String> rights,
        Map<String, SourceRef> where) {

    public static final FrontMatter EMPTY = new FrontMatter(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    public FrontMatter {
        tags = tags.map(List::copyOf);
        where = Map.copyOf(where);
    }

    /** This front matter with every field that {@code top} sets replaced by top's value. */
    public FrontMatter overriddenBy(FrontMatter top) {
        Map<String, SourceRef> lines = new LinkedHashMap<>(where);
        lines.putAll(top.where);
        return new FrontMatter(top.title.or(() -> title), top.date.or(() -> date),
                top.dateInferred.or(() -> dateInferred), top.slug.or(() -> slug), top.tags.or(() -> tags),
                top.sourceName.or(() -> sourceName), top.sourceUrl.or(() -> sourceUrl),
                top.author.or(() -> author), top.lang.or(() -> lang), top.summary.or(() -> summary),
                top.draft.or(() -> draft), top.rights.or(() -> rights), lines);
    }

    /** The line a key was written on, else the given fallback. */
    public SourceRef whereOr(String key, SourceRef fallback) {
        return where.getOrDefault(key, fallback);
    }

    /** Builder used by the parsers; not shared between threads. */
    static final class Builder {
        Optional<String> title = Optional.empty();
        Optional<LocalDate> date = Optional.empty();
        Optional<Boolean> dateInferred = Optional.empty();
        Optional<String> slug = Optional.empty();
        Optional<List<String>> tags = Optional.empty();
        Optional<String> sourceName = Optional.empty();
        Optional<String> sourceUrl = Optional.empty();
        Optional<String> author = Optional.empty();
        Optional<String> lang = Optional.empty();
        Optional<String> summary = Optional.empty();
        Optional<Boolean> draft = Optional.empty();
        Optional<String> rights = Optional.empty();
        final Map<String, SourceRef> where = new LinkedHashMap<>();

        FrontMatter build() {
            return new FrontMatter(title, date, dateInferred, slug, tags, sourceName, sourceUrl, author,
                    lang, summary, draft, rights, where);
        }
    }
}
