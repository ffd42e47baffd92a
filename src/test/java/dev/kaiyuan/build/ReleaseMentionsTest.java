package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release row names the newest articles that mention the model and links to the model's page for
 * the rest, which lists them all: on a large site a model is mentioned by thousands of articles.
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
}
