package dev.kaiyuan.ingest;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Caption;
import dev.kaiyuan.model.HanScript;
import dev.kaiyuan.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Markdown articles (flexmark: CommonMark plus tables, strikethrough, autolinks, footnotes and
 * heading ids). A leading {@code # heading} serves as the title when front matter has none, and a
 * paragraph holding only an image becomes a figure captioned by the image's title or alt text.
 * The body's tree is built from flexmark's syntax tree ({@link MarkdownTree}); what that does not
 * build is rendered to HTML by flexmark and parsed by jsoup, which gives the same tree.
 */
public final class MarkdownReader implements SourceReader {
    private final Parser parser;
    /** The same parser without autolinks, for the many articles whose text has no bare URL or address. */
    private final Parser withoutAutolinks;
    /** The same parsers without tables, for the many articles without a {@code |}, which every table has. */
    private final Parser withoutTables;
    private final Parser withoutAutolinksOrTables;
    private final HtmlRenderer renderer;
    private final MarkdownTree tree;
    private final HtmlSanitizer sanitizer;

    public MarkdownReader(HtmlSanitizer sanitizer) {
        MutableDataSet options = options();
        this.parser = StringMatchingInlineParser.parser(options);
        this.withoutAutolinks = StringMatchingInlineParser.parser(options(List.of(new SharedTablesExtension(),
                StrikethroughExtension.create(), FootnoteExtension.create())));
        this.withoutTables = StringMatchingInlineParser.parser(options(List.of(StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create())));
        this.withoutAutolinksOrTables = StringMatchingInlineParser.parser(options(List.of(
                StrikethroughExtension.create(), FootnoteExtension.create())));
        this.renderer = HtmlRenderer.builder(options).build();
        this.tree = new MarkdownTree(options);
        this.sanitizer = sanitizer;
    }

    /** The parser's and renderer's options, autolinks included. */
    static MutableDataSet options() {
        return options(List.of(new SharedTablesExtension(), StrikethroughExtension.create(),
                AutolinkExtension.create(), FootnoteExtension.create()));
    }

    private static MutableDataSet options(List<com.vladsch.flexmark.util.misc.Extension> extensions) {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, extensions)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                // Attributes embedded in the tree come only from extensions not used here, yet the
                // provider looks for them among the children of the node being rendered at every
                // tag: with the document as that node for each footnote, 20,000 footnotes took 30 s.
                .set(HtmlRenderer.EMBEDDED_ATTRIBUTE_PROVIDER, false);
    }

    /**
     * The autolink extension scans every text node for URLs, www. names and e-mail addresses, which
     * was the costliest part of parsing. It can only change a text node with {@code :/}, {@code @} or
     * {@code www}, so a document parsed without it whose text nodes have none of those is exactly what
     * it would have been with it; any other document is parsed again with it.
     *
     * <p>The tables extension makes a table only of a paragraph whose first line has a {@code |}
     * (flexmark's {@code TableParagraphPreProcessor}), yet it compiles its separator's pattern for
     * every document and looks at every paragraph: a document without a {@code |} is parsed without it.
     */
    private com.vladsch.flexmark.util.ast.Document parse(String markdown) {
        boolean tables = markdown.indexOf('|') >= 0;
        com.vladsch.flexmark.util.ast.Document plain = (tables ? withoutAutolinks : withoutAutolinksOrTables).parse(markdown);
        for (com.vladsch.flexmark.util.ast.Node node : plain.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Text text && mayAutolink(MarkdownTree.string(text.getChars()))) {
                return (tables ? parser : withoutTables).parse(markdown);
            }
        }
        return plain;
    }

    static boolean mayAutolink(String text) {
        if (text.contains(":/") || text.indexOf('@') >= 0) {
            return true;
        }
        return hasWww(text, 'w') || hasWww(text, 'W');
    }

    /** Whether {@code www}, in any case, starts at a {@code first} of {@code text} (found by indexOf, which scans fast). */
    private static boolean hasWww(String text, char first) {
        for (int i = text.indexOf(first); i >= 0 && i + 3 <= text.length(); i = text.indexOf(first, i + 1)) {
            if (text.regionMatches(true, i, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> extensions() {
        return Set.of("md", "markdown");
    }

    /**
     * The widest a line's container prefix may be: its indentation, quote markers and list markers
     * before its text, in columns (a tab to the next multiple of four, as CommonMark counts). Block
     * quotes and lists nest by these, and flexmark's time for a line grows with the containers open
     * times the prefix it scans again for each: an 8 MB seed of lines 500 lists deep took 103 s,
     * 256 deep 55 s, 128 deep 27 s, and 1,500 deep overflowed the stack after a minute. 200 columns
     * allow 100 nested lists (markdown-it, too, stops at 100 levels by default).
     */
    static final int MAX_PREFIX_COLUMNS = 200;

    /** A place in a body: its line from 0 and its column from 1. */
    record BodyPlace(int line, int column) {
    }

    /**
     * The first place where a line's container prefix passes {@link #MAX_PREFIX_COLUMNS}, or empty
     * when no line's does.
     */
    static Optional<BodyPlace> tooDeepLine(String body) {
        int line = 0;
        int i = 0;
        int n = body.length();
        while (i < n) {
            int columns = 0;
            int at = i;
            while (at < n) {
                char c = body.charAt(at);
                int width;
                if (c == '\t') {
                    width = 1;
                    columns += 4 - columns % 4;
                } else if (c == ' ' || c == '>') {
                    width = 1;
                    columns++;
                } else {
                    // a list marker: -, * or +, or 1 to 9 digits and . or ), then a space (CommonMark 5.2)
                    width = c == '-' || c == '*' || c == '+' ? 1 : orderedMarker(body, at);
                    char after = width == 0 || at + width >= n ? '\n' : body.charAt(at + width);
                    if (after != ' ' && after != '\t') {
                        break;
                    }
                    columns += width;
                }
                at += width;
                if (columns > MAX_PREFIX_COLUMNS) {
                    return Optional.of(new BodyPlace(line, at - i));
                }
            }
            int end = body.indexOf('\n', at);
            i = end < 0 ? n : end + 1;
            line++;
        }
        return Optional.empty();
    }

    /** The length of an ordered list's marker (1 to 9 digits, then {@code .} or {@code )}) at {@code at}, or 0. */
    private static int orderedMarker(String text, int at) {
        int digits = 0;
        while (at + digits < text.length() && digits <= 9 && text.charAt(at + digits) >= '0'
                && text.charAt(at + digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 9 || at + digits >= text.length()) {
            return 0;
        }
        char end = text.charAt(at + digits);
        return end == '.' || end == ')' ? digits + 1 : 0;
    }

    @Override
    public BodyResult read(SourceText source, DiagnosticSink sink) {
        SourceRef where = new SourceRef(source.path(), source.firstLine(), 1);
        Optional<BodyPlace> deep = tooDeepLine(source.body());
        if (deep.isPresent()) {
            sink.report(Diagnostic.error("markdown.nesting",
                    new SourceRef(source.path(), source.firstLine() + deep.get().line(), deep.get().column()),
                    "Markdown: nested too deeply", "more than " + MAX_PREFIX_COLUMNS
                            + " columns of indentation, quote and list markers before the line's text",
                    "flatten the quotes and lists (100 levels at most), and indent code less"));
            return SanitizedBody.result(FrontMatter.EMPTY, sanitizer.shell(), List.of());
        }
        com.vladsch.flexmark.util.ast.Document markdown;
        try {
            markdown = parse(source.body());
        } catch (RuntimeException e) {
            // flexmark 0.64 throws on some malformed text (a StringIndexOutOfBoundsException while
            // it checks a paragraph for a table): one article's error, not the build's
            sink.report(Diagnostic.error("markdown.failed", where, "Markdown: the parser failed on this body",
                    "flexmark threw " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    "look for a broken table or link reference definition in the article and simplify it"));
            return SanitizedBody.result(FrontMatter.EMPTY, sanitizer.shell(), List.of());
        }
        Document dirty = tree.build(markdown, sanitizer.shell())
                .orElseGet(() -> sanitizer.parse(renderer.render(markdown)));
        Cleaned cleaned = cleanAndJoined(dirty, where, sink);
        Document doc = cleaned.doc();
        Optional<String> markup = cleaned.markup();
        FrontMatter.Builder derived = new FrontMatter.Builder();
        Element h1 = doc.body().children().first();
        if (h1 != null && h1.tagName().equals("h1")) {
            derived.title = Optional.of(h1.text());
            derived.where.put("title", new SourceRef(source.path(), source.firstLine(), 1));
            h1.remove();
            markup = Optional.empty();
        }
        Figures figures = figures(doc, source);
        if (figures.made()) {
            markup = Optional.empty();
        }
        return SanitizedBody.result(derived.build(), doc, markup, figures.captions());
    }

    /**
     * The captions of the figures made of a body's image paragraphs, and whether any was made (the
     * body's markup then has to be written again).
     */
    private record Figures(List<Caption> captions, boolean made) {
    }

    /**
     * The cleaned body, with its markup as already serialised while the body is still what that
     * markup says (serialising a body was 2 % of a cold build, and it was done twice).
     */
    private record Cleaned(Document doc, Optional<String> markup) {
    }

    /**
     * The sanitised body with soft breaks between Chinese characters joined. Joining looks at the
     * cleaned markup (a removed comment or tag may have stood between two characters); the cleaned
     * tree is kept as it is unless joining changed something, which spares a second parse for most
     * articles. Its text may be in more pieces than a fresh parse gives, which nothing read here
     * depends on.
     */
    private Cleaned cleanAndJoined(Document dirty, SourceRef where, DiagnosticSink sink) {
        Document clean = sanitizer.cleanDocument(dirty, where, sink);
        String cleanHtml = BodyHtml.of(clean.body());
        String joined = joinCjkLines(cleanHtml);
        return joined.equals(cleanHtml) ? new Cleaned(clean, Optional.of(cleanHtml))
                : new Cleaned(SanitizedBody.parse(joined), Optional.empty());
    }

    /**
     * A soft line break between two Chinese characters must vanish: browsers would show it as a
     * space, which Chinese text does not have.
     */
    static String joinCjkLines(String html) {
        StringBuilder joined = null;
        int copied = 0;
        for (int nl = html.indexOf('\n'); nl >= 0; nl = html.indexOf('\n', nl + 1)) {
            if (nl > 0 && nl + 1 < html.length() && endsChineseLine(html.codePointBefore(nl))
                    && startsChineseLine(html.codePointAt(nl + 1))) {
                joined = joined == null ? new StringBuilder(html.length()) : joined;
                joined.append(html, copied, nl);
                copied = nl + 1;
            }
        }
        return joined == null ? html : joined.append(html, copied, html.length()).toString();
    }

    private static boolean endsChineseLine(int cp) {
        return HanScript.contains(cp) || "，。、；：！？”’」』）".indexOf(cp) >= 0;
    }

    private static boolean startsChineseLine(int cp) {
        return HanScript.contains(cp) || "“‘「『（".indexOf(cp) >= 0;
    }

    private static Figures figures(Document doc, SourceText source) {
        List<Caption> captions = new ArrayList<>();
        boolean made = false;
        for (Element p : doc.getElementsByTag("p")) {
            // the text last: a paragraph's own text is a string made for the asking
            if (p.childrenSize() != 1 || !p.child(0).tagName().equals("img") || !p.ownText().isBlank()) {
                continue;
            }
            Element img = p.child(0);
            String text = img.attr("title").isBlank() ? img.attr("alt") : img.attr("title");
            Element figure = new Element("figure").appendChild(img.clone());
            if (!text.isBlank()) {
                figure.appendElement("figcaption").text(text);
                captions.add(new Caption(text, SourceRef.file(source.path())));
            }
            p.replaceWith(figure);
            made = true;
        }
        return new Figures(captions, made);
    }
}
