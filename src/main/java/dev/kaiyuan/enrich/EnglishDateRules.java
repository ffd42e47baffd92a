package dev.kaiyuan.enrich;

import static dev.kaiyuan.enrich.DateRule.mention;
import static dev.kaiyuan.enrich.DateRule.qualifier;

import dev.kaiyuan.model.DateMention;
import dev.kaiyuan.model.DateMention.Qualifier;
import dev.kaiyuan.model.DatePrecision;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Dates as English text writes them: {@code Aug 5, 2025}, {@code 5 August 2025},
 * {@code August 2025}, {@code in January}, {@code after 2020}, {@code the mid-2010s},
 * {@code last year}, {@code yesterday}.
 *
 * <p>Month names must be capitalised ({@code may} is a verb). A month or year standing alone
 * counts only after a preposition ({@code in}, {@code since}, {@code by}, …), because bare
 * numbers such as {@code 2048} are usually counts; the preposition is context, not part of
 * the mention, while {@code early}, {@code mid}, {@code late}, {@code before} and
 * {@code after} are, since they carry the qualifier. {@code of} is not such a preposition
 * ({@code a cluster of 2048 GPUs}). A leading {@code the} is context too: {@code the 2010s}
 * is the mention {@code 2010s}.
 */
final class EnglishDateRules {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    /** A month name; an abbreviation's dot belongs to it only before a number ({@code Aug. 5}). */
    private static final String MONTH = "(?<mon>January|February|March|April|May|June|July|August|September"
            + "|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
            + "(?:\\.(?=,?[ \\u00A0]?[0-9]))?)(?![A-Za-z])";
    private static final String SPACE = "[ \\u00A0]";
    private static final String NOT_IN_WORD = "(?<![A-Za-z0-9_])";
    private static final String NOT_IN_NUMBER = "(?<![A-Za-z0-9_.,\\-/])";
    private static final String NO_MORE_NUMBER = "(?![0-9A-Za-z_%]|[.,:/\\-][0-9])";
    private static final String DAY = "(?<d>[0-9]{1,2})(?:st|nd|rd|th)?";
    private static final String OPTIONAL_YEAR = "(?:,?" + SPACE + "(?<y>[0-9]{4}))?";
    private static final String PART = "(?<q>(?i:early|mid|late|before|after))(?:-|" + SPACE + ")";
    private static final String PREPOSITION = "(?i:in|since|by|until|till|from|during|through|throughout)" + SPACE;

    static final List<DateRule> RULES = List.of(
            DateRule.of(DateCues.MONTH_NAME, NOT_IN_WORD + MONTH + SPACE + DAY + OPTIONAL_YEAR + NO_MORE_NUMBER, EnglishDateRules::day),
            DateRule.of(DateCues.MONTH_NAME, NOT_IN_NUMBER + DAY + SPACE + "(?:of" + SPACE + ")?" + MONTH + OPTIONAL_YEAR + NO_MORE_NUMBER,
                    EnglishDateRules::day),
            DateRule.of(DateCues.MONTH_NAME, NOT_IN_WORD + "(?:" + PART + ")?" + MONTH + ",?" + SPACE + "(?<y>[0-9]{4})" + NO_MORE_NUMBER,
                    EnglishDateRules::monthOfYear),
            DateRule.of(DateCues.MONTH_NAME, NOT_IN_WORD + "(?:" + PART + "|" + PREPOSITION + ")" + MONTH + "(?!" + SPACE + "?[0-9])",
                    EnglishDateRules::monthAlone),
            DateRule.of(DateCues.YEAR_AFTER_WORD, NOT_IN_WORD + "(?:" + PART + "|" + PREPOSITION + ")(?<y>[0-9]{4})" + NO_MORE_NUMBER,
                    EnglishDateRules::year),
            DateRule.of(DateCues.DECADE, NOT_IN_WORD + "(?:" + PART + ")?(?<y>[0-9]{3}0)['’]?s(?![A-Za-z0-9_])",
                    EnglishDateRules::decade),
            DateRule.of(DateCues.DECADE, "(?<=(?<![A-Za-z])(?i:the)" + SPACE + ")(?:" + PART + ")?['’]?(?<y>[3-9]0)s(?![A-Za-z0-9_])",
                    EnglishDateRules::twentiethCenturyDecade),
            DateRule.of(DateCues.ENGLISH_RELATIVE, NOT_IN_WORD + "(?i:(?:(?<q>earlier|later|early|late)" + SPACE + ")?(?<rel>last|this|next)"
                    + SPACE + "(?<unit>year|month)|(?<day>yesterday|today|tomorrow))(?![A-Za-z0-9_])",
                    EnglishDateRules::relative));

    private EnglishDateRules() {
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.substring(0, 3)) / 3 + 1;
    }

    private static @Nullable DateMention day(Matcher m, DateAnchor anchor) {
        int month = month(m.group("mon"));
        int day = Integer.parseInt(m.group("d"));
        LocalDate date = m.group("y") == null ? anchor.monthDay(month, day)
                : anchor.day(Integer.parseInt(m.group("y")), month, day);
        return mention(m, date, DatePrecision.DAY, Qualifier.NONE);
    }

    private static @Nullable DateMention monthOfYear(Matcher m, DateAnchor anchor) {
        LocalDate date = anchor.month(Integer.parseInt(m.group("y")), month(m.group("mon")));
        return mention(m, startOf(m, "mon"), date, DatePrecision.MONTH, qualifier(m.group("q")));
    }

    private static @Nullable DateMention monthAlone(Matcher m, DateAnchor anchor) {
        LocalDate date = anchor.monthOnly(month(m.group("mon")));
        return mention(m, startOf(m, "mon"), date, DatePrecision.MONTH, qualifier(m.group("q")));
    }

    private static @Nullable DateMention year(Matcher m, DateAnchor anchor) {
        LocalDate date = anchor.year(Integer.parseInt(m.group("y")));
        return mention(m, startOf(m, "y"), date, DatePrecision.YEAR, qualifier(m.group("q")));
    }

    /**
     * Where the mention starts: at the qualifying word when there is one ({@code after 2020}),
     * else at {@code group}, leaving out a preposition ({@code in 2019} is the mention 2019).
     */
    private static int startOf(Matcher m, String group) {
        return m.group("q") != null ? m.start() : m.start(group);
    }

    private static @Nullable DateMention decade(Matcher m, DateAnchor anchor) {
        LocalDate date = anchor.year(Integer.parseInt(m.group("y")));
        return mention(m, date, DatePrecision.DECADE, qualifier(m.group("q")));
    }

    /** {@code the '90s}: two digits name a decade only after "the", and only 1930–1990. */
    private static @Nullable DateMention twentiethCenturyDecade(Matcher m, DateAnchor anchor) {
        LocalDate date = anchor.year(1900 + Integer.parseInt(m.group("y")));
        return mention(m, date, DatePrecision.DECADE, qualifier(m.group("q")));
    }

    private static @Nullable DateMention relative(Matcher m, DateAnchor anchor) {
        if (m.group("day") != null) {
            String day = m.group("day").toLowerCase(Locale.ROOT);
            int days = day.equals("yesterday") ? -1 : day.equals("tomorrow") ? 1 : 0;
            return mention(m, anchor.daysFromNow(days), DatePrecision.DAY, Qualifier.NONE);
        }
        String rel = m.group("rel").toLowerCase(Locale.ROOT);
        int offset = rel.equals("last") ? -1 : rel.equals("next") ? 1 : 0;
        boolean year = m.group("unit").equalsIgnoreCase("year");
        LocalDate date = year ? anchor.yearsFromNow(offset) : anchor.monthsFromNow(offset);
        return mention(m, date, year ? DatePrecision.YEAR : DatePrecision.MONTH, qualifier(m.group("q")));
    }
}
