package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed and the real knowledge base, built into a site: entity pages, timeline, links in articles. */
class KnowledgeSiteTest {
    private static final String ARTICLE = "articles/guancha-china-open-models-economist/index.html";
    @TempDir
    static Path project;
    private static BuildResult result;
    private static Path site;

    @BeforeAll
    static void build() {
        RepositoryProject.copyKnowledgeBase(RepositoryProject.copySeed(project));
        result = Build.run(BuildRequest.of(project));
        site = project.resolve("site");
    }

    @Test
    void buildsWithoutErrorsOrKnowledgeWarnings() {
        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsOnly("damage", "publish.no-base-url");
    }

    @Test
    void everyLinkResolves() {
        assertThat(TestSites.assertLinksResolve(site, "https://kaiyuan.invalid/")).isNotEmpty();
    }

    @Test
    void articleListsWhatItMentionsAndLinksFirstMentions() {
        Document page = TestSites.page(site, ARTICLE);
        List<String> mentioned = page.select(".mentions a").eachAttr("href");
        assertThat(mentioned).hasSize(30).contains("../../orgs/deepseek/index.html",
                "../../models/gpt-oss-120b/index.html", "../../people/ethan-mollick/index.html");
        assertThat(page.select(".body a.entity[href$=orgs/openai/index.html]")).hasSize(1);
        assertThat(page.select(".body mark a")).isEmpty();
        assertThat(page.select(".quotes blockquote footer a").eachText())
                .contains("Martin Casado", "Sam Altman", "Ethan Mollick", "Ali Farhadi");
        // As precise as the text: "8月" is a month, "2019年" a year.
        assertThat(page.select(".events time").eachAttr("datetime")).contains("2025-08", "2025-01", "2019");
    }

    @Test
    void timelineListsEveryDatedReleaseInTimeOrder() throws IOException {
        Document timeline = TestSites.page(site, "timeline/index.html");
        List<String> expected = datedReleaseIds();
        List<String> listed = new ArrayList<>();
        for (Element a : timeline.select(".releases .release-name")) {
            listed.add(a.attr("href").replaceAll(".*models/([^/]+)/index.html", "$1"));
        }
        assertThat(listed).isEqualTo(expected);
        List<String> dates = timeline.select(".releases time").eachAttr("datetime");
        assertThat(dates).hasSize(expected.size()).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(dates).allSatisfy(d -> assertThat(d).matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(timeline.select(".release-open")).isNotEmpty();
        assertThat(timeline.select(".release-closed .release-name").eachText()).contains("GPT-5", "ChatGPT (GPT-3.5)");
    }

    @Test
    void chartBarsSumToTheOpenWeightReleasesAndTheDataIsExported() throws IOException {
        Document timeline = TestSites.page(site, "timeline/index.html");
        int segments = 0;
        for (Element rect : timeline.select("svg.release-chart g.chart-bar rect")) {
            segments += Integer.parseInt(rect.selectFirst("title").text().replaceAll(".*: ", ""));
        }
        assertThat(segments).isEqualTo(timeline.select(".releases .release-open").size()).isGreaterThan(60);
        assertThat(timeline.select("svg.release-chart > title").text()).isNotBlank();
        assertThat(timeline.select(".chart-data tbody tr")).isNotEmpty();
        String csv = Files.readString(site.resolve("timeline/releases.csv"));
        assertThat(csv.split("\r\n")).hasSizeGreaterThan(75);
        assertThat(Files.readString(site.resolve("timeline/releases.json"))).startsWith("[");
        assertThat(Files.readString(site.resolve("timeline/timelinejs.json"))).contains("\"events\"");
    }

    @Test
    void filteredViewsArePreRendered() {
        Document open = TestSites.page(site, "timeline/open/index.html");
        assertThat(open.select(".release-closed")).isEmpty();
        Document cn = TestSites.page(site, "timeline/country/cn/index.html");
        assertThat(cn.select(".releases .meta")).allSatisfy(m -> assertThat(m.text()).contains("CN"));
        assertThat(cn.select(".filters [aria-current=page]").text()).isEqualTo("CN");
    }

    @Test
    void entityPagesShowFactsReleasesAndArticles() {
        Document openai = TestSites.page(site, "orgs/openai/index.html");
        assertThat(openai.select("h1").text()).isEqualTo("OpenAI");
        assertThat(openai.select(".releases .release-name").eachText()).contains("gpt-oss-120b", "GPT-5");
        assertThat(openai.select("#mentioned-in ~ ul a").eachAttr("href")).containsExactly("../../" + ARTICLE);
        Document model = TestSites.page(site, "models/gpt-oss-120b/index.html");
        assertThat(model.select(".facts dd").eachText()).contains("Apache-2.0");
        Document llama = TestSites.page(site, "models/llama/index.html");
        assertThat(llama.select(".releases .release-name")).hasSizeGreaterThan(3);
        Document person = TestSites.page(site, "people/sam-altman/index.html");
        assertThat(person.select("#mentioned-in ~ ul a")).hasSize(1);
    }

    /** Ids of dated, non-family rows of models.yaml, ordered by date then id, read independently of the code. */
    private static List<String> datedReleaseIds() throws IOException {
        String yaml = Files.readString(Path.of("seeds/data/models.yaml"));
        Pattern row = Pattern.compile("(?m)^- id: (\\S+)\\n(?:(?!^- ).*\\n)*?\\s+released: \"?(\\d{4}-\\d{2}-\\d{2})");
        Matcher m = row.matcher(yaml);
        List<String[]> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new String[] {m.group(2), m.group(1)});
        }
        rows.sort(Comparator.<String[], String>comparing(r -> r[0]).thenComparing(r -> r[1]));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(75);
        return rows.stream().map(r -> r[1]).toList();
    }
}
