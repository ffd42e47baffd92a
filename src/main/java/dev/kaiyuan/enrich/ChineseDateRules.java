package dev.kaiyuan.enrich;

import static dev.kaiyuan.enrich.DateRule.mention;
import static dev.kaiyuan.enrich.DateRule.qualifier;

import dev.kaiyuan.model.DateMention;
import dev.kaiyuan.model.DateMention.Qualifier;
import dev.kaiyuan.model.DatePrecision;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Dates as Chinese text writes them, Simplified and Traditional alike: {@code 2025年8月5日},
 * {@code 今年一月}, {@code 7月14日}, {@code 21日}, {@code 2010年代中期}, {@code 2020年後},
 * {@code 上個月}, {@code 昨天}.
 *
 * <p>Only what names a point or a period on the calendar: durations ({@code 六年來},
 * {@code 二十余年}, {@code 3個月}) have no 年/月 right after a year or month number and give
 * nothing. Weeks ({@code 上週}) are left out: a week is neither a day nor a month, and
 * {@link DatePrecision} has no week. Look-arounds keep words that merely contain a date
 * character out: {@code 初創} (start-up) after 年/月, {@code 年輕} (young), {@code 今日頭條}
 * (a company), {@code 年前三季度} (the first three quarters), {@code 年前後} (around a year).
 */
final class ChineseDateRules {
    private static final String DIGIT = "[0-9０-９]";
    private static final String SPACE = "[ \\u00A0]?";
    /** Not a digit of a longer number, nor inside a Latin name such as gpt-oss-120b or Qwen2.5. */
    private static final String NOT_AFTER_NUMBER = "(?<![0-9０-９A-Za-z_.\\-/〇零一二三四五六七八九十第])";
    private static final String YEAR = "(?<y>" + DIGIT + "{4}|[〇零一二三四五六七八九]{4})";
    private static final String RELATIVE_YEAR =
            "(?<ry>今年|(?<![失過过除])去年|(?<!年)前年|(?<![說说證证聲声表])明年)(?![輕轻紀纪齡龄])";
    private static final String MONTH = "(?<m>" + DIGIT + "{1,2}|十[一二]?|[一二三四五六七八九])";
    private static final String DAY =
            "(?<d>" + DIGIT + "{1,2}|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
    /** 初 (beginning), unless it starts 初創 (start-up), 初步 (initial), 初次 (first time). */
    private static final String BEGINNING = "初(?![創创步次])";
    private static final String PART_OF_MONTH = "(?<q>上旬|中旬|下旬|" + BEGINNING + "|底|末)";
    /** 前 (before), unless it opens a count (年前三季度), 前後 (around) or 前夕 (eve). */
    private static final String BEFORE = "前(?![一二两兩三四五六七八九十0-9０-９幾几半後后夕])";
    private static final String YEAR_SUFFIX = "(?<q>" + BEGINNING + "|底|末|以前|之前|" + BEFORE
            + "|以後|以后|之後|之后|後(?!半)|后(?!半))";
    private static final String CENTURY = "(?<c>上世[紀纪]|本世[紀纪]|二十一世[紀纪]|二十世[紀纪]|21世[紀纪]|20世[紀纪])";
    private static final String PART_OF_DECADE =
            "(?<q>初期|前期|中期|中葉|中叶|後期|后期|末期|" + BEGINNING + "|末)";

    static final List<DateRule> RULES = List.of(
            DateRule.of(DateCues.NUMBERED_YUE, NOT_AFTER_NUMBER + "(?:" + YEAR + SPACE + "年" + SPACE + "|" + RELATIVE_YEAR + ")?"
                    + MONTH + SPACE + "月(?:" + SPACE + DAY + SPACE + "[日號号]|份?" + PART_OF_MONTH + "?)",
                    ChineseDateRules::monthOrDay),
            DateRule.of(DateCues.NIAN, NOT_AFTER_NUMBER + YEAR + SPACE + "年(?!代)" + YEAR_SUFFIX + "?", ChineseDateRules::year),
            DateRule.of(DateCues.NIAN, RELATIVE_YEAR + "(?:年?(?<q>" + BEGINNING + "|底|末))?", ChineseDateRules::relativeYear),
            DateRule.of(DateCues.NUMBERED_RI, "(?<![0-9０-９A-Za-z_.\\-/月第近每逾約约共數数])(?<![過过]去)(?<d>" + DIGIT + "{1,2})"
                    + SPACE + "日(?![內内來来之以後后間间])", ChineseDateRules::bareDay),
            DateRule.of(DateCues.NIANDAI, NOT_AFTER_NUMBER + "(?:" + CENTURY + SPACE + ")?(?<dec>" + DIGIT + "{4}|" + DIGIT
                    + "{2}|[一二三四五六七八九]十)" + SPACE + "年代" + PART_OF_DECADE + "?", ChineseDateRules::decade),
            DateRule.of(DateCues.RELATIVE_YUE, "(?<u>上個月|上个月|(?<![馬马])上月|本月|這個月|这个月|下個月|下个月|(?<![以一])下月)"
                    + PART_OF_MONTH + "?", ChineseDateRules::relativeMonth),
            DateRule.of(DateCues.RELATIVE_DAY_ZH, "(?<u>昨天|昨日|今天|今日(?![頭头])|(?<![年月日])前天|明天|明日(?!之))",
                    ChineseDateRules::relativeDay));

    private ChineseDateRules() {
    }

    private static @Nullable DateMention monthOrDay(Matcher m, DateAnchor anchor) {
        int month = Numerals.value(m.group("m"));
        Integer year = yearOf(m, anchor);
        if (m.group("d") != null) {
            int day = Numerals.value(m.group("d"));
            LocalDate date = year == null ? anchor.monthDay(month, day) : anchor.day(year, month, day);
            return mention(m, date, DatePrecision.DAY, Qualifier.NONE);
        }
        LocalDate date = year == null ? anchor.monthOnly(month) : anchor.month(year, month);
        return mention(m, date, DatePrecision.MONTH, qualifier(m.group("q")));
    }

    /** The year written before the month, absolute or relative; null when there is none. */
    private static @Nullable Integer yearOf(Matcher m, DateAnchor anchor) {
        if (m.group("y") != null) {
            return Numerals.value(m.group("y"));
        }
        return m.group("ry") == null ? null : anchor.year() + yearsFromNow(m.group("ry"));
    }

    private static @Nullable DateMention year(Matcher m, DateAnchor anchor) {
        LocalDate date = anchor.year(Numerals.value(m.group("y")));
        return mention(m, date, DatePrecision.YEAR, qualifier(m.group("q")));
    }

    private static @Nullable DateMention relativeYear(Matcher m, DateAnchor anchor) {
        LocalDate date = anchor.yearsFromNow(yearsFromNow(m.group("ry")));
        return mention(m, date, DatePrecision.YEAR, qualifier(m.group("q")));
    }

    private static int yearsFromNow(String relativeYear) {
        return switch (relativeYear) {
            case "去年" -> -1;
            case "前年" -> -2;
            case "明年" -> 1;
            default -> 0;
        };
    }

    private static @Nullable DateMention bareDay(Matcher m, DateAnchor anchor) {
        return mention(m, anchor.dayOnly(Numerals.value(m.group("d"))), DatePrecision.DAY, Qualifier.NONE);
    }

    private static @Nullable DateMention decade(Matcher m, DateAnchor anchor) {
        String digits = m.group("dec");
        int value = Numerals.value(digits);
        if (value < 0 || value % 10 != 0) {
            return null;
        }
        int year = digits.length() == 4 ? (m.group("c") == null ? value : -1) : centuryYear(m.group("c"), value);
        return mention(m, anchor.year(year), DatePrecision.DECADE, qualifier(m.group("q")));
    }

    /**
     * {@code 上世紀90年代} is the 1990s, {@code 本世紀20年代} the 2020s. Without a century,
     * {@code 90年代} means the 1990s and {@code 00年代} the 2000s, but {@code 10年代} and
     * {@code 20年代} are left alone: they may mean either century.
     */
    private static int centuryYear(@Nullable String century, int value) {
        if (century == null) {
            return value >= 30 ? 1900 + value : value == 0 ? 2000 : -1;
        }
        boolean twentieth = century.startsWith("上") || century.startsWith("二十世") || century.startsWith("20");
        return (twentieth ? 1900 : 2000) + value;
    }

    private static @Nullable DateMention relativeMonth(Matcher m, DateAnchor anchor) {
        char first = m.group("u").charAt(0);
        int months = first == '上' ? -1 : first == '下' ? 1 : 0;
        return mention(m, anchor.monthsFromNow(months), DatePrecision.MONTH, qualifier(m.group("q")));
    }

    private static @Nullable DateMention relativeDay(Matcher m, DateAnchor anchor) {
        char first = m.group("u").charAt(0);
        int days = first == '昨' ? -1 : first == '前' ? -2 : first == '明' ? 1 : 0;
        return mention(m, anchor.daysFromNow(days), DatePrecision.DAY, Qualifier.NONE);
    }
}
