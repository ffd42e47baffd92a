package dev.kaiyuan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordTextTest {
    record Settings(String title, Optional<String> baseUrl, ZoneId zone, int pageSize) {
    }

    record Outer(String name, Settings settings) {
    }

    @Test
    void everyComponentOfEveryKindShowsInTheText() {
        Settings base = new Settings("开源周报", Optional.of("https://example.org/"), ZoneId.of("Asia/Shanghai"), 10);
        List<Settings> changed = List.of(
                new Settings("开源", base.baseUrl(), base.zone(), 10),
                new Settings(base.title(), Optional.empty(), base.zone(), 10),
                new Settings(base.title(), base.baseUrl(), ZoneId.of("UTC"), 10),
                new Settings(base.title(), base.baseUrl(), base.zone(), 20));

        assertThat(RecordText.of(base)).isEqualTo(RecordText.of(new Settings("开源周报",
                Optional.of("https://example.org/"), ZoneId.of("Asia/Shanghai"), 10)));
        assertThat(changed).extracting(RecordText::of).doesNotHaveDuplicates()
                .doesNotContain(RecordText.of(base));
    }

    record Pair(String a, String b) {
    }

    /** Without the lengths both would read a=x;b=y;b=z; */
    @Test
    void valuesThatSpellOutAnotherComponentDoNotCollide() {
        assertThat(RecordText.of(new Pair("x;b=y", "z"))).isNotEqualTo(RecordText.of(new Pair("x", "y;b=z")));
    }

    @Test
    void textMovedBetweenValuesOrIntoANestedRecordIsAnotherText() {
        Settings settings = new Settings("a", Optional.empty(), ZoneId.of("UTC"), 1);
        assertThat(RecordText.of(new Outer("x;title=1:a", settings)))
                .isNotEqualTo(RecordText.of(new Outer("x", settings)));
        assertThat(RecordText.of(new Outer("ab", new Settings("", Optional.empty(), ZoneId.of("UTC"), 1))))
                .isNotEqualTo(RecordText.of(new Outer("a", new Settings("b", Optional.empty(), ZoneId.of("UTC"), 1))));
    }
}
