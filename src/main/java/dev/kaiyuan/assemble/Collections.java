package dev.kaiyuan.assemble;

import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.TagGroup;
import dev.kaiyuan.model.WeekIssue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The digest's collections: weekly issues by ISO week, and tags. Inputs are ordered newest first. */
final class Collections {
    private final Slugs slugs;

    Collections(Slugs slugs) {
        this.slugs = slugs;
    }

    /** Issues newest first; each issue's articles keep the digest's order (newest first). */
    static List<WeekIssue> issues(List<Article> dated) {
        Map<String, List<Article>> byWeek = new LinkedHashMap<>();
        for (Article a : dated) {
            byWeek.computeIfAbsent(weekId(a.date().orElseThrow().day()), k -> new ArrayList<>()).add(a);
        }
        List<WeekIssue> issues = new ArrayList<>();
        byWeek.forEach((id, articles) -> {
            LocalDate day = articles.get(0).date().orElseThrow().day();
            issues.add(new WeekIssue(id, day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), articles));
        });
        return issues;
    }

    /** ISO 8601 week id, e.g. {@code 2025-w34}; the year is the week-based year. */
    static String weekId(LocalDate day) {
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return day.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-w0" : "-w") + week;
    }

    /** Tags sorted by slug; two spellings with one slug share a page under the first name seen. */
    List<TagGroup> tags(List<Article> all) {
        Map<String, String> names = new TreeMap<>();
        Map<String, List<Article>> articles = new TreeMap<>();
        // a site has few distinct tags, each on many articles
        Map<String, String> slugOf = new java.util.HashMap<>();
        for (Article a : all) {
            // An article is listed once under a slug even when two of its tags share it; checking
            // its own slugs, not the whole list, keeps this linear in the number of articles.
            java.util.Set<String> own = new java.util.HashSet<>();
            for (String tag : a.tags()) {
                String slug = slugOf.computeIfAbsent(tag, slugs::tagSlug);
                if (slug.isEmpty()) {
                    continue;
                }
                names.putIfAbsent(slug, tag);
                if (own.add(slug)) {
                    articles.computeIfAbsent(slug, k -> new ArrayList<>()).add(a);
                }
            }
        }
        List<TagGroup> tags = new ArrayList<>();
        names.forEach((slug, name) -> tags.add(new TagGroup(name, slug, articles.get(slug))));
        return tags;
    }
}
