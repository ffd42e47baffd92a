package dev.kaiyuan.enrich;

import dev.kaiyuan.model.DateMention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * Finds the dates an article's text mentions and resolves them against the article's own date:
 * absolute ({@code 2025年8月5日}, {@code 2025-08-05}, {@code Aug 5, 2025}), partial ({@code 7月14日}, {@code 21日},
 * {@code in January}), relative ({@code 去年}, {@code 上個月}, {@code last year}) and periods
 * ({@code 2010年代中期}, {@code 2020年後}, {@code the mid-2010s}); see {@link NumericDateRules},
 * {@link ChineseDateRules} and {@link EnglishDateRules} for what is and is not read.
 *
 * <p>Partial dates take the article's year, or the year before when that would put them more
 * than two months after the article (news reports the past, and sometimes the coming weeks).
 * A bare day ({@code 21日}) takes the article's month, or the month before when it is after
 * the article's day.
 *
 * <p>Where readings overlap the longest wins ({@code 2025年8月5日} over {@code 2025年} and
 * {@code 5日}), ties going to the earlier one. Pure and thread-safe; never throws on any text.
 */
public final class DateResolver {
    private static final List<DateRule> RULES = java.util.stream.Stream.of(NumericDateRules.RULES,
            ChineseDateRules.RULES, EnglishDateRules.RULES).flatMap(List::stream).toList();

    /** Longest first, then leftmost; the sort is stable, so equal spans keep the rule order. */
    private static final Comparator<DateMention> PREFERRED =
            Comparator.comparingInt((DateMention m) -> m.end() - m.start()).reversed()
                    .thenComparingInt(DateMention::start);

    /** The date mentions in {@code text}, in text order, none overlapping another. */
    public List<DateMention> resolve(String text, LocalDate articleDate) {
        // Most sentences name no date: one pass finds the cues, and only rules with a cue run.
        return resolve(text, articleDate, DateCues.of(Objects.requireNonNull(text, "text")));
    }

    /** The date mentions the rules that need one of {@code cues} find ({@code ~0} runs every rule). */
    List<DateMention> resolve(String text, LocalDate articleDate, int cues) {
        DateAnchor anchor = new DateAnchor(Objects.requireNonNull(articleDate, "articleDate"));
        if (cues == 0) {
            return List.of();
        }
        List<DateMention> candidates = new ArrayList<>();
        for (DateRule rule : RULES) {
            if (rule.mayMatch(cues)) {
                collect(rule, text, anchor, candidates);
            }
        }
        return nonOverlapping(candidates);
    }

    private static void collect(DateRule rule, String text, DateAnchor anchor, List<DateMention> into) {
        Matcher match = rule.pattern().matcher(text);
        while (match.find()) {
            DateMention mention = rule.reader().read(match, anchor);
            if (mention != null) {
                into.add(mention);
            }
        }
    }

    private static List<DateMention> nonOverlapping(List<DateMention> candidates) {
        candidates.sort(PREFERRED);
        TreeMap<Integer, DateMention> kept = new TreeMap<>();
        for (DateMention candidate : candidates) {
            if (isFree(kept, candidate)) {
                kept.put(candidate.start(), candidate);
            }
        }
        return List.copyOf(kept.values());
    }

    private static boolean isFree(TreeMap<Integer, DateMention> kept, DateMention candidate) {
        Map.Entry<Integer, DateMention> before = kept.floorEntry(candidate.start());
        Map.Entry<Integer, DateMention> after = kept.ceilingEntry(candidate.start());
        return (before == null || before.getValue().end() <= candidate.start())
                && (after == null || after.getValue().start() >= candidate.end());
    }
}
