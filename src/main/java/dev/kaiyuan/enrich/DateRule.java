package dev.kaiyuan.enrich;

import dev.kaiyuan.model.DateMention;
import dev.kaiyuan.model.DateMention.Qualifier;
import dev.kaiyuan.model.DatePrecision;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One way of writing a date: a pattern, and how to read a match of it against the article's
 * date. Patterns use only bounded quantifiers and bounded look-behinds, so matching stays
 * linear in the text whatever it holds.
 */
record DateRule(int cues, Pattern pattern, Reader reader) {

    /** Reads one match; {@code null} when the match turns out not to be a date. */
    @FunctionalInterface
    interface Reader {
        @Nullable DateMention read(Matcher match, DateAnchor anchor);
    }

    private static final Map<String, Qualifier> QUALIFIERS = Map.ofEntries(
            Map.entry("初", Qualifier.EARLY), Map.entry("初期", Qualifier.EARLY),
            Map.entry("前期", Qualifier.EARLY), Map.entry("上旬", Qualifier.EARLY),
            Map.entry("early", Qualifier.EARLY),
            Map.entry("中期", Qualifier.MID), Map.entry("中葉", Qualifier.MID), Map.entry("中叶", Qualifier.MID),
            Map.entry("中旬", Qualifier.MID), Map.entry("mid", Qualifier.MID),
            Map.entry("末", Qualifier.LATE), Map.entry("末期", Qualifier.LATE), Map.entry("底", Qualifier.LATE),
            Map.entry("後期", Qualifier.LATE), Map.entry("后期", Qualifier.LATE), Map.entry("下旬", Qualifier.LATE),
            Map.entry("late", Qualifier.LATE),
            Map.entry("前", Qualifier.BEFORE), Map.entry("以前", Qualifier.BEFORE), Map.entry("之前", Qualifier.BEFORE),
            Map.entry("before", Qualifier.BEFORE), Map.entry("earlier", Qualifier.BEFORE),
            Map.entry("後", Qualifier.AFTER), Map.entry("后", Qualifier.AFTER), Map.entry("以後", Qualifier.AFTER),
            Map.entry("以后", Qualifier.AFTER), Map.entry("之後", Qualifier.AFTER), Map.entry("之后", Qualifier.AFTER),
            Map.entry("after", Qualifier.AFTER), Map.entry("later", Qualifier.AFTER));

    /**
     * @param cues the {@link DateCues} of which a text must have at least one for the rule to match
     */
    static DateRule of(int cues, String regex, Reader reader) {
        return new DateRule(cues, Pattern.compile(regex), reader);
    }

    /** False when {@code textCues} lack every cue this rule needs, so it cannot match. */
    boolean mayMatch(int textCues) {
        return (cues & textCues) != 0;
    }

    /** The qualifier a word such as 中期, 以後 or {@code Early} stands for; NONE when absent. */
    static Qualifier qualifier(@Nullable String word) {
        return word == null ? Qualifier.NONE
                : QUALIFIERS.getOrDefault(word.toLowerCase(Locale.ROOT), Qualifier.NONE);
    }

    /** The mention of the whole match, or nothing when {@code date} did not resolve. */
    static @Nullable DateMention mention(Matcher match, @Nullable LocalDate date, DatePrecision precision,
            Qualifier qualifier) {
        return mention(match, match.start(), date, precision, qualifier);
    }

    /** The mention of the match from {@code start} on, leaving out a leading preposition. */
    static @Nullable DateMention mention(Matcher match, int start, @Nullable LocalDate date,
            DatePrecision precision, Qualifier qualifier) {
        if (date == null) {
            return null;
        }
        String text = match.group().substring(start - match.start());
        return new DateMention(text, start, match.end(), date, precision, qualifier);
    }
}
