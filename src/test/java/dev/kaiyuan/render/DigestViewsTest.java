package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The archive's month ids (four-digit years, two-digit months, as ISO 8601 writes a year-month), the
 * paths and labels of the months' pages, and how a tag's articles are cut into pages numbered from
 * the oldest.
 */
class DigestViewsTest {
    @ParameterizedTest
    @CsvSource({
        "2025-08-21, 2025-08",
        "2025-12-01, 2025-12",
        "1999-01-31, 1999-01",
        "0987-03-04, 0987-03",
        "+12345-10-01, 12345-10",
    })
    void monthIdsAreYearAndMonthPadded(String day, String month) {
        assertThat(DigestViews.monthId(LocalDate.parse(day))).isEqualTo(month);
    }

    @ParameterizedTest
    @CsvSource({
        "2025-08, archive/2025/08/index.html",
        "0987-03, archive/0987/03/index.html",
        "12345-10, archive/12345/10/index.html",
    })
    void aMonthsPageIsInAFolderOfItsYear(String month, String path) {
        assertThat(DigestViews.monthPath(month)).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource({
        "2025-08, en, August 2025",
        "2025-08, zh-Hans, 2025年8月",
        "0987-03, en, March 0987",
        "12345-10, en, October +12345",
        "12345-10, zh-Hant, 12345年10月",
    })
    void aMonthIsLabelledInAnyYear(String month, String lang, String label) {
        assertThat(DigestViews.monthLabel(month, lang)).isEqualTo(label);
    }

    @Property
    void tagPagesCoverEveryArticleOnceNewestFirstWithFullNumberedPages(@ForAll @IntRange(max = 400) int count,
            @ForAll @IntRange(min = 1, max = 25) int size) {
        List<DigestViews.Slice> slices = DigestViews.slices(count, size);

        assertThat(slices.get(0).number()).isZero();
        assertThat(slices.get(0).from()).isZero();
        assertThat(slices.get(slices.size() - 1).to()).isEqualTo(count);
        for (int i = 1; i < slices.size(); i++) {
            assertThat(slices.get(i).from()).isEqualTo(slices.get(i - 1).to());
            assertThat(slices.get(i).to() - slices.get(i).from()).isEqualTo(size);
            // Numbered from the oldest: the last page is page 1.
            assertThat(slices.get(i).number()).isEqualTo(slices.size() - i);
        }
        int first = slices.get(0).to();
        assertThat(first).isBetween(Math.min(count, size), 2 * size - 1);
    }

    @Property
    void aNewestArticleChangesAtMostThreeOfATagsPages(@ForAll @IntRange(max = 400) int count,
            @ForAll @IntRange(min = 1, max = 25) int size) {
        // A page as a reader sees it: the articles on it (by their position from the oldest) and its links.
        Map<Integer, String> before = pages(count, size);
        Map<Integer, String> after = pages(count + 1, size);

        long changed = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey()))).count();
        assertThat(changed).isLessThanOrEqualTo(3);
        assertThat(before.keySet()).isSubsetOf(after.keySet());
        if (count % size != size - 1 || count < 2 * size - 1) {
            // No page is added: only the first page changes.
            assertThat(changed).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aTagOfTwentyFiveInPagesOfTenHasAFirstPageOfFifteenAndPageOne() {
        assertThat(DigestViews.slices(25, 10)).containsExactly(new DigestViews.Slice(0, 0, 15),
                new DigestViews.Slice(1, 15, 25));
        assertThat(DigestViews.slices(19, 10)).containsExactly(new DigestViews.Slice(0, 0, 19));
        assertThat(DigestViews.slices(0, 10)).containsExactly(new DigestViews.Slice(0, 0, 0));
        assertThat(DigestViews.slices(30, 10)).containsExactly(new DigestViews.Slice(0, 0, 10),
                new DigestViews.Slice(2, 10, 20), new DigestViews.Slice(1, 20, 30));
    }

    /** Page number → its articles, counted from the oldest (0), and its neighbours' numbers. */
    private static Map<Integer, String> pages(int count, int size) {
        List<DigestViews.Slice> slices = DigestViews.slices(count, size);
        List<String> described = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            DigestViews.Slice s = slices.get(i);
            String newer = i > 0 ? String.valueOf(slices.get(i - 1).number()) : "-";
            String older = i + 1 < slices.size() ? String.valueOf(slices.get(i + 1).number()) : "-";
            described.add(s.number() + ":" + (count - s.to()) + ".." + (count - s.from()) + ":" + newer + ":" + older);
        }
        return described.stream().collect(Collectors.toMap(d -> Integer.parseInt(d.substring(0, d.indexOf(':'))),
                Function.identity()));
    }
}
