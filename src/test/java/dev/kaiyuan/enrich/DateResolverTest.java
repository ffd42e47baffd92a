package dev.kaiyuan.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kaiyuan.ingest.PinyinAnnotationRemover;
import dev.kaiyuan.model.DateMention;
import dev.kaiyuan.model.DateMention.Qualifier;
import dev.kaiyuan.model.DatePrecision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link DateResolver}, against an article dated 2025-08-24. */
class DateResolverTest {

    private static final LocalDate ARTICLE = LocalDate.of(2025, 8, 24);
    /** The real seed article, relative to the project root (Surefire's working directory). */
    private static final Path SEED = Path.of("seeds/000_2ce86e36bd807f4f.txt");

    private final DateResolver resolver = new DateResolver();

    @ParameterizedTest(name = "{0} → {1} = {2} {3} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # The seed article (Traditional Chinese), as written there
            變革是從今年一月開始的。                | 今年一月       | 2025-01-01 | MONTH  | NONE
            《經濟學人》21日刊文分析道             | 21日           | 2025-08-21 | DAY    | NONE
            OpenAI很快在8月推出了兩款開放權重模型  | 8月            | 2025-08-01 | MONTH  | NONE
            這是OpenAI自2019年推出GPT-2以來        | 2019年         | 2019-01-01 | YEAR   | NONE
            在2010年代中期,OpenAI曾推動過           | 2010年代中期   | 2010-01-01 | DECADE | MID
            但在2020年後,為了保持盈利               | 2020年後       | 2020-01-01 | YEAR   | AFTER
            但在2020年后,为了保持盈利               | 2020年后       | 2020-01-01 | YEAR   | AFTER
            7月14日,伊桑·莫里克在社媒發文           | 7月14日        | 2025-07-14 | DAY    | NONE
            在今年發布的各類智能測試中             | 今年           | 2025-01-01 | YEAR   | NONE
            # Absolute
            OpenAI於2025年8月5日發布               | 2025年8月5日   | 2025-08-05 | DAY    | NONE
            於 2025 年 8 月 5 日發布                | 2025 年 8 月 5 日 | 2025-08-05 | DAY | NONE
            released on 2025-08-05.                | 2025-08-05     | 2025-08-05 | DAY    | NONE
            發布時間:2025/8/5                       | 2025/8/5       | 2025-08-05 | DAY    | NONE
            發布時間 2025.8.5                       | 2025.8.5       | 2025-08-05 | DAY    | NONE
            updated 2025-08-05T10:00:00Z           | 2025-08-05     | 2025-08-05 | DAY    | NONE
            released on Aug 5, 2025 by OpenAI      | Aug 5, 2025    | 2025-08-05 | DAY    | NONE
            released on August 5, 2025.            | August 5, 2025 | 2025-08-05 | DAY    | NONE
            released on 5 August 2025.             | 5 August 2025  | 2025-08-05 | DAY    | NONE
            released on Sept 30, 2024.             | Sept 30, 2024  | 2024-09-30 | DAY    | NONE
            2024年2月29日                          | 2024年2月29日  | 2024-02-29 | DAY    | NONE
            2025年8月                              | 2025年8月      | 2025-08-01 | MONTH  | NONE
            released in August 2025.               | August 2025    | 2025-08-01 | MONTH  | NONE
            二〇二五年                             | 二〇二五年     | 2025-01-01 | YEAR   | NONE
            since 2019 the lab                     | 2019           | 2019-01-01 | YEAR   | NONE
            # Partial: this year's unless more than two months after the article
            八月五日                               | 八月五日       | 2025-08-05 | DAY    | NONE
            8月5号                                 | 8月5号         | 2025-08-05 | DAY    | NONE
            10月24日                               | 10月24日       | 2025-10-24 | DAY    | NONE
            10月25日                               | 10月25日       | 2024-10-25 | DAY    | NONE
            10月                                   | 10月           | 2025-10-01 | MONTH  | NONE
            12月                                   | 12月           | 2024-12-01 | MONTH  | NONE
            十一月                                 | 十一月         | 2024-11-01 | MONTH  | NONE
            一月                                   | 一月           | 2025-01-01 | MONTH  | NONE
            8月份                                  | 8月份          | 2025-08-01 | MONTH  | NONE
            on Aug. 5 it shipped                   | Aug. 5         | 2025-08-05 | DAY    | NONE
            August 5th                             | August 5th     | 2025-08-05 | DAY    | NONE
            The shift began in January.            | January        | 2025-01-01 | MONTH  | NONE
            expected in October                    | October        | 2025-10-01 | MONTH  | NONE
            shipped in Aug.                        | Aug            | 2025-08-01 | MONTH  | NONE
            shipped by December                    | December       | 2024-12-01 | MONTH  | NONE
            # A bare day: this month's, or last month's when after the article's day
            24日                                   | 24日           | 2025-08-24 | DAY    | NONE
            25日                                   | 25日           | 2025-07-25 | DAY    | NONE
            # Relative
            今年1月                                | 今年1月        | 2025-01-01 | MONTH  | NONE
            去年12月                               | 去年12月       | 2024-12-01 | MONTH  | NONE
            今年7月14日                            | 今年7月14日    | 2025-07-14 | DAY    | NONE
            去年                                   | 去年           | 2024-01-01 | YEAR   | NONE
            前年                                   | 前年           | 2023-01-01 | YEAR   | NONE
            明年                                   | 明年           | 2026-01-01 | YEAR   | NONE
            上個月                                 | 上個月         | 2025-07-01 | MONTH  | NONE
            上个月                                 | 上个月         | 2025-07-01 | MONTH  | NONE
            本月                                   | 本月           | 2025-08-01 | MONTH  | NONE
            下個月                                 | 下個月         | 2025-09-01 | MONTH  | NONE
            昨天                                   | 昨天           | 2025-08-23 | DAY    | NONE
            昨日                                   | 昨日           | 2025-08-23 | DAY    | NONE
            今天                                   | 今天           | 2025-08-24 | DAY    | NONE
            今日                                   | 今日           | 2025-08-24 | DAY    | NONE
            前天                                   | 前天           | 2025-08-22 | DAY    | NONE
            明天                                   | 明天           | 2025-08-25 | DAY    | NONE
            It was released last year.             | last year      | 2024-01-01 | YEAR   | NONE
            This year's models                     | This year      | 2025-01-01 | YEAR   | NONE
            due next year                          | next year      | 2026-01-01 | YEAR   | NONE
            launched last month                    | last month     | 2025-07-01 | MONTH  | NONE
            announced yesterday                    | yesterday      | 2025-08-23 | DAY    | NONE
            launched earlier this year             | earlier this year  | 2025-01-01 | YEAR  | BEFORE
            launched earlier this month            | earlier this month | 2025-08-01 | MONTH | BEFORE
            due later this year                    | later this year    | 2025-01-01 | YEAR  | AFTER
            launched late last year                | late last year     | 2024-01-01 | YEAR  | LATE
            # Periods
            2010年代                               | 2010年代       | 2010-01-01 | DECADE | NONE
            2010年代初                             | 2010年代初     | 2010-01-01 | DECADE | EARLY
            2010年代初期                           | 2010年代初期   | 2010-01-01 | DECADE | EARLY
            2010年代末                             | 2010年代末     | 2010-01-01 | DECADE | LATE
            2010年代後期                           | 2010年代後期   | 2010-01-01 | DECADE | LATE
            2010年代后期                           | 2010年代后期   | 2010-01-01 | DECADE | LATE
            上世紀90年代                           | 上世紀90年代   | 1990-01-01 | DECADE | NONE
            九十年代                               | 九十年代       | 1990-01-01 | DECADE | NONE
            in the 2010s                           | 2010s          | 2010-01-01 | DECADE | NONE
            in the mid-2010s                       | mid-2010s      | 2010-01-01 | DECADE | MID
            in the early 2000s                     | early 2000s    | 2000-01-01 | DECADE | EARLY
            "back in the '90s"                     | '90s           | 1990-01-01 | DECADE | NONE
            2020年以後                             | 2020年以後     | 2020-01-01 | YEAR   | AFTER
            2020年以后                             | 2020年以后     | 2020-01-01 | YEAR   | AFTER
            closed after 2020                      | after 2020     | 2020-01-01 | YEAR   | AFTER
            2020年前                               | 2020年前       | 2020-01-01 | YEAR   | BEFORE
            2020年以前                             | 2020年以前     | 2020-01-01 | YEAR   | BEFORE
            open before 2020                       | before 2020    | 2020-01-01 | YEAR   | BEFORE
            2024年底                               | 2024年底       | 2024-01-01 | YEAR   | LATE
            去年底                                 | 去年底         | 2024-01-01 | YEAR   | LATE
            今年年初                               | 今年年初       | 2025-01-01 | YEAR   | EARLY
            by mid-2024                            | mid-2024       | 2024-01-01 | YEAR   | MID
            in early 2025                          | early 2025     | 2025-01-01 | YEAR   | EARLY
            8月上旬                                | 8月上旬        | 2025-08-01 | MONTH  | EARLY
            8月中旬                                | 8月中旬        | 2025-08-01 | MONTH  | MID
            8月下旬                                | 8月下旬        | 2025-08-01 | MONTH  | LATE
            八月初                                 | 八月初         | 2025-08-01 | MONTH  | EARLY
            in late March 2025                     | late March 2025 | 2025-03-01 | MONTH | LATE
            # Words that only look like a qualifier stay out of the mention; a month that does not
            # exist leaves the year
            2025年13月                             | 2025年         | 2025-01-01 | YEAR   | NONE
            2025年初創企業                         | 2025年         | 2025-01-01 | YEAR   | NONE
            2025年前三季度                         | 2025年         | 2025-01-01 | YEAR   | NONE
            2020年前後                             | 2020年         | 2020-01-01 | YEAR   | NONE
            """)
    void resolvesTheMention(String input, String text, LocalDate date, DatePrecision precision, Qualifier qualifier) {
        assertThat(resolver.resolve(input, ARTICLE)).singleElement().satisfies(mention -> {
            assertThat(mention.text()).isEqualTo(text);
            assertThat(mention.date()).isEqualTo(date);
            assertThat(mention.precision()).isEqualTo(precision);
            assertThat(mention.qualifier()).isEqualTo(qualifier);
            assertThat(mention.start()).isEqualTo(input.indexOf(text));
            assertThat(mention.end()).isEqualTo(input.indexOf(text) + text.length());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // numbers that are not dates
        "使用中國開源模型的概率有80%", "兩款開放權重模型gpt-oss-120b與gpt-oss-20b", "最新專有模型GPT-5",
        "a 2B model", "Qwen2.5", "R1-0528", "Qwen3-235B-A22B-2507", "a cluster of 2048 GPUs", "ranges 2023-2025",
        "5000年前", "1000年", "he may 5",
        // durations, not dates
        "簽署獨家云服務協議六年來", "深耕開源領域二十余年", "過去30日", "3日內", "三個月",
        // weeks are not read: DatePrecision has no week
        "上週", "上周", "就在同一周",
        // look-alikes
        "十年前年輕人", "今日頭條", "近日", "Janus", "in Marc",
        // ambiguous two-digit decades
        "10年代", "in the 20s",
        // days that do not exist (2月29日 needs a leap year; the article's year is not one)
        "2月30日", "2月29日", "Aug 32, 2025", "十三月"})
    void findsNothingIn(String input) {
        assertThat(resolver.resolve(input, ARTICLE)).isEmpty();
    }

    @Test
    void keepsTheLongestReadingAndReportsMentionsInTextOrder() {
        String text = "2025年8月13日至15日,OpenAI在8月發布。";

        assertThat(resolver.resolve(text, ARTICLE))
                .extracting(DateMention::text, DateMention::date, DateMention::precision)
                .containsExactly(
                        tuple("2025年8月13日", LocalDate.of(2025, 8, 13), DatePrecision.DAY),
                        tuple("15日", LocalDate.of(2025, 8, 15), DatePrecision.DAY),
                        tuple("8月", LocalDate.of(2025, 8, 1), DatePrecision.MONTH));
    }

    @Test
    void readsAMonthAndYearIntoTheArticlesTimeframe() {
        LocalDate january = LocalDate.of(2026, 1, 10);

        assertThat(resolver.resolve("12月", january)).singleElement()
                .extracting(DateMention::date).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(resolver.resolve("31日", LocalDate.of(2025, 3, 5))).isEmpty();
        assertThat(resolver.resolve("31日", LocalDate.of(2025, 4, 15))).singleElement()
                .extracting(DateMention::date).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(resolver.resolve("上個月", january)).singleElement()
                .extracting(DateMention::date).isEqualTo(LocalDate.of(2025, 12, 1));
    }

    @Test
    void readsOnlyAbsoluteDatesForAnArticleDatedOutsideThePlausibleYears() {
        String text = "2025年8月5日,去年12月,7月14日,21日,上個月,昨天,last year, in January";

        for (LocalDate odd : List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1850, 1, 1))) {
            assertThat(resolver.resolve(text, odd)).singleElement()
                    .extracting(DateMention::text).isEqualTo("2025年8月5日");
        }
    }

    @Test
    void findsExactlyTheseDatesInTheSeedArticle() throws IOException {
        String text = PinyinAnnotationRemover.remove(Files.readString(SEED, StandardCharsets.UTF_8));

        List<DateMention> mentions = resolver.resolve(text, ARTICLE);

        assertThat(mentions)
                .extracting(DateMention::text, DateMention::date, DateMention::precision, DateMention::qualifier)
                .containsExactly(
                        tuple("今年一月", LocalDate.of(2025, 1, 1), DatePrecision.MONTH, Qualifier.NONE),
                        tuple("21日", LocalDate.of(2025, 8, 21), DatePrecision.DAY, Qualifier.NONE),
                        tuple("今年", LocalDate.of(2025, 1, 1), DatePrecision.YEAR, Qualifier.NONE),
                        tuple("2010年代中期", LocalDate.of(2010, 1, 1), DatePrecision.DECADE, Qualifier.MID),
                        tuple("2020年后", LocalDate.of(2020, 1, 1), DatePrecision.YEAR, Qualifier.AFTER),
                        tuple("8月", LocalDate.of(2025, 8, 1), DatePrecision.MONTH, Qualifier.NONE),
                        tuple("2019年", LocalDate.of(2019, 1, 1), DatePrecision.YEAR, Qualifier.NONE),
                        tuple("7月14日", LocalDate.of(2025, 7, 14), DatePrecision.DAY, Qualifier.NONE));
        assertThat(mentions).allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
    }

    @Test
    void staysLinearOnLongAndRepetitiveText() {
        List<String> inputs = List.of(
                "2025年".repeat(40_000), "1".repeat(200_000), "年月日".repeat(50_000), "Aug 5, ".repeat(30_000),
                "the mid-".repeat(30_000), "二十".repeat(100_000), "2025-08-".repeat(30_000), " ".repeat(200_000));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String input : inputs) {
                resolver.resolve(input, ARTICLE);
            }
        });
    }
}
