package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release row names the newest articles that mention the model and links to the model's page for
 * the rest, which lists them all, in pages numbered from the oldest: on a large site a model is
 * mentioned by thousands of articles.
 */
class ReleaseMentionsTest {
    @TempDir
    Path project;

    @Test
    void aRowListsTheNewestMentionsAndLinksToTheRest() {
        RepositoryProject.copyKnowledgeBase(project);
        for (int day = 1; day <= 7; day++) {
            TestSites.write(project, "seeds/day-" + day + ".md", "---\ntitle: Day " + day + "\ndate: 2025-09-0" + day
                    + "\nlang: en\n---\nOpenAI's gpt-oss-120b again, on day " + day + ".\n");
        }

        BuildResult result = Build.run(BuildRequest.of(project));

        assertThat(result.succeeded()).as(result.diagnostics().toString()).isTrue();
        Path site = project.resolve("site");
        Document timeline = TestSites.page(site, "timeline/index.html");
        Element row = timeline.selectFirst("li.release:has(a.release-name[href$=models/gpt-oss-120b/index.html])");
        assertThat(row).isNotNull();
        assertThat(row.select(".mentioned a:not(.more)").eachText())
                .containsExactly("Day 7", "Day 6", "Day 5", "Day 4", "Day 3");
        Element more = row.selectFirst(".mentioned a.more");
        assertThat(more).isNotNull();
        assertThat(more.attr("href")).isEqualTo("../models/gpt-oss-120b/index.html#mentioned-in");
        assertThat(more.text()).isEqualTo("and 2 more");
        Document model = TestSites.page(site, "models/gpt-oss-120b/index.html");
        assertThat(model.select("#mentioned-in ~ ul a")).hasSize(7);
        assertThat(model.getElementById("mentioned-in")).isNotNull();
        // Rows of models mentioned by five articles or fewer list them all, with no link to more.
        assertThat(timeline.select("li.release a.more")).hasSize(1);
    }

    @Test
    void aModelsMentionsComeInPagesNumberedFromTheOldestThatANewArticleLeavesAlone() throws IOException {
        RepositoryProject.copyKnowledgeBase(project);
        // page_size 1: ten links a page on an entity page
        TestSites.write(project, "kaiyuan.yaml", "page_size: 1\n");
        for (int day = 1; day <= 25; day++) {
            mention(day);
        }
        assertThat(Build.run(BuildRequest.of(project)).succeeded()).isTrue();
        Path site = project.resolve("site");
        String model = "models/gpt-oss-120b/";

        // 25 mentions: page 1 holds the oldest ten, the model's own page the newest fifteen.
        Document first = TestSites.page(site, model + "index.html");
        Document oldest = TestSites.page(site, model + "page/1/index.html");
        assertThat(first.select("#mentioned-in ~ ul a")).hasSize(15).first().extracting(Element::text).isEqualTo("Day 25");
        assertThat(first.select(".facts")).isNotEmpty();
        assertThat(first.select(".pager a[rel=next]").attr("href")).isEqualTo("../../" + model + "page/1/index.html");
        assertThat(oldest.select("#mentioned-in ~ ul a").eachText()).containsExactly("Day 10", "Day 9", "Day 8", "Day 7",
                "Day 6", "Day 5", "Day 4", "Day 3", "Day 2", "Day 1");
        assertThat(oldest.select(".facts, .releases")).isEmpty();
        assertThat(oldest.select(".pager a[rel=prev]").attr("href")).isEqualTo("../../../../" + model + "index.html");
        assertThat(oldest.select(".pager .pager-position").text()).isEqualTo("1–10 September 2025");
        assertThat(site.resolve(model + "page/2")).doesNotExist();
        TestSites.assertLinksResolve(site, "https://kaiyuan.invalid/");
        byte[] pageOne = Files.readAllBytes(site.resolve(model + "page/1/index.html"));
        byte[] firstPage = Files.readAllBytes(site.resolve(model + "index.html"));

        mention(26);
        assertThat(Build.run(BuildRequest.of(project)).succeeded()).isTrue();

        assertThat(Files.readAllBytes(site.resolve(model + "page/1/index.html"))).isEqualTo(pageOne);
        assertThat(Files.readAllBytes(site.resolve(model + "index.html"))).isNotEqualTo(firstPage);
        assertThat(TestSites.page(site, model + "index.html").select("#mentioned-in ~ ul a")).hasSize(16);
    }

    private void mention(int day) {
        TestSites.write(project, "seeds/day-" + day + ".md", "---\ntitle: Day " + day + "\ndate: 2025-09-"
                + (day < 10 ? "0" : "") + day + "\nlang: en\n---\nOpenAI's gpt-oss-120b again, on day " + day + ".\n");
    }
}
