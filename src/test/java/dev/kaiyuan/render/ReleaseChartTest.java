package dev.kaiyuan.render;

import static dev.kaiyuan.render.ReleaseFixtures.byId;
import static dev.kaiyuan.render.ReleaseFixtures.family;
import static dev.kaiyuan.render.ReleaseFixtures.org;
import static dev.kaiyuan.render.ReleaseFixtures.release;
import static dev.kaiyuan.render.ReleaseFixtures.unreleased;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseChartTest {
    private static final Pattern SEGMENT_TITLE = Pattern.compile("(\\d{4}-Q[1-4]) (.+): (\\d+)");

    private static final Map<String, Organization> ORGS = byId(
            org("deepseek", "DeepSeek", "CN"), org("alibaba", "Alibaba", "CN"), org("openai", "OpenAI", "US"),
            org("mistral-ai", "Mistral AI", "FR"), org("tii", "Technology Innovation Institute", "AE"));

    /**
     * Open, dated, non-family: 2024-Q4 one Chinese; 2025-Q1 one each Chinese, American, European;
     * 2025-Q2 none; 2025-Q3 two Chinese, one American, one Other. Eight in all.
     */
    private static final List<ModelRelease> RELEASES = List.of(
            release("qwen-2-5", "alibaba", "2024-12-31", "open-restricted"),
            release("deepseek-r1", "deepseek", "2025-01-20", "open-unrestricted"),
            release("mistral-small-3", "mistral-ai", "2025-02-10", "open-unrestricted"),
            release("open-q1", "openai", "2025-03-31", "open-unrestricted"),
            release("deepseek-v3-1", "deepseek", "2025-07-01", "open-unrestricted"),
            release("qwen-3", "alibaba", "2025-09-30", "open-restricted"),
            release("gpt-oss-120b", "openai", "2025-08-05", "open-unrestricted"),
            release("falcon-h1", "tii", "2025-07-30", "open-non-commercial"),
            // left out: closed, a family, undated, and a date known only to the year
            release("gpt-5", "openai", "2025-08-07", "api"),
            release("chatgpt", "openai", "2025-06-01", "hosted"),
            family("deepseek", "deepseek"),
            unreleased("behemoth", "deepseek", "deepseek"),
            release("vague", "Vague", "alibaba", "2025-01-01", DatePrecision.YEAR, "open-unrestricted"));

    private final ReleaseChart chart = ReleaseChart.of(RELEASES, ORGS);

    @Test
    void countsOpenWeightReleasesPerQuarterByCountryGroupIncludingEmptyQuarters() {
        assertThat(chart.rows()).containsExactly(
                new ChartRow("2024-Q4", 1, 0, 0, 0),
                new ChartRow("2025-Q1", 1, 1, 1, 0),
                new ChartRow("2025-Q2", 0, 0, 0, 0),
                new ChartRow("2025-Q3", 2, 1, 0, 1));
        assertThat(chart.rows()).extracting(ChartRow::total).containsExactly(1, 3, 0, 4);
    }

    @Test
    void closedFamilyAndUndatedReleasesAreLeftOutAndYearOnlyDatesAreCountedApart() {
        int charted = chart.rows().stream().mapToInt(ChartRow::total).sum();
        assertThat(charted).isEqualTo(8);
        assertThat(chart.unplaced()).isEqualTo(1);
    }

    @Test
    void noOpenReleasesGiveNoRowsAndAnEmptyButValidChart() {
        ReleaseChart empty = ReleaseChart.of(List.of(release("gpt-5", "openai", "2025-08-07", "api")), ORGS);
        assertThat(empty.rows()).isEmpty();
        Document doc = parse(empty.svg("empty", "t", "d", ChartLegend.english()));
        assertThat(doc.select("g.chart-bar")).isEmpty();
        assertThat(doc.select("g.chart-grid line")).isNotEmpty();
    }

    @Test
    void aReleaseOfAnUnknownOrganizationCountsAsOther() {
        ReleaseChart c = ReleaseChart.of(List.of(release("x", "nobody", "2025-05-05", "open-unrestricted")), ORGS);
        assertThat(c.rows()).containsExactly(new ChartRow("2025-Q2", 0, 0, 0, 1));
    }

    @ParameterizedTest
    @CsvSource({"CN, CHINA", "cn, CHINA", "US, UNITED_STATES", "FR, EUROPE", "DE, EUROPE", "GB, EUROPE",
            "CH, EUROPE", "NO, EUROPE", "GR, EUROPE", "AE, OTHER", "CA, OTHER", "HK, OTHER", "TW, OTHER", "'', OTHER"})
    void countryGroups(String country, CountryGroup expected) {
        assertThat(CountryGroup.of(country)).isEqualTo(expected);
    }

    @Test
    void svgIsAnAccessibleImageWithUniqueIdsAndNothingExternalOrScripted() {
        String svg = chart.svg("releases", "Open-weight releases", "Per quarter, by country", ChartLegend.english());
        Element root = parse(svg).selectFirst("svg");
        assertThat(root.attr("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.attr("viewBox")).isEqualTo("0 0 720 308");
        assertThat(root.attr("role")).isEqualTo("img");
        assertThat(root.attr("aria-labelledby")).isEqualTo("releases-title releases-desc");
        assertThat(root.selectFirst("#releases-title").tagName()).isEqualTo("title");
        assertThat(root.selectFirst("#releases-title").text()).isEqualTo("Open-weight releases");
        assertThat(root.selectFirst("#releases-desc").tagName()).isEqualTo("desc");
        List<String> ids = root.select("[id]").eachAttr("id");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(svg).doesNotContain("<script", "href", "url(", "@import", "<style", "<foreignObject");
        assertThat(root.select("*")).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().startsWith("on") || a.getKey().equals("style")));
    }

    @Test
    void everySegmentIsColouredByACustomPropertyWithAFallback() {
        Document doc = parse(chart.svg("c", "t", "d", ChartLegend.english()));
        assertThat(doc.select("g.chart-bar rect").eachAttr("fill"))
                .isNotEmpty()
                .allMatch(f -> f.matches("var\\(--chart-(cn|us|eu|other), #[0-9a-f]{6}\\)"));
        assertThat(doc.select("rect.chart-cn").eachAttr("fill")).allMatch(f -> f.startsWith("var(--chart-cn, #"));
        assertThat(doc.select("g.chart-legend text").eachText())
                .containsExactly("China", "United States", "Europe", "Other");
    }

    @Test
    void segmentTitlesNameQuarterGroupAndCountAndAddUpToTheChartedReleases() {
        Document doc = parse(chart.svg("c", "t", "d", ChartLegend.english()));
        int sum = 0;
        List<String> titles = doc.select("g.chart-bar > rect > title").eachText();
        for (String title : titles) {
            Matcher m = SEGMENT_TITLE.matcher(title);
            assertThat(m.matches()).as(title).isTrue();
            sum += Integer.parseInt(m.group(3));
        }
        assertThat(titles).contains("2025-Q3 China: 2", "2025-Q3 Other: 1", "2024-Q4 China: 1");
        assertThat(sum).isEqualTo(8);
    }

    @Test
    void aSegmentTitleSetIsTheRowsCounts() {
        Document doc = parse(chart.svg("c", "t", "d", ChartLegend.english()));
        Set<String> titles = new HashSet<>(doc.select("g.chart-bar > rect > title").eachText());
        Set<String> expected = new HashSet<>();
        for (ChartRow row : chart.rows()) {
            for (CountryGroup g : CountryGroup.values()) {
                if (row.count(g) > 0) {
                    expected.add(row.quarter() + " " + g.label(ChartLegend.english()) + ": " + row.count(g));
                }
            }
        }
        assertThat(titles).isEqualTo(expected);
    }

    @Test
    void barsAreExactStacksAtTheScaleOfTheGridlines() {
        Document doc = parse(chart.svg("c", "t", "d", ChartLegend.english()));
        Axis axis = Axis.of(doc);
        List<Element> bars = doc.select("g.chart-bar");
        assertThat(bars).hasSameSizeAs(chart.rows());
        for (int i = 0; i < bars.size(); i++) {
            ChartRow row = chart.rows().get(i);
            Element bar = bars.get(i);
            assertThat(bar.attr("data-quarter")).isEqualTo(row.quarter());
            assertThat(bar.attr("data-total")).isEqualTo(String.valueOf(row.total()));
            assertThat(stackHeight(bar, axis.zeroY())).as(row.quarter())
                    .isEqualByComparingTo(axis.unit().multiply(BigDecimal.valueOf(row.total())));
            assertSegmentHeightsMatchTheirCounts(bar, axis.unit());
        }
    }

    @Test
    void yTicksAreIntegersFromZeroToAtLeastTheTallestBar() {
        Axis axis = Axis.of(parse(chart.svg("c", "t", "d", ChartLegend.english())));
        assertThat(axis.ticks()).startsWith(0).isSorted().doesNotHaveDuplicates();
        assertThat(axis.ticks().get(axis.ticks().size() - 1)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void xAxisNamesTheYearUnderEachFirstQuarter() {
        Document doc = parse(chart.svg("c", "t", "d", ChartLegend.english()));
        assertThat(doc.select("g.chart-x text").eachText()).containsExactly("2025");
    }

    @Test
    void withoutAFirstQuarterEveryQuarterIsNamed() {
        ReleaseChart c = ReleaseChart.of(List.of(release("a", "openai", "2025-05-05", "open-unrestricted"),
                release("b", "openai", "2025-08-05", "open-unrestricted")), ORGS);
        Document doc = parse(c.svg("c", "t", "d", ChartLegend.english()));
        assertThat(doc.select("g.chart-x text").eachText()).containsExactly("2025-Q2", "2025-Q3");
    }

    @Test
    void textIsEscapedAndChineseLegendNamesAppearInTitles() {
        String svg = chart.svg("c", "A < B & \"C\"", "描述\u0001", ChartLegend.chinese());
        Document doc = parse(svg);
        assertThat(doc.selectFirst("#c-title").text()).isEqualTo("A < B & \"C\"");
        assertThat(doc.selectFirst("#c-desc").text()).isEqualTo("描述");
        assertThat(doc.select("g.chart-bar > rect > title").eachText()).contains("2025-Q3 中国: 2");
    }

    @Test
    void sameReleasesInAnyOrderGiveTheSameBytes() {
        List<ModelRelease> shuffled = new ArrayList<>(RELEASES);
        Collections.reverse(shuffled);
        String a = chart.svg("c", "t", "d", ChartLegend.english());
        String b = ReleaseChart.of(shuffled, ORGS).svg("c", "t", "d", ChartLegend.english());
        assertThat(b).isEqualTo(a);
    }

    @Test
    void idPrefixMustBeAnIdToken() {
        assertThatThrownBy(() -> chart.svg("1 bad", "t", "d", ChartLegend.english()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 1", "1, 1, 1", "6, 1, 6", "7, 2, 4", "12, 2, 6", "13, 5, 3", "30, 5, 6", "31, 10, 4",
            "61, 20, 4", "301, 100, 4"})
    void scaleUsesAtMostSixTicksOfOneTwoOrFiveTimesAPowerOfTen(int max, int step, int ticks) {
        ChartSvg.Scale scale = ChartSvg.Scale.forMax(max);
        assertThat(scale.step()).isEqualTo(step);
        assertThat(scale.ticks()).isEqualTo(ticks);
        assertThat(scale.unit().multiply(BigDecimal.valueOf((long) step * ticks)))
                .isEqualByComparingTo(BigDecimal.valueOf(ChartSvg.PLOT_HEIGHT));
    }

    private static Document parse(String svg) {
        Document doc = Jsoup.parse(svg, "", Parser.xmlParser());
        assertThat(doc.children()).hasSize(1);
        assertThat(doc.child(0).tagName()).isEqualTo("svg");
        return doc;
    }

    /** Sum of segment heights; checks that they stack without gaps from the zero line up. */
    private static BigDecimal stackHeight(Element bar, BigDecimal zeroY) {
        BigDecimal bottom = zeroY;
        BigDecimal sum = BigDecimal.ZERO;
        for (Element rect : bar.select("> rect")) {
            BigDecimal y = number(rect, "y");
            BigDecimal height = number(rect, "height");
            assertThat(y.add(height)).as("segment sits on the one below").isEqualByComparingTo(bottom);
            bottom = y;
            sum = sum.add(height);
        }
        return sum;
    }

    private static void assertSegmentHeightsMatchTheirCounts(Element bar, BigDecimal unit) {
        for (Element rect : bar.select("> rect")) {
            Matcher m = SEGMENT_TITLE.matcher(rect.selectFirst("title").text());
            assertThat(m.matches()).isTrue();
            BigDecimal count = new BigDecimal(m.group(3));
            assertThat(number(rect, "height")).isEqualByComparingTo(unit.multiply(count));
        }
    }

    private static BigDecimal number(Element e, String attr) {
        return new BigDecimal(e.attr(attr));
    }

    /** The y axis read back from the gridlines: tick values, the zero line and pixels per release. */
    record Axis(List<Integer> ticks, BigDecimal zeroY, BigDecimal unit) {
        static Axis of(Document doc) {
            List<Element> lines = doc.select("g.chart-grid > line");
            List<Element> labels = doc.select("g.chart-grid > text");
            assertThat(lines).hasSameSizeAs(labels).hasSizeGreaterThan(1);
            List<Integer> ticks = labels.stream().map(t -> Integer.parseInt(t.text())).toList();
            BigDecimal zeroY = number(lines.get(0), "y1");
            BigDecimal unit = zeroY.subtract(number(lines.get(1), "y1"))
                    .divide(BigDecimal.valueOf(ticks.get(1) - ticks.get(0)));
            for (int k = 0; k < lines.size(); k++) {
                BigDecimal expected = zeroY.subtract(unit.multiply(BigDecimal.valueOf(ticks.get(k))));
                assertThat(number(lines.get(k), "y1")).isEqualByComparingTo(expected);
                assertThat(number(lines.get(k), "y2")).isEqualByComparingTo(expected);
            }
            return new Axis(ticks, zeroY, unit);
        }
    }
}
