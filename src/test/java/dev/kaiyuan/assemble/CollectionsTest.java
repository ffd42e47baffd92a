package dev.kaiyuan.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.ArticleDate;
import dev.kaiyuan.model.ReadingTime;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.model.WeekIssue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CollectionsTest {

    /** ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday. */
    @ParameterizedTest
    @CsvSource({
        "2025-08-21, 2025-w34",
        "2024-12-30, 2025-w01",
        "2025-01-01, 2025-w01",
        "2020-12-31, 2020-w53",
        "2021-01-03, 2020-w53",
        "2021-01-04, 2021-w01",
        "2026-12-31, 2026-w53",
        "2027-01-03, 2026-w53",
        "2023-01-01, 2022-w52",
        "2019-12-30, 2020-w01",
    })
    void weeksFollowIso8601AtYearBoundaries(LocalDate day, String week) {
        assertThat(Collections.weekId(day)).isEqualTo(week);
    }

    private static Article article(String slug, LocalDate day, String... tags) {
        return new Article(SourceRef.file("seeds/" + slug + ".md"), slug, slug, false,
                Optional.of(ArticleDate.exact(day)), "en", Optional.empty(), Optional.empty(), List.of(tags), "",
                "<p>x</p>", List.of(), Optional.empty(), List.of(), ReadingTime.of(0, 1), "UTF-8", false, "x");
    }

    @Test
    void issuesGroupByWeekNewestFirstWithTheirMonday() {
        List<WeekIssue> issues = Collections.issues(List.of(article("c", LocalDate.of(2025, 1, 2)),
                article("b", LocalDate.of(2024, 12, 30)), article("a", LocalDate.of(2024, 12, 29))));
        assertThat(issues).extracting(WeekIssue::id).containsExactly("2025-w01", "2024-w52");
        assertThat(issues.get(0).articles()).extracting(Article::slug).containsExactly("c", "b");
        assertThat(issues.get(0).monday()).isEqualTo(LocalDate.of(2024, 12, 30));
        assertThat(issues.get(0).sunday()).isEqualTo(LocalDate.of(2025, 1, 5));
    }

    @Test
    void tagsShareAPageWhenTheirSlugsAgree() {
        var tags = new Collections(new Slugs()).tags(List.of(article("a", LocalDate.of(2025, 1, 2), "Open Models", "DeepSeek"),
                article("b", LocalDate.of(2025, 1, 1), "open models", "开源")));
        assertThat(tags).extracting(t -> t.slug() + "=" + t.articles().size())
                .containsExactly("deepseek=1", "open-models=2", "开源=1");
    }
}
