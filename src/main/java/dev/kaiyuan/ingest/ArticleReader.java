package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.ArticleBody;
import dev.kaiyuan.model.ArticleDate;
import dev.kaiyuan.model.ReadingTime;
import dev.kaiyuan.model.Source;
import dev.kaiyuan.model.SourceFile;
import dev.kaiyuan.model.SourceRef;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The ingest stage for one seed: decode, normalise, split and parse front matter, merge the
 * sidecar, read the body with the reader for its format, then settle title, date, language,
 * summary and reading time. Returns empty when the file has errors; every problem is reported.
 */
public final class ArticleReader {
    private final TextDecoder decoder = new TextDecoder();
    private final FrontMatterParser frontMatter;
    private final SourceReaders readers;
    private final LanguageDetector languages;
    private final ArticleBody.Packing packing;

    /** @param packing how the articles' bodies are held, see {@link ArticleBody.Packing#forSite} */
    public ArticleReader(ZoneId zone, ArticleBody.Packing packing) {
        this.packing = packing;
        ScriptFolding folding = new ScriptFolding();
        this.frontMatter = new FrontMatterParser(zone);
        this.readers = SourceReaders.defaults(folding);
        this.languages = new LanguageDetector();
    }

    public SourceReaders readers() {
        return readers;
    }

    /**
     * The article of {@code file}, or empty when it has errors. A file nested thousands deep
     * (quotes, lists or emphasis in Markdown, brackets in its front matter) exhausts the stack of
     * the libraries that read such nesting recursively (flexmark, SnakeYAML): it gets an error of
     * its own, and the build goes on with the other files.
     */
    public Optional<Article> read(SourceFile file, Optional<SourceFile> sidecar, DiagnosticSink sink) {
        try {
            return readNested(file, sidecar, sink);
        } catch (StackOverflowError e) {
            sink.report(Diagnostic.error("article.nesting", file.ref(), "nested too deeply to read",
                    "quotes, lists, emphasis, brackets or tags nested thousands deep"
                            + sidecar.map(s -> ", here or in " + s.path()).orElse(""),
                    "flatten the nesting; an article needs a few levels, not thousands"));
            return Optional.empty();
        }
    }

    private Optional<Article> readNested(SourceFile file, Optional<SourceFile> sidecar, DiagnosticSink sink) {
        Optional<SourceReader> reader = readers.forExtension(file.extension());
        if (reader.isEmpty()) {
            throw new IllegalArgumentException("no reader for " + file.path());
        }
        Optional<DecodedText> decoded = decode(file, sink);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        String text = TextNormalizer.normalize(decoded.get().text());
        Optional<FrontMatterBlock> block = FrontMatterBlock.split(text);
        if (block.isEmpty()) {
            sink.report(Diagnostic.error("frontmatter.unclosed", new SourceRef(file.path(), 1, 1),
                    "front matter: no closing '---'", "the file starts with '---' but no line closes it",
                    "end the front matter with a line of three dashes, or remove the first line"));
            return Optional.empty();
        }
        int errorsBefore = sink.errorCount();
        FrontMatter given = block.get().yaml()
                .map(y -> frontMatter.parse(y, file.path(), block.get().yamlFirstLine(), sink))
                .orElse(FrontMatter.EMPTY)
                .overriddenBy(sidecar.map(s -> readSidecar(s, sink)).orElse(FrontMatter.EMPTY));
        SourceText body = new SourceText(file.path(), block.get().body(), block.get().bodyFirstLine(),
                decoded.get().charset());
        BodyResult result = reader.get().read(body, sink);
        if (sink.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return settle(file, result.derived().overriddenBy(given), result, decoded.get().charset(), sink);
    }

    private Optional<DecodedText> decode(SourceFile file, DiagnosticSink sink) {
        TextDecoder.Result decoded = decoder.decode(file);
        decoded.error().ifPresent(sink::report);
        return decoded.text();
    }

    private FrontMatter readSidecar(SourceFile sidecar, DiagnosticSink sink) {
        return decode(sidecar, sink)
                .map(d -> frontMatter.parse(TextNormalizer.normalize(d.text()), sidecar.path(), 1, sink))
                .orElse(FrontMatter.EMPTY);
    }

    private Optional<Article> settle(SourceFile file, FrontMatter meta, BodyResult body, String charset,
            DiagnosticSink sink) {
        SourceRef origin = file.ref();
        if (body.plainText().isBlank()) {
            sink.report(Diagnostic.error("article.empty", origin, "the article has no text", "",
                    "write the article below the front matter, or remove the file"));
            return Optional.empty();
        }
        String title = meta.title().orElseGet(() -> derivedTitle(file, body, sink));
        Optional<ArticleDate> date = meta.date().map(d -> new ArticleDate(d, meta.dateInferred().orElse(false)));
        if (date.isEmpty()) {
            sink.report(Diagnostic.warning("article.undated", origin, "no date", "the article is listed as undated, after dated ones",
                    "add date: 2025-08-21 to the front matter or a " + sidecarName(file)
                            + " (with date_inferred: true if you worked it out)"));
        }
        String lang = meta.lang().filter(l -> !l.equals("zh"))
                .orElseGet(() -> meta.lang().isPresent() ? languages.chineseScript(body.plainText())
                        : languages.detect(body.plainText()));
        Optional<Source> source = meta.sourceName().map(n -> new Source(n, meta.sourceUrl()));
        String summary = meta.summary().orElseGet(() -> LeadText.summary(body.lead()));
        return Optional.of(new Article(origin, meta.slug().orElse(file.stem()), title, meta.title().isEmpty(), date,
                lang, source, meta.author(), meta.tags().orElse(List.of()), summary,
                ArticleBody.of(body.bodyHtml(), body.plainText(), packing), body.captions(),
                meta.rights().or(body::rights), body.damage(), readingTime(body.plainText()), charset,
                meta.draft().orElse(false)));
    }

    private static String derivedTitle(SourceFile file, BodyResult body, DiagnosticSink sink) {
        String title = LeadText.title(body.lead().isBlank() ? body.plainText() : body.lead());
        sink.report(Diagnostic.warning("article.derived-title", file.ref(), "no title; using the opening: '" + title + "'",
                "", "add title: … to the front matter or to " + sidecarName(file)));
        return title;
    }

    static String sidecarName(SourceFile file) {
        return file.stem() + ".meta.yaml";
    }

    /**
     * CJK characters one by one, Latin-script words by whitespace-free runs of letters. ASCII and
     * the main block of Han characters, most of an article, are told without the JDK's tables.
     */
    static ReadingTime readingTime(String text) {
        int cjk = 0;
        int words = 0;
        boolean inWord = false;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            int cp;
            boolean cjkLetter;
            boolean letter;
            if (c < 0x80) {
                // the ASCII letters and digits, as Character.isLetterOrDigit has them
                cp = c;
                cjkLetter = false;
                letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                i++;
            } else if (c >= 0x4E00 && c <= 0x9FEF) {
                // all Han, as Cjk.isCjkLetter has them
                cp = c;
                cjkLetter = true;
                letter = false;
                i++;
            } else {
                cp = text.codePointAt(i);
                cjkLetter = Cjk.isCjkLetter(cp);
                letter = !cjkLetter && Character.isLetterOrDigit(cp);
                i += Character.charCount(cp);
            }
            if (cjkLetter) {
                cjk++;
            }
            if (letter && !inWord) {
                words++;
            }
            inWord = letter || (inWord && (cp == '\'' || cp == '’' || cp == '-'));
        }
        return ReadingTime.of(cjk, words);
    }
}
