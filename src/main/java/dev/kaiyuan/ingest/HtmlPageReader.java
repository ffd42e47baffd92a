package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Caption;
import dev.kaiyuan.model.SourceRef;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Saved web pages: metadata from meta/Open Graph tags, {@code <h1>} and {@code <time>}, the main
 * text found by {@link HtmlPageExtractor}'s content scoring, then the same text cleaning as raw
 * scraped text (pinyin readings, lost full-width punctuation) applied to its text nodes.
 */
public final class HtmlPageReader implements SourceReader {
    private final HtmlPageExtractor extractor = new HtmlPageExtractor();
    private final HtmlSanitizer sanitizer;

    public HtmlPageReader(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    @Override
    public Set<String> extensions() {
        return Set.of("html", "htm");
    }

    @Override
    public BodyResult read(SourceText source, DiagnosticSink sink) {
        ExtractedPage page = extractor.extract(source.body(), source.path());
        SourceRef file = new SourceRef(source.path(), source.firstLine(), 1);
        if (page.mainHtml().isBlank()) {
            sink.report(Diagnostic.error("html.no-content", file, "no article text found in the page",
                    "the content scoring found no block of paragraphs",
                    "save the article page itself (not an index page), or copy its text into a .txt seed"));
        }
        Document doc = SanitizedBody.parse(sanitizer.clean(page.mainHtml(), file, sink));
        cleanTextNodes(doc.body());
        List<Caption> captions = page.captions().stream().map(c -> new Caption(c, file)).toList();
        return SanitizedBody.result(metadata(page, file), doc, captions);
    }

    private static void cleanTextNodes(Element root) {
        for (TextNode node : root.textNodes()) {
            node.text(PunctuationFixer.fix(PinyinAnnotationRemover.remove(node.getWholeText())));
        }
        root.children().forEach(HtmlPageReader::cleanTextNodes);
    }

    private static FrontMatter metadata(ExtractedPage page, SourceRef where) {
        FrontMatter.Builder b = new FrontMatter.Builder();
        b.title = page.title();
        b.date = page.date();
        b.author = page.author();
        b.sourceName = page.siteName();
        b.sourceUrl = page.canonicalUrl().filter(FrontMatterParser::isWebUrl);
        b.lang = page.lang().flatMap(LanguageTags::canonical);
        b.summary = page.description();
        b.tags = page.keywords().isEmpty() ? Optional.empty() : Optional.of(page.keywords());
        for (String key : List.of("title", "date", "author", "source", "lang", "summary", "tags")) {
            b.where.put(key, where);
        }
        return b.build();
    }
}
