package dev.kaiyuan.render;

import static dev.kaiyuan.render.ReleaseFixtures.byId;
import static dev.kaiyuan.render.ReleaseFixtures.family;
import static dev.kaiyuan.render.ReleaseFixtures.org;
import static dev.kaiyuan.render.ReleaseFixtures.release;
import static dev.kaiyuan.render.ReleaseFixtures.unreleased;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.testing.StrictJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseExportsTest {
    private static final String HEADER = "id,name,family,organization,organization_name,country,released,precision,"
            + "accessibility,open_weights,license,parameters,active_parameters,modality,base_model,source,confidence";
    private static final String TRICKY = "Qwen \"Max\", 千问\r\n第二行";

    private static final Map<String, Organization> ORGS = byId(org("openai", "OpenAI", "US"),
            org("alibaba", "Alibaba Group", "CN"), org("mistral-ai", "Mistral AI", "FR"));

    private static final List<ModelRelease> RELEASES = List.of(
            release("gpt-oss-120b", "gpt-oss-120b", "openai", "2025-08-05", DatePrecision.DAY, "open-unrestricted"),
            release("gpt-oss-20b", "gpt-oss-20b", "openai", "2025-08-05", DatePrecision.DAY, "open-unrestricted"),
            release("gpt-5", "GPT-5", "openai", "2025-08-07", DatePrecision.DAY, "api"),
            release("qwen-max", TRICKY, "alibaba", "2025-05-01", DatePrecision.MONTH, "open-restricted"),
            release("mistral-7b", "Mistral 7B", "mistral-ai", "2023-01-01", DatePrecision.YEAR, "open-unrestricted"),
            family("qwen", "alibaba"),
            unreleased("behemoth", "llama", "meta"));

    // ---------------------------------------------------------------- CSV

    @Test
    void csvHasTheExactHeaderAndEndsEveryRecordWithCrlf() {
        String csv = ReleaseExports.csv(RELEASES, ORGS);
        assertThat(csv).startsWith(HEADER + "\r\n").endsWith("\r\n");
        assertThat(String.join(",", ReleaseExports.COLUMNS)).isEqualTo(HEADER);
        List<List<String>> records = Rfc4180.parse(csv);
        assertThat(records).allSatisfy(r -> assertThat(r).hasSize(17));
    }

    @Test
    void csvRoundTripsCommaQuoteNewlineAndChinese() {
        List<List<String>> records = Rfc4180.parse(ReleaseExports.csv(RELEASES, ORGS));
        List<String> qwen = records.stream().filter(r -> r.get(0).equals("qwen-max")).findFirst().orElseThrow();
        assertThat(qwen.get(1)).isEqualTo(TRICKY);
        assertThat(ReleaseExports.csv(RELEASES, ORGS)).contains(",\"Qwen \"\"Max\"\", 千问\r\n第二行\",");
    }

    @Test
    void csvQuotesOnlyFieldsThatNeedItAndLeavesAbsentValuesEmpty() {
        String csv = ReleaseExports.csv(RELEASES, ORGS);
        assertThat(csv).contains("\r\ngpt-oss-120b,gpt-oss-120b,,openai,OpenAI,US,2025-08-05,day,open-unrestricted,"
                + "true,Apache-2.0,7B,,text,,https://example.org/gpt-oss-120b,verified\r\n");
        assertThat(csv).contains("\r\nbehemoth,behemoth,llama,meta,,,,,unreleased,false,,,,text,,,"
                + "partial: previewed only\r\n");
    }

    @Test
    void releasesAreSortedByDateThenIdWithUndatedLastAndFamiliesLeftOut() {
        List<String> ids = Rfc4180.parse(ReleaseExports.csv(RELEASES, ORGS)).stream().skip(1)
                .map(r -> r.get(0)).toList();
        assertThat(ids).containsExactly("mistral-7b", "qwen-max", "gpt-oss-120b", "gpt-oss-20b", "gpt-5", "behemoth");
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void jsonIsAnArrayOfObjectsWithTheColumnsAsKeysInOrder() {
        List<Object> array = arr(StrictJson.parse(ReleaseExports.json(RELEASES, ORGS)));
        assertThat(array).hasSize(6);
        assertThat(array).allSatisfy(o -> assertThat(obj(o).keySet()).containsExactlyElementsOf(
                ReleaseExports.COLUMNS));
        Map<String, Object> behemoth = obj(array.get(5));
        assertThat(behemoth.get("released")).isNull();
        assertThat(behemoth.get("country")).isNull();
        assertThat(behemoth.get("open_weights")).isEqualTo(false);
        assertThat(obj(array.get(1)).get("name")).isEqualTo(TRICKY);
    }

    @Test
    void jsonOfOneReleaseIsExactlyThis() {
        String json = ReleaseExports.json(List.of(RELEASES.get(0)), ORGS);
        assertThat(json).isEqualTo("""
                [
                  {
                    "id": "gpt-oss-120b",
                    "name": "gpt-oss-120b",
                    "family": null,
                    "organization": "openai",
                    "organization_name": "OpenAI",
                    "country": "US",
                    "released": "2025-08-05",
                    "precision": "day",
                    "accessibility": "open-unrestricted",
                    "open_weights": true,
                    "license": "Apache-2.0",
                    "parameters": "7B",
                    "active_parameters": null,
                    "modality": "text",
                    "base_model": null,
                    "source": "https://example.org/gpt-oss-120b",
                    "confidence": "verified"
                  }
                ]
                """);
        assertThat(ReleaseExports.json(List.of(), ORGS)).isEqualTo("[]\n");
    }

    @Test
    void jsonEscapesQuotesBackslashesControlsAndLineSeparators() {
        String name = "a\"b\\c\u0001d\u001fe\tf\ng\u2028h\u2029i</script>&j 千问 😀 \ud800";
        ModelRelease r = release("x", name, "openai", "2025-01-01", DatePrecision.DAY, "open-unrestricted");
        String json = ReleaseExports.json(List.of(r), ORGS);
        assertThat(json).contains("\"name\": \"a\\\"b\\\\c\\u0001d\\u001fe\\tf\\ng\\u2028h\\u2029i"
                + "\\u003c/script\\u003e\\u0026j 千问 😀 \\ud800\"");
        assertThat(json).doesNotContain("\u2028", "\u2029", "\t", "\u0001", "</");
        Map<String, Object> parsed = obj(arr(StrictJson.parse(json)).get(0));
        assertThat(parsed.get("name")).isEqualTo(name);
    }

    @Test
    void jsonIsIndentedByTwoSpacesAndEndsWithANewline() {
        String json = ReleaseExports.json(RELEASES, ORGS);
        assertThat(json).startsWith("[\n  {\n    \"id\": ").endsWith("\n  }\n]\n");
        assertThat(json.lines()).allMatch(l -> l.matches("( {2})*\\S.*"));
    }

    // ---------------------------------------------------------------- TimelineJS

    @Test
    void timelineHasTheTitleSlideAndOneEventPerDatedRelease() {
        Map<String, Object> timeline = timeline();
        assertThat(timeline.keySet()).containsExactly("title", "events");
        assertThat(timeline.get("title")).isEqualTo(
                Map.of("text", Map.of("headline", "Open models", "text", "Releases &lt;2025&gt;")));
        assertThat(events(timeline)).extracting(e -> e.get("unique_id"))
                .containsExactly("mistral-7b", "qwen-max", "gpt-oss-120b", "gpt-oss-20b", "gpt-5");
    }

    @Test
    void aDayPreciseEventHasYearMonthAndDayAsStrings() {
        Map<String, Object> gptOss = events(timeline()).get(2);
        assertThat(gptOss.get("start_date")).isEqualTo(Map.of("year", "2025", "month", "8", "day", "5"));
        assertThat(gptOss.get("text")).isEqualTo(
                Map.of("headline", "gpt-oss-120b", "text", "OpenAI · US · Apache-2.0 · open weights"));
        assertThat(gptOss.get("group")).isEqualTo("OpenAI");
    }

    @Test
    void aMonthPreciseEventHasNoDayAndAYearPreciseOneOnlyAYear() {
        List<Map<String, Object>> events = events(timeline());
        assertThat(events.get(1).get("start_date")).isEqualTo(Map.of("year", "2025", "month", "5"));
        assertThat(events.get(0).get("start_date")).isEqualTo(Map.of("year", "2023"));
    }

    @Test
    void aDecadeIsItsFirstYearShownAsTheDecade() {
        ModelRelease r = release("old", "Old", "openai", "2017-06-01", DatePrecision.DECADE, "open-unrestricted");
        Map<String, Object> e = events(obj(StrictJson.parse(ReleaseExports.timelineJs("h", "t", List.of(r), ORGS))))
                .get(0);
        assertThat(e.get("start_date")).isEqualTo(Map.of("year", "2010", "display_date", "2010s"));
    }

    @Test
    void closedReleasesSayHowTheyAreOfferedAndNamesAreEscapedForHtml() {
        List<Map<String, Object>> events = events(timeline());
        assertThat(obj(events.get(4).get("text")).get("text"))
                .isEqualTo("OpenAI · US · Apache-2.0 · closed weights (api)");
        assertThat(obj(events.get(1).get("text")).get("headline"))
                .isEqualTo("Qwen &quot;Max&quot;, 千问\r\n第二行");
    }

    @Test
    void anOrganizationMissingFromTheMapIsNamedByItsId() {
        ModelRelease r = release("x", "X", "nobody", "2025-01-02", DatePrecision.DAY, "open-unrestricted");
        Map<String, Object> e = events(obj(StrictJson.parse(ReleaseExports.timelineJs("h", "t", List.of(r), ORGS))))
                .get(0);
        assertThat(e.get("group")).isEqualTo("nobody");
        assertThat(obj(e.get("text")).get("text")).isEqualTo("nobody · Apache-2.0 · open weights");
    }

    @Test
    void sameReleasesInAnyOrderGiveTheSameBytes() {
        List<ModelRelease> reversed = new ArrayList<>(RELEASES);
        Collections.reverse(reversed);
        assertThat(ReleaseExports.csv(reversed, ORGS)).isEqualTo(ReleaseExports.csv(RELEASES, ORGS));
        assertThat(ReleaseExports.json(reversed, ORGS)).isEqualTo(ReleaseExports.json(RELEASES, ORGS));
        assertThat(ReleaseExports.timelineJs("h", "t", reversed, ORGS))
                .isEqualTo(ReleaseExports.timelineJs("h", "t", RELEASES, ORGS));
    }

    @Test
    void emptyLicenseAndModalityAreAbsentValues() {
        ModelRelease bare = new ModelRelease("bare", "Bare", "bare", "openai", Optional.of(LocalDate.of(2025, 1, 1)),
                DatePrecision.DAY, "open-unrestricted", "", Optional.empty(), Optional.empty(), "", Optional.empty(),
                Optional.empty(), "verified", List.of(), ReleaseFixtures.WHERE);
        Map<String, Object> parsed = obj(arr(StrictJson.parse(ReleaseExports.json(List.of(bare), ORGS))).get(0));
        assertThat(parsed.get("license")).isNull();
        assertThat(parsed.get("modality")).isNull();
    }

    private static Map<String, Object> timeline() {
        return obj(StrictJson.parse(ReleaseExports.timelineJs("Open models", "Releases <2025>", RELEASES, ORGS)));
    }

    private static List<Map<String, Object>> events(Map<String, Object> timeline) {
        return arr(timeline.get("events")).stream().map(ReleaseExportsTest::obj).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> arr(Object json) {
        return (List<Object>) json;
    }

    /** An RFC 4180 reader for the test: quoted fields may hold commas, doubled quotes, CR and LF. */
    static final class Rfc4180 {
        private Rfc4180() {
        }

        static List<List<String>> parse(String csv) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < csv.length(); i++) {
                char c = csv.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    assertThat(field).as("quote only at the start of a field").isEmpty();
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r') {
                    assertThat(csv.charAt(i + 1)).as("CR is followed by LF").isEqualTo('\n');
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i++;
                } else {
                    assertThat(c).as("bare LF outside quotes").isNotEqualTo('\n');
                    field.append(c);
                }
            }
            assertThat(quoted).as("unterminated quote").isFalse();
            assertThat(record).as("last record ends with CRLF").isEmpty();
            assertThat(field).isEmpty();
            return records;
        }
    }
}
