package dev.kaiyuan.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.DateMention;
import dev.kaiyuan.model.DatePrecision;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.time.api.Dates;

/** Properties of {@link DateResolver}: written days round-trip, and no text makes it throw. */
class DateResolverProperties {

    private static final LocalDate ARTICLE = LocalDate.of(2025, 8, 24);

    private final DateResolver resolver = new DateResolver();

    @Property(tries = 1000)
    void aWrittenDayResolvesBackToItself(@ForAll("days") LocalDate day, @ForAll("formats") DateTimeFormatter format,
            @ForAll("contexts") Tuple2<String, String> context) {
        String written = format.format(day);
        String text = context.get1() + written + context.get2();

        assertThat(resolver.resolve(text, ARTICLE)).singleElement().satisfies(mention -> {
            assertThat(mention.date()).isEqualTo(day);
            assertThat(mention.precision()).isEqualTo(DatePrecision.DAY);
            assertThat(mention.text()).isEqualTo(written);
            assertThat(mention.start()).isEqualTo(context.get1().length());
        });
    }

    @Property(tries = 2000)
    void neverThrowsAndReturnsOrderedDisjointSpans(@ForAll String text) {
        assertWellFormed(text, resolver.resolve(text, ARTICLE));
    }

    @Property(tries = 2000)
    void neverThrowsOnDateLikeSoup(@ForAll("soup") String text, @ForAll("days") LocalDate article) {
        assertWellFormed(text, resolver.resolve(text, article));
    }

    /** A rule runs only with one of its cues: skipping the rest loses no date, in any text. */
    @Property(tries = 3000)
    void theCuesLoseNoDate(@ForAll("soupOrWords") String text, @ForAll("days") LocalDate article) {
        assertThat(resolver.resolve(text, article)).as(text).isEqualTo(resolver.resolve(text, article, ~0));
    }

    private static void assertWellFormed(String text, List<DateMention> mentions) {
        int previousEnd = 0;
        for (DateMention mention : mentions) {
            assertThat(mention.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(text.substring(mention.start(), mention.end())).isEqualTo(mention.text());
            previousEnd = mention.end();
        }
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Dates.dates().between(LocalDate.of(1990, 1, 1), LocalDate.of(2035, 12, 31));
    }

    @Provide
    Arbitrary<DateTimeFormatter> formats() {
        return Arbitraries.of(
                DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT),
                DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT),
                DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH));
    }

    @Provide
    Arbitrary<Tuple2<String, String>> contexts() {
        return Arbitraries.of(
                Tuple.of("", ""), Tuple.of("OpenAI於", "發布了新模型。"), Tuple.of("Released on ", "."),
                Tuple.of("（", "）"), Tuple.of("據報道,", ",DeepSeek"));
    }

    /**
     * Date soup, or English phrases of two words dates are written with (or near misses of them),
     * any separator between, in any order and case.
     */
    @Provide
    Arbitrary<String> soupOrWords() {
        Arbitrary<String> first = Arbitraries.of("in", "In", "IN", "since", "by", "until", "till", "from", "during",
                "through", "throughout", "early", "Mid", "late", "before", "after", "earlier", "later", "last",
                "This", "next", "NEXT", "the", "of", "a", "xin", "thin", "context", "5", "Aug");
        Arbitrary<String> second = Arbitraries.of("year", "Year", "years", "month", "MONTH", "today", "Yesterday",
                "tomorrow", "2025", "1999", "20250", "2010s", "90s", "Aug", "August", "May", "5", "21st", "yearly");
        Arbitrary<String> separator = Arbitraries.of(" ", "\u00A0", "-", "", "  ", ", ");
        Arbitrary<String> phrase = net.jqwik.api.Combinators.combine(first, separator, second, separator)
                .as((a, b, c, d) -> a + b + c + d);
        return Arbitraries.oneOf(soup(), phrase.list().ofMaxSize(4).map(phrases -> String.join("", phrases)));
    }

    /** Short strings over the characters dates are written with, so that near-misses abound. */
    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.strings()
                .withChars("0123456789０９年月日號号代初中末期旬前後后以之今去明上下本個个週周昨天")
                .withChars("十一二三四五六七八九〇世紀-/.,:' TADFJMNOSaceghilmnoprstuvy%")
                .ofMaxLength(40);
    }
}
