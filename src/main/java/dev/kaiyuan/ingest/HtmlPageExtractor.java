package dev.kaiyuan.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Reads a saved web page: its metadata (title, date, author, site, language, description,
 * canonical address, keywords) and its main text as an HTML fragment.
 *
 * <p>The main text is found by a content-scoring pass modelled on Mozilla's Readability: page
 * furniture is removed, every paragraph scores the containers just above it, and the best
 * container, or the page's {@code <article>} when that holds enough of the text, gives the kept
 * blocks. The fragment is <em>not</em> sanitised; a later stage must do that.
 *
 * <p>Instances hold no state and may be shared between threads. Malformed or hostile markup
 * never makes {@link #extract} throw: what cannot be found comes back empty.
 */
public final class HtmlPageExtractor {

    /** Removed with everything inside them, wherever they are. */
    private static final Set<String> CLUTTER_TAGS = Set.of("script", "style", "noscript",
            "template", "iframe", "nav", "header", "footer", "aside", "button", "input", "select",
            "svg", "canvas", "object", "embed");

    /**
     * Class or id words of page furniture. {@code ad} and {@code ads} count only as whole words,
     * so that "heads", "loads" or "shadow" survive.
     */
    private static final Pattern FURNITURE = Pattern.compile(
            "comment|related|recommend|share|social|sidebar|footer|nav|menu|breadcrumb|advert"
                    + "|(?<![a-z])ads?(?![a-z])|promo|sponsor|subscribe|newsletter|popup|cookie"
                    + "|banner|tracker|hot-?news|toolbar");

    private static final Pattern TRACKER_SRC =
            Pattern.compile("pixel|beacon|track|analytics|1x1|spacer|counter");
    private static final Pattern TINY_SIZE = Pattern.compile("\\s*[01](?:px)?\\s*");
    private static final Pattern TINY_STYLE =
            Pattern.compile("(?:^|;)\\s*(?:width|height)\\s*:\\s*[01](?:px)?\\s*(?:;|$)");

    /** Never removed as furniture, whatever their class says. */
    private static final Set<String> PROTECTED_TAGS = Set.of("html", "body", "article", "main");
    private static final Set<String> CANDIDATE_TAGS =
            Set.of("div", "article", "section", "main", "td");
    private static final Set<String> KEPT_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "blockquote", "figure", "pre", "table", "img");
    private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** A {@code div} holding only these (and text) is a paragraph, as in Readability. */
    private static final Set<String> PHRASING_TAGS = Set.of("a", "abbr", "b", "bdi", "bdo", "br",
            "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "mark",
            "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr");

    // Readability's paragraph score: paragraphs under 25 characters count for nothing; a
    // paragraph is worth 1, plus 1 per comma, plus 1 per 100 characters up to 3.
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int CHARS_PER_POINT = 100;
    private static final int MAX_LENGTH_POINTS = 3;
    /** How far above a paragraph (or a container) the next candidate container may sit. */
    private static final int MAX_CANDIDATE_HOPS = 3;
    private static final double EPSILON = 1e-9;
    /** {@code <article>} wins when it holds at least this share of the best container's score. */
    private static final double SEMANTIC_MIN_SHARE = 0.5;
    private static final double SEMANTIC_MAX_LINK_DENSITY = 0.5;
    /** A furniture-named element holding this share of the page's text is a layout wrapper. */
    private static final double WRAPPER_TEXT_SHARE = 0.5;
    private static final int MAX_AUTHOR_CHARS = 100;
    private static final int MAX_SUFFIX_CHARS = 20;
    private static final int MAX_SUFFIX_WORDS = 4;

    private static final Pattern KEYWORD_SEPARATORS = Pattern.compile("[,，;；]");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile(" - | \\| | – |_");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern URL_LIKE = Pattern.compile("(?i)(?:https?:)?//\\S+|www\\.\\S+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final List<String> META_KEY_ATTRIBUTES =
            List.of("property", "name", "itemprop", "http-equiv");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ISO_DATE_TIME,
            DateTimeFormatter.ISO_DATE,
            strictFormat("uuuu-M-d H:mm[:ss]"),
            strictFormat("uuuu-MM-dd'T'HH:mm[:ss][.SSS]Z"),
            strictFormat("uuuu年M月d日[ H:mm[:ss]]"),
            strictFormat("uuuu/M/d[ H:mm[:ss]]"));

    /**
     * Extracts metadata and main text from one page.
     *
     * @param html the page, already decoded to text
     * @param path where the page came from; used only in messages
     * @return what was found; never {@code null}
     */
    public ExtractedPage extract(String html, String path) {
        Objects.requireNonNull(html, () -> "no HTML given for " + path);
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        PageMeta meta = PageMeta.read(doc);
        Content content = findContent(doc.body());
        Optional<String> title = meta.headline()
                .or(() -> firstH1(content.container()))
                .or(() -> firstH1(doc.body()))
                .or(meta::articleHeading)
                .or(meta::documentTitle);
        List<Element> blocks = keptBlocks(content, title);
        return meta.toPage(title, fragment(blocks), captions(blocks));
    }

    // ---------------------------------------------------------------- metadata

    /** Everything read from the untouched page, before any element is removed. */
    private record PageMeta(
            Optional<String> headline,
            Optional<String> documentTitle,
            Optional<String> articleHeading,
            Optional<String> dateText,
            Optional<String> author,
            Optional<String> siteName,
            Optional<String> lang,
            Optional<String> description,
            Optional<String> canonicalUrl,
            List<String> keywords) {

        static PageMeta read(Document doc) {
            Elements metas = doc.select("meta");
            Optional<String> siteName = metaContent(metas, "og:site_name", "application-name");
            return new PageMeta(
                    metaContent(metas, "og:title", "twitter:title"),
                    nonBlank(doc.title()).map(t -> stripSiteSuffix(t, siteName)),
                    textOf(doc.selectFirst("article h1")),
                    readDateText(doc, metas),
                    readAuthor(doc, metas),
                    siteName,
                    readLang(doc, metas),
                    metaContent(metas, "description", "og:description"),
                    readCanonicalUrl(doc, metas),
                    readKeywords(metas));
        }

        ExtractedPage toPage(Optional<String> title, String mainHtml, List<String> captions) {
            return new ExtractedPage(title, dateText, dateText.flatMap(HtmlPageExtractor::parseDate),
                    author, siteName, lang, description, canonicalUrl, keywords, mainHtml, captions);
        }
    }

    /**
     * The content of the first {@code meta} whose property, name, itemprop or http-equiv is one
     * of {@code keys}; earlier keys win over earlier elements.
     */
    private static Optional<String> metaContent(Elements metas, String... keys) {
        for (String key : keys) {
            for (Element meta : metas) {
                if (hasMetaKey(meta, key)) {
                    Optional<String> content = nonBlank(meta.attr("content"));
                    if (content.isPresent()) {
                        return content;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasMetaKey(Element meta, String key) {
        return META_KEY_ATTRIBUTES.stream().anyMatch(a -> meta.attr(a).trim().equalsIgnoreCase(key));
    }

    private static Optional<String> readDateText(Document doc, Elements metas) {
        return metaContent(metas, "article:published_time", "pubdate", "publishdate", "date",
                "DC.date.issued", "datePublished")
                .or(() -> doc.select("time").stream()
                        .map(t -> nonBlank(t.attr("datetime")).or(() -> textOf(t)))
                        .flatMap(Optional::stream)
                        .findFirst());
    }

    private static Optional<String> readAuthor(Document doc, Elements metas) {
        return metaContent(metas, "author").filter(HtmlPageExtractor::isPlainName)
                .or(() -> metaContent(metas, "article:author").filter(HtmlPageExtractor::isPlainName))
                .or(() -> firstName(doc.select("[rel]").stream()
                        .filter(e -> hasToken(e.attr("rel"), "author"))
                        .map(HtmlPageExtractor::textOf)))
                .or(() -> firstName(doc.select("[itemprop=author]").stream()
                        .map(HtmlPageExtractor::itempropName)));
    }

    /** A schema.org author: a meta's content, the nested {@code itemprop=name}, or the text. */
    private static Optional<String> itempropName(Element author) {
        if (author.normalName().equals("meta")) {
            return nonBlank(author.attr("content"));
        }
        Element name = author.selectFirst("[itemprop=name]");
        return name == null ? textOf(author)
                : nonBlank(name.attr("content")).or(() -> textOf(name));
    }

    private static Optional<String> firstName(Stream<Optional<String>> names) {
        return names.flatMap(Optional::stream).filter(HtmlPageExtractor::isPlainName).findFirst();
    }

    private static boolean isPlainName(String name) {
        return !URL_LIKE.matcher(name).matches()
                && name.codePointCount(0, name.length()) <= MAX_AUTHOR_CHARS;
    }

    private static Optional<String> readLang(Document doc, Elements metas) {
        Element root = doc.selectFirst("html");
        return nonBlank(root == null ? "" : root.attr("lang"))
                .or(() -> metaContent(metas, "content-language")
                        .flatMap(l -> nonBlank(l.split(",", 2)[0])));
    }

    private static Optional<String> readCanonicalUrl(Document doc, Elements metas) {
        Stream<String> links = doc.select("link[href]").stream()
                .filter(l -> hasToken(l.attr("rel"), "canonical"))
                .map(l -> l.attr("href"));
        return Stream.concat(links, metaContent(metas, "og:url").stream())
                .map(String::trim)
                .filter(u -> HTTP_URL.matcher(u).matches())
                .findFirst();
    }

    private static List<String> readKeywords(Elements metas) {
        Stream<String> listed = metas.stream().filter(m -> hasMetaKey(m, "keywords"))
                .flatMap(m -> KEYWORD_SEPARATORS.splitAsStream(m.attr("content")));
        Stream<String> tags = metas.stream().filter(m -> hasMetaKey(m, "article:tag"))
                .map(m -> m.attr("content"));
        Map<String, String> unique = new LinkedHashMap<>();
        Stream.concat(listed, tags)
                .flatMap(k -> nonBlank(k).stream())
                .forEach(k -> unique.putIfAbsent(k.toLowerCase(Locale.ROOT), k));
        return List.copyOf(unique.values());
    }

    // ------------------------------------------------------------------- title

    /**
     * Cuts a trailing " - Site", " | Site", " – Site" or "_Site" off a {@code <title>} when the
     * suffix is the site's name or is short next to the rest. An underscore between two ASCII
     * letters or digits ({@code snake_case}) is not a separator.
     */
    private static String stripSiteSuffix(String title, Optional<String> siteName) {
        Matcher separator = TITLE_SEPARATOR.matcher(title);
        int start = -1;
        int end = -1;
        while (separator.find()) {
            if (isTitleSeparator(title, separator.start(), separator.end())) {
                start = separator.start();
                end = separator.end();
            }
        }
        if (start <= 0) {
            return title;
        }
        String head = title.substring(0, start).trim();
        String suffix = title.substring(end).trim();
        boolean isSite = siteName.map(suffix::equalsIgnoreCase).orElse(false);
        return !head.isEmpty() && (isSite || isShortSuffix(suffix, head)) ? head : title;
    }

    private static boolean isTitleSeparator(String title, int start, int end) {
        if (end - start != 1) {
            return true;
        }
        return !(start > 0 && isAsciiAlnum(title.charAt(start - 1))
                && end < title.length() && isAsciiAlnum(title.charAt(end)));
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean isShortSuffix(String suffix, String head) {
        int length = visibleChars(suffix);
        return length > 0 && length <= MAX_SUFFIX_CHARS && length < visibleChars(head)
                && SPACES.split(suffix).length <= MAX_SUFFIX_WORDS;
    }

    private static Optional<String> firstH1(Element root) {
        return textOf(root.selectFirst("h1"));
    }

    // ------------------------------------------------------------------- dates

    /**
     * Reads the calendar day out of a date as pages write it: ISO date or date-time (with or
     * without offset or zone), {@code 2025-03-05 10:32:18}, {@code 2025年3月5日},
     * {@code 2025/03/05}. A date-time keeps the day as written, not converted to UTC.
     */
    private static Optional<LocalDate> parseDate(String text) {
        String trimmed = text.trim();
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return Optional.of(format.parse(trimmed, LocalDate::from));
            } catch (DateTimeException notThisFormat) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter strictFormat(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    // ------------------------------------------------------------ main content

    /** Text measures of one element's subtree, filled bottom-up in a single traversal. */
    private static final class Stats {
        int chars;
        int linkChars;
        int commas;
        /** Sum of the scores of the paragraphs anywhere inside. */
        double contentScore;

        void addText(String text) {
            text.codePoints().forEach(c -> {
                chars += isSpace(c) ? 0 : 1;
                commas += (c == ',' || c == '，' || c == '、') ? 1 : 0;
            });
        }

        void add(Stats child) {
            chars += child.chars;
            linkChars += child.linkChars;
            commas += child.commas;
            contentScore += child.contentScore;
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private record Content(Element container, Map<Element, Stats> stats) {}

    /** Cleans {@code body} in place and picks the element holding the main text. */
    private static Content findContent(Element body) {
        removeFurniture(body);
        retagTextDivs(body);
        Map<Element, Double> paragraphs = new LinkedHashMap<>();
        Map<Element, Stats> stats = measure(body, paragraphs);
        Element best = bestCandidate(scoreCandidates(paragraphs), stats);
        Element semantic = semanticContainer(body, best, stats);
        Element container = semantic != null ? semantic : best != null ? best : body;
        return new Content(container, stats);
    }

    private static void removeFurniture(Element body) {
        Map<Node, Integer> chars = visibleCharsBySubtree(body);
        int pageChars = chars.getOrDefault(body, 0);
        NodeTraversor.filter((node, depth) -> isFurniture(node, chars, pageChars)
                ? NodeFilter.FilterResult.REMOVE
                : NodeFilter.FilterResult.CONTINUE, body);
    }

    private static boolean isFurniture(Node node, Map<Node, Integer> chars, int pageChars) {
        if (node instanceof Comment) {
            return true;
        }
        if (!(node instanceof Element element)) {
            return false;
        }
        String tag = element.normalName();
        if (CLUTTER_TAGS.contains(tag)) {
            return true;
        }
        if (tag.equals("img")) {
            return isTrackingPixel(element);
        }
        boolean suspect = tag.equals("form") || FURNITURE.matcher(classAndId(element)).find();
        return suspect && !isProtected(element, chars.getOrDefault(element, 0), pageChars);
    }

    /**
     * Elements kept even when their class says furniture or they are a form: the page's own
     * structure, and layout wrappers (e.g. {@code <div class="has-sidebar">}, an ASP.NET page
     * form) that hold much of the page's text.
     */
    private static boolean isProtected(Element element, int elementChars, int pageChars) {
        return PROTECTED_TAGS.contains(element.normalName())
                || element.attr("itemprop").trim().equalsIgnoreCase("articleBody")
                || (pageChars > 0 && elementChars >= WRAPPER_TEXT_SHARE * pageChars);
    }

    /** Visible characters under each node with text, counted bottom-up in one pass. */
    private static Map<Node, Integer> visibleCharsBySubtree(Element root) {
        Map<Node, Integer> counts = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                // counted on the way back up
            }

            @Override
            public void tail(Node node, int depth) {
                int own = node instanceof TextNode text
                        ? visibleChars(text.getWholeText()) : counts.getOrDefault(node, 0);
                if (own > 0 && node != root && node.parentNode() != null) {
                    counts.merge(node.parentNode(), own, Integer::sum);
                }
            }
        }, root);
        return counts;
    }

    private static String classAndId(Element element) {
        return (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
    }

    private static boolean isTrackingPixel(Element img) {
        String style = img.attr("style").toLowerCase(Locale.ROOT);
        return TINY_SIZE.matcher(img.attr("width")).matches()
                || TINY_SIZE.matcher(img.attr("height")).matches()
                || TINY_STYLE.matcher(style).find()
                || TRACKER_SRC.matcher(img.attr("src").toLowerCase(Locale.ROOT)).find();
    }

    /**
     * Readability's rule: a {@code div} with text and only inline markup inside it (at any
     * depth) is a paragraph. Works bottom-up so that deep nesting stays linear.
     */
    private static void retagTextDivs(Element body) {
        Set<Node> holdsText = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> holdsBlock = Collections.newSetFromMap(new IdentityHashMap<>());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && hasVisibleChar(text.getWholeText())) {
                    holdsText.add(text.parentNode());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element != body) {
                    retagIfParagraph(element, holdsText, holdsBlock);
                }
            }
        }, body);
    }

    private static void retagIfParagraph(Element element, Set<Node> holdsText, Set<Node> holdsBlock) {
        if (element.normalName().equals("div") && holdsText.contains(element)
                && !holdsBlock.contains(element)) {
            element.tagName("p");
        }
        Node parent = element.parentNode();
        if (holdsText.contains(element)) {
            holdsText.add(parent);
        }
        if (holdsBlock.contains(element) || !PHRASING_TAGS.contains(element.normalName())) {
            holdsBlock.add(parent);
        }
    }

    /**
     * Measures every element under {@code root} and scores each paragraph, adding it to
     * {@code paragraphs} in document order.
     */
    private static Map<Element, Stats> measure(Element root, Map<Element, Double> paragraphs) {
        Map<Element, Stats> stats = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    stats.put(element, new Stats());
                } else if (node instanceof TextNode text && stats.containsKey(text.parentNode())) {
                    stats.get(text.parentNode()).addText(text.getWholeText());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    finish(element, root, stats, paragraphs);
                }
            }
        }, root);
        return stats;
    }

    private static void finish(Element element, Element root, Map<Element, Stats> stats,
            Map<Element, Double> paragraphs) {
        Stats own = stats.get(element);
        if (element.normalName().equals("a")) {
            own.linkChars = own.chars;
        }
        if (element.normalName().equals("p") && own.chars >= MIN_PARAGRAPH_CHARS) {
            double score = 1 + own.commas + Math.min(MAX_LENGTH_POINTS, own.chars / CHARS_PER_POINT);
            paragraphs.put(element, score);
            own.contentScore += score;
        }
        if (element != root && stats.containsKey(element.parentNode())) {
            stats.get(element.parentNode()).add(own);
        }
    }

    /** Readability's propagation: the paragraph's container gets its score, the next one up half. */
    private static Map<Element, Double> scoreCandidates(Map<Element, Double> paragraphs) {
        Map<Element, Double> scores = new LinkedHashMap<>();
        paragraphs.forEach((paragraph, score) -> {
            Element parent = candidateAbove(paragraph);
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grandparent = candidateAbove(parent);
                if (grandparent != null) {
                    scores.merge(grandparent, score / 2, Double::sum);
                }
            }
        });
        return scores;
    }

    /** The nearest candidate container within a few levels up, not crossing {@code body}. */
    private static @Nullable Element candidateAbove(Element element) {
        Element up = element.parent();
        for (int hop = 0; up != null && hop < MAX_CANDIDATE_HOPS; hop++, up = up.parent()) {
            if (up.normalName().equals("body")) {
                return null;
            }
            if (CANDIDATE_TAGS.contains(up.normalName())) {
                return up;
            }
        }
        return null;
    }

    /**
     * The candidate with the highest score after scaling by {@code 1 - link density}. On a tie
     * an ancestor beats its descendant, so an article split across sibling blocks stays whole.
     */
    private static @Nullable Element bestCandidate(Map<Element, Double> scores,
            Map<Element, Stats> stats) {
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element candidate = entry.getKey();
            double score = entry.getValue() * (1 - stats.get(candidate).linkDensity());
            boolean tieWithDescendant = best != null
                    && Math.abs(score - bestScore) < EPSILON && isAncestor(candidate, best);
            if (score > bestScore + EPSILON || tieWithDescendant) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean isAncestor(Element ancestor, Element element) {
        for (Element up = element.parent(); up != null; up = up.parent()) {
            if (up == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * The page's own {@code [itemprop=articleBody]}, else {@code <article>}, when it is
     * reasonable: it holds at least half of the best container's paragraph score and is not
     * mostly links.
     */
    private static @Nullable Element semanticContainer(Element body, @Nullable Element best,
            Map<Element, Stats> stats) {
        double needed = best == null ? 0 : SEMANTIC_MIN_SHARE * stats.get(best).contentScore;
        for (String query : List.of("[itemprop=articleBody]", "article")) {
            Element richest = null;
            for (Element element : body.select(query)) {
                if (richest == null
                        || stats.get(element).contentScore > stats.get(richest).contentScore) {
                    richest = element;
                }
            }
            if (richest != null && isReasonable(stats.get(richest), needed)) {
                return richest;
            }
        }
        return null;
    }

    private static boolean isReasonable(Stats stats, double neededScore) {
        return stats.contentScore > 0 && stats.contentScore >= neededScore
                && stats.linkDensity() <= SEMANTIC_MAX_LINK_DENSITY;
    }

    /**
     * The outermost kept-tag blocks of the container, in document order, without empty ones
     * and without a heading that only repeats the title.
     */
    private static List<Element> keptBlocks(Content content, Optional<String> title) {
        List<Element> kept = new ArrayList<>();
        NodeTraversor.filter((node, depth) -> {
            if (!(node instanceof Element element) || !KEPT_TAGS.contains(element.normalName())) {
                return NodeFilter.FilterResult.CONTINUE;
            }
            if (!isEmpty(element, content.stats()) && !repeatsTitle(element, title)) {
                kept.add(element);
            }
            return NodeFilter.FilterResult.SKIP_CHILDREN;
        }, content.container());
        return kept;
    }

    private static boolean isEmpty(Element block, Map<Element, Stats> stats) {
        Stats own = stats.get(block);
        boolean hasText = own == null ? block.hasText() : own.chars > 0;
        return !hasText && (block.normalName().equals("img")
                ? !hasImageSource(block)
                : block.select("img").stream().noneMatch(HtmlPageExtractor::hasImageSource));
    }

    private static boolean hasImageSource(Element img) {
        return Stream.of("src", "data-src", "data-original")
                .anyMatch(a -> !img.attr(a).isBlank());
    }

    private static boolean repeatsTitle(Element block, Optional<String> title) {
        return HEADING_TAGS.contains(block.normalName())
                && title.map(t -> t.equalsIgnoreCase(normalize(block.text()))).orElse(false);
    }

    private static String fragment(List<Element> blocks) {
        return blocks.stream().map(Element::outerHtml).collect(Collectors.joining("\n"));
    }

    private static List<String> captions(List<Element> blocks) {
        return blocks.stream()
                .flatMap(block -> block.select("figcaption").stream())
                .flatMap(caption -> textOf(caption).stream())
                .toList();
    }

    // ------------------------------------------------------------------ text

    private static Optional<String> textOf(@Nullable Element element) {
        return element == null ? Optional.empty() : nonBlank(element.text());
    }

    private static Optional<String> nonBlank(@Nullable String text) {
        String normalized = text == null ? "" : normalize(text);
        return normalized.isEmpty() ? Optional.empty() : Optional.of(normalized);
    }

    private static String normalize(String text) {
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    private static boolean hasToken(String attribute, String token) {
        return Stream.of(SPACES.split(attribute.trim())).anyMatch(token::equalsIgnoreCase);
    }

    /** Characters that are not white space: CJK and Latin letters alike count one each. */
    private static int visibleChars(String text) {
        return (int) text.codePoints().filter(c -> !isSpace(c)).count();
    }

    private static boolean hasVisibleChar(String text) {
        return text.codePoints().anyMatch(c -> !isSpace(c));
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
