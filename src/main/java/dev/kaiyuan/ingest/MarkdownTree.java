package dev.kaiyuan.ingest;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The jsoup tree of a Markdown body, built straight from flexmark's syntax tree: the tree jsoup's
 * parser makes of what flexmark's {@link HtmlRenderer} writes, without writing that HTML and
 * parsing it again (the renderer and the parse were an eighth of a cold build's time).
 *
 * <p>It follows the renderer's {@code CoreNodeRenderer} and the strikethrough and tables
 * extensions' renderers (flexmark 0.64), node by node, including the line breaks the renderer
 * writes between blocks, which stay in the body as text. Where the two could differ it builds
 * nothing and the reader renders and parses as before: raw HTML, footnotes and every node type
 * not named here;
 * a link inside a link (jsoup's parser would move it); text the renderer's line formatting would
 * change (a line break in inline text, white space at the start of a line); and characters jsoup's
 * parser changes (carriage returns, NUL). {@code MarkdownTreeTest} holds it to the renderer.
 */
final class MarkdownTree {
    /** Immutable: a mutable data set writes the defaults it is asked for into itself, and bodies are built in parallel. */
    private final DataHolder options;
    private final HtmlRendererOptions html;
    private final ListOptions lists;
    private final String tableClass;
    private final boolean columnSpans;
    /**
     * The extensions whose nodes this builds or leaves to the renderer; another one could add
     * node renderers, attribute providers or link resolvers this does not know.
     */
    private static final Set<Class<?>> KNOWN_EXTENSIONS = Set.of(TablesExtension.class, SharedTablesExtension.class,
            StrikethroughExtension.class, AutolinkExtension.class, FootnoteExtension.class);
    /** False when the renderer is set up in a way this does not follow; then every body is rendered. */
    private final boolean followsRenderer;

    MarkdownTree(DataHolder rendererOptions) {
        this.options = rendererOptions.toImmutable();
        this.html = new HtmlRendererOptions(options);
        this.lists = ListOptions.get(options);
        this.tableClass = TablesExtension.CLASS_NAME.get(options);
        this.columnSpans = TablesExtension.COLUMN_SPANS.get(options);
        this.followsRenderer = KNOWN_EXTENSIONS.containsAll(Parser.EXTENSIONS.get(options).stream()
                .map(Object::getClass).toList())
                && StrikethroughExtension.STRIKETHROUGH_STYLE_HTML_OPEN.get(options) == null
                && html.softBreak.equals("\n") && html.hardBreak.equals("<br />\n")
                && html.emphasisStyleHtmlOpen == null && html.strongEmphasisStyleHtmlOpen == null
                && html.codeStyleHtmlOpen == null && !html.percentEncodeUrls && !html.doNotRenderLinksInDocument
                && html.generateHeaderIds && html.renderHeaderId && !html.sourcePositionParagraphLines
                && !html.noPTagsUseBr && html.unescapeHtmlEntities && html.indentSize == 0
                && html.htmlBlockCloseTagEol && !HtmlRenderer.OBFUSCATE_EMAIL.get(options)
                && !Parser.FENCED_CODE_CONTENT_BLOCK.get(options)
                && !Parser.CODE_SOFT_LINE_BREAKS.get(options)
                && !HtmlRenderer.RECHECK_UNDEFINED_REFERENCES.get(options)
                && html.formatFlags == com.vladsch.flexmark.util.sequence.LineAppendable.F_TRIM_LEADING_WHITESPACE;
    }

    /**
     * The body of {@code shell} filled with the markdown's tree, or empty when the markdown holds
     * something this does not build (then {@code shell} may hold part of it and is to be dropped).
     */
    Optional<Document> build(com.vladsch.flexmark.util.ast.Document markdown, Document shell) {
        if (!followsRenderer) {
            return Optional.empty();
        }
        HeaderIdGenerator ids = new HeaderIdGenerator.Factory().create();
        ids.generateIds(markdown);
        Builder builder = new Builder(shell.body(), ids, Parser.REFERENCES.get(markdown));
        if (!builder.children(markdown)) {
            return Optional.empty();
        }
        builder.flush();
        return Optional.of(shell);
    }

    private static final Predicate<Element> NO_ATTRIBUTES = element -> true;

    /** One body's building: where the next node goes, and the text not yet made a node. */
    private final class Builder {
        private final HeaderIdGenerator ids;
        private final ReferenceRepository references;
        private Element parent;
        private final StringBuilder text = new StringBuilder();
        /** Whether the renderer's output so far ends a line (or is empty): its {@code line()} then adds nothing. */
        private boolean atLineStart = true;
        private int linkDepth;

        Builder(Element body, HeaderIdGenerator ids, ReferenceRepository references) {
            this.parent = body;
            this.ids = ids;
            this.references = references;
        }

        boolean children(Node node) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (!node(child)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * One node as the renderer writes it; false when it is not one this builds. The kinds are
         * split over four methods, the most frequent first: as one method, with its callees and
         * itself inlined into it, it was C2's largest compilation in a cold 10k build (41-44 KB
         * of code, 0.21-0.26 s); split, the four took 0.12 s.
         */
        private boolean node(Node node) {
            Class<?> type = node.getClass();
            if (type == Text.class) {
                return text(unescaped(node.getChars()));
            } else if (type == Paragraph.class) {
                return paragraph((Paragraph) node);
            } else if (type == SoftLineBreak.class) {
                rawLineEnd();
                return true;
            }
            return inlineNode(node, type);
        }

        private boolean inlineNode(Node node, Class<?> type) {
            if (type == HardLineBreak.class) {
                voidElement("br");
                rawLineEnd();
                return true;
            } else if (type == Emphasis.class) {
                return inline("em", node);
            } else if (type == StrongEmphasis.class) {
                return inline("strong", node);
            } else if (type == Strikethrough.class) {
                return inline("del", node);
            } else if (type == Code.class) {
                open("code");
                boolean built = text(Escaping.collapseWhitespace(((Code) node).getText(), true));
                close();
                return built;
            } else if (type == TextBase.class) {
                return children(node);
            } else if (type == HtmlEntity.class) {
                return text(unescape(node.getChars()));
            } else if (type == Link.class) {
                return link((Link) node);
            } else if (type == LinkRef.class) {
                return linkRef((LinkRef) node);
            } else if (type == AutoLink.class) {
                return autoLink((AutoLink) node);
            } else if (type == MailLink.class) {
                return mailLink((MailLink) node);
            } else if (type == Image.class) {
                return image((Image) node);
            } else if (type == ImageRef.class) {
                return imageRef((ImageRef) node);
            }
            return blockNode(node, type);
        }

        private boolean blockNode(Node node, Class<?> type) {
            if (type == Heading.class) {
                String id = ids.getId(node);
                return line("h" + ((Heading) node).getLevel(), node,
                        h -> id == null || id.isEmpty() || attr(h, "id", id));
            } else if (type == BulletList.class) {
                return indented("ul", node, false, NO_ATTRIBUTES);
            } else if (type == OrderedList.class) {
                int start = ((OrderedList) node).getStartNumber();
                return indented("ol", node, false, ol -> !lists.isOrderedListManualStart() || start == 1
                        || attr(ol, "start", String.valueOf(start)));
            } else if (type == BulletListItem.class || type == OrderedListItem.class) {
                return listItem((ListItem) node);
            } else if (type == BlockQuote.class) {
                return indented("blockquote", node, true, NO_ATTRIBUTES);
            } else if (type == FencedCodeBlock.class) {
                return fencedCode((FencedCodeBlock) node);
            } else if (type == IndentedCodeBlock.class) {
                return code(null, ((IndentedCodeBlock) node).getContentChars().trimTailBlankLines().normalizeEndWithEOL());
            } else if (type == ThematicBreak.class) {
                line();
                voidElement("hr");
                line();
                return true;
            }
            return tableNode(node, type);
        }

        private boolean tableNode(Node node, Class<?> type) {
            if (type == TableBlock.class) {
                // the tables extension's renderer writes a table as a block quote is written
                return indented("table", node, true, table -> tableClass.isEmpty() || attr(table, "class", tableClass));
            } else if (type == TableHead.class) {
                return line("thead", node, NO_ATTRIBUTES);
            } else if (type == TableBody.class) {
                return line("tbody", node, NO_ATTRIBUTES);
            } else if (type == TableRow.class) {
                return line("tr", node, NO_ATTRIBUTES);
            } else if (type == TableCaption.class) {
                return line("caption", node, NO_ATTRIBUTES);
            } else if (type == TableCell.class) {
                return cell((TableCell) node);
            } else if (type == TableSeparator.class) {
                return true;
            } else {
                // Reference definitions write nothing; anything else is not built here.
                return type == Reference.class;
            }
        }

        private boolean paragraph(Paragraph node) {
            if (node.getFirstChildAnyNot(NonRenderingInline.class) == null) {
                return true;
            }
            if (node.getParent() instanceof ParagraphItemContainer container
                    && container.isParagraphWrappingDisabled(node, lists, options)) {
                return children(node);
            }
            return line("p", node, NO_ATTRIBUTES);
        }

        /**
         * The renderer's {@code tagLine}: the element, its attributes set by {@code attributes}
         * (false when one cannot be built), on a line of its own.
         */
        private boolean line(String tag, Node node, Predicate<Element> attributes) {
            line();
            boolean built = attributes.test(open(tag)) && children(node);
            close();
            line();
            return built;
        }

        /**
         * The renderer's {@code tagIndent} ({@code tagLineIndent} when {@code lineBeforeClose}): as
         * {@link #line(String, Node, Predicate)}, with a line end after the start tag. A list's
         * last item always ends a line, so a list needs no line end before its close.
         */
        private boolean indented(String tag, Node node, boolean lineBeforeClose, Predicate<Element> attributes) {
            line();
            boolean built = attributes.test(open(tag));
            line();
            built = built && children(node);
            if (lineBeforeClose) {
                line();
            }
            close();
            line();
            return built;
        }

        private boolean cell(TableCell node) {
            Element cell = open(node.isHeader() ? "th" : "td");
            boolean built = (node.getAlignment() == null
                    || attr(cell, "align", node.getAlignment().name().toLowerCase(java.util.Locale.ROOT)))
                    && (!columnSpans || node.getSpan() <= 1 || attr(cell, "colspan", String.valueOf(node.getSpan())))
                    && children(node);
            close();
            return built;
        }

        private boolean listItem(ListItem node) {
            line();
            open("li");
            boolean built = text(unescape(node.getMarkerSuffix())) && children(node);
            close();
            line();
            return built;
        }

        private boolean fencedCode(FencedCodeBlock node) {
            BasedSequence info = node.getInfo();
            String language = null;
            if (info.isNotNull() && !info.isBlank()) {
                String name = unescape(node.getInfoDelimitedByAny(html.languageDelimiterSet));
                language = html.languageClassMap.getOrDefault(name, html.languageClassPrefix + name);
            }
            return code(language, node.getContentChars().normalizeEOL());
        }

        /** {@code <pre><code>}, its text kept as it is: the renderer writes it preformatted. */
        private boolean code(String languageClass, String content) {
            line();
            open("pre");
            // The renderer sets the class after writing <pre>, so <code> gets it.
            Element code = open("code");
            String codeClass = languageClass != null ? languageClass : html.noLanguageClass.trim();
            if (!codeClass.isEmpty() && !attr(code, "class", codeClass) || changedByParser(content)) {
                return false;
            }
            text.append(content);
            close();
            close();
            line();
            return true;
        }

        private boolean inline(String tag, Node node) {
            open(tag);
            boolean built = children(node);
            close();
            return built;
        }

        private boolean link(Link node) {
            if (suppressed(node.getUrl())) {
                return children(node);
            }
            String title = node.getTitle().isNotNull() ? unescape(node.getTitle()) : null;
            return anchor(unescape(node.getUrl()), title, node);
        }

        private boolean linkRef(LinkRef node) {
            Reference reference = node.isDefined() ? node.getReferenceNode(references) : null;
            if (reference == null) {
                // No link resolver is set up, so an undefined reference stays text.
                if (!node.hasChildren()) {
                    return text(unescape(node.getChars()));
                }
                return text(unescape(node.getChars().prefixOf(node.getChildChars()))) && children(node)
                        && text(unescape(node.getChars().suffixOf(node.getChildChars())));
            }
            String url = unescape(reference.getUrl());
            if (suppressed(url)) {
                return children(node);
            }
            String title = reference.getTitle().isNotNull() ? unescape(reference.getTitle()) : null;
            return anchor(url, title, node);
        }

        private boolean anchor(String href, String title, Node node) {
            if (linkDepth > 0) {
                return false;
            }
            Element a = open("a");
            if (!attr(a, "href", href) || title != null && !attr(a, "title", title)) {
                return false;
            }
            linkDepth++;
            boolean built = children(node);
            linkDepth--;
            close();
            return built;
        }

        private boolean autoLink(AutoLink node) {
            String text = node.getText().toString();
            if (suppressed(node.getUrl())) {
                return text(text);
            }
            return textLink(text.startsWith("www.") ? html.autolinkWwwPrefix + text : text, text);
        }

        private boolean mailLink(MailLink node) {
            String text = unescape(node.getText());
            if (suppressed(node.getUrl())) {
                return text(text);
            }
            return textLink("mailto:" + text, text);
        }

        private boolean textLink(String href, String label) {
            if (linkDepth > 0 || !attr(open("a"), "href", href)) {
                return false;
            }
            boolean built = text(label);
            close();
            return built;
        }

        private boolean image(Image node) {
            if (!node.getUrlContent().isEmpty()) {
                return false;
            }
            if (suppressed(node.getUrl())) {
                return true;
            }
            String title = node.getTitle().isNotNull() ? unescape(node.getTitle()) : null;
            return img(unescape(node.getUrl()), title, node);
        }

        private boolean imageRef(ImageRef node) {
            Reference reference = node.isDefined() ? node.getReferenceNode(references) : null;
            if (reference == null) {
                return text(unescape(node.getChars()));
            }
            String url = unescape(reference.getUrl());
            if (suppressed(url)) {
                return true;
            }
            String title = reference.getTitle().isNotNull() ? unescape(reference.getTitle()) : null;
            return img(url, title, node);
        }

        private boolean img(String src, String title, Node node) {
            String alt = new TextCollectingVisitor().collectAndGetText(node);
            Element img = voidElement("img");
            return attr(img, "src", src) && attr(img, "alt", alt) && (title == null || attr(img, "title", title));
        }

        /** Links the renderer leaves out (by default {@code javascript:} ones). */
        private boolean suppressed(CharSequence url) {
            return html.suppressedLinks != null && html.suppressedLinks.matcher(url).matches();
        }

        /**
         * Inline text. The renderer's line formatting drops white space at the start of a line
         * and treats a line feed in text as a line end; such text is left to it.
         */
        private boolean text(String s) {
            if (s.isEmpty()) {
                return true;
            }
            if (s.indexOf('\n') >= 0 || changedByParser(s)
                    || atLineStart && (s.charAt(0) == ' ' || s.charAt(0) == '\t')) {
                return false;
            }
            text.append(s);
            atLineStart = false;
            return true;
        }

        /** A soft break, or the line end after {@code <br />}. */
        private void rawLineEnd() {
            text.append('\n');
            atLineStart = true;
        }

        /** The renderer's {@code line()}: a line end unless the output already ends one. */
        private void line() {
            if (!atLineStart) {
                rawLineEnd();
            }
        }

        private Element open(String tag) {
            flush();
            parent = parent.appendElement(tag);
            atLineStart = false;
            return parent;
        }

        private void close() {
            flush();
            parent = parent.parent();
            atLineStart = false;
        }

        private Element voidElement(String tag) {
            flush();
            atLineStart = false;
            return parent.appendElement(tag);
        }

        void flush() {
            if (!text.isEmpty()) {
                parent.appendChild(new TextNode(text.toString()));
                text.setLength(0);
            }
        }
    }

    /**
     * A sequence's characters. flexmark's own {@code toString} copies them one by one; a slice of
     * the parsed text is a substring of it, unless it holds NUL, which flexmark reads as U+FFFD.
     */
    static String string(BasedSequence chars) {
        if (chars instanceof SubSequence slice && slice.getBase() instanceof String source) {
            String text = source.substring(slice.getStartOffset(), slice.getEndOffset());
            if (text.indexOf('\0') < 0) {
                return text;
            }
        }
        return chars.toString();
    }

    /**
     * flexmark's {@code unescape()}: escapes and references read. A sequence without a backslash or
     * an ampersand is its characters as they are, taken at once (flexmark matches its pattern and
     * copies the sequence a character at a time).
     */
    static String unescape(BasedSequence chars) {
        String text = string(chars);
        return text.indexOf('\\') < 0 && text.indexOf('&') < 0 ? text : chars.unescape();
    }

    /** A text node's text as the renderer writes it: escapes and references read, line ends normalised. */
    private static String unescaped(BasedSequence chars) {
        String text = unescape(chars);
        // normalizeEOL changes only \r (and copies the rest)
        return text.indexOf('\r') >= 0 ? Escaping.normalizeEOL(text) : text;
    }

    /**
     * The renderer writes an attribute value with what looks like a character reference in it
     * as it is (flexmark's {@code Escaping.escapeHtml} keeping entities, by its {@code ENTITY}
     * pattern, copied here), and jsoup's parser then reads the reference: such a value is left to
     * them.
     */
    private static final Pattern REFERENCE = Pattern.compile("&(?:#x[a-f0-9]{1,8}|#[0-9]{1,8}|[a-z][a-z0-9]{1,31});",
            Pattern.CASE_INSENSITIVE);

    /**
     * Sets an attribute as the renderer and parser would leave it; false when they would change it
     * (a line feed in a value is a line end to the renderer's line formatting, too).
     */
    private static boolean attr(Element element, String key, String value) {
        if (changedByParser(value) || value.indexOf('\n') >= 0
                || value.indexOf('&') >= 0 && REFERENCE.matcher(value).find()) {
            return false;
        }
        element.attr(key, value);
        return true;
    }

    /** jsoup's parser turns carriage returns into line feeds and drops or replaces NUL (from a reference such as {@code &#0;}). */
    private static boolean changedByParser(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0;
    }
}
