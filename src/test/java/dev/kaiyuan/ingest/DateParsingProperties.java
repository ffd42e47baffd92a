package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** Front matter dates read by the quick path for the common form are what java.time's parsers give. */
class DateParsingProperties {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Property(tries = 5000)
    void theCommonFormReadsAsJavaTimeReadsIt(@ForAll("dates") String date) {
        Statistics.label("quick").collect(FrontMatterParser.plainOffsetDateTime(date.strip()).isPresent())
                .coverage(c -> c.check(true).percentage(p -> p > 20.0));
        assertThat(FrontMatterParser.parseDate(date, SHANGHAI)).as(date).isEqualTo(byJavaTime(date, SHANGHAI));
    }

    /** The reading before the quick path: java.time's ISO parsers. */
    private static Optional<LocalDate> byJavaTime(String raw, ZoneId zone) {
        String s = raw.strip();
        try {
            if (s.length() == 10) {
                return Optional.of(LocalDate.parse(s));
            }
            String iso = s.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return Optional.of(OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDate());
            }
            return Optional.of(LocalDateTime.parse(iso).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> odd = Arbitraries.of("00", "13", "24", "29", "30", "31", "60", "99", "1a", "+1");
        Arbitrary<String> month = Arbitraries.frequencyOf(Tuple.of(9, number(1, 12)), Tuple.of(1, odd));
        Arbitrary<String> day = Arbitraries.frequencyOf(Tuple.of(9, number(1, 31)), Tuple.of(1, odd));
        Arbitrary<String> hour = Arbitraries.frequencyOf(Tuple.of(9, number(0, 23)), Tuple.of(1, odd));
        Arbitrary<String> minute = Arbitraries.frequencyOf(Tuple.of(9, number(0, 59)), Tuple.of(1, odd));
        Arbitrary<String> year = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(1900, 2100)
                .map(String::valueOf)), Tuple.of(1, Arbitraries.of("0000", "9999", "20x5", "+2025")));
        Arbitrary<String> offset = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("Z", "+08:00", "-05:30", "+00:00", "-00:00", "+05:45", "-12:00", "+14:00")),
                Tuple.of(2, Combinators.combine(Arbitraries.of("+", "-"), Arbitraries.frequencyOf(
                        Tuple.of(3, number(0, 18)), Tuple.of(1, odd)), minute).as((s, h, m) -> s + h + ":" + m)),
                Tuple.of(1, Arbitraries.of("z", "+18:00", "+19:00", "+08:60", "+0800", "+08", " +08:00", "", "Z ",
                        ".5Z", "+08:00:00")));
        Arbitrary<String> separator = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("T")),
                Tuple.of(2, Arbitraries.just(" ")), Tuple.of(1, Arbitraries.of("t", "_")));
        return Combinators.combine(year, month, day, separator, hour, minute, minute, offset)
                .as((y, mo, d, t, h, mi, se, o) -> y + "-" + mo + "-" + d + t + h + ":" + mi + ":" + se + o)
                .flatMap(s -> Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(s)),
                        Tuple.of(1, Arbitraries.just(" " + s + "\n")),
                        Tuple.of(1, Arbitraries.just(s.substring(0, Math.min(s.length(), 10))))));
    }

    private static Arbitrary<String> number(int min, int max) {
        return Arbitraries.integers().between(min, max).map(n -> String.format("%02d", n));
    }
}
