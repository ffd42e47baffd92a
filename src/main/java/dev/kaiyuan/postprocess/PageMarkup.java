package dev.kaiyuan.postprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * A page's markup as a flat list of start tags, end tags and text, read in one pass without
 * building a tree, for transforms that change a few places of a page in its text (an article
 * page's entity links and external links) instead of parsing and writing the whole page again.
 * Reading gives up (empty) wherever the text is not plain markup, and the page is then parsed as
 * before: an unclosed tag, comment or quote, a {@code <} that opens no tag, a processing
 * instruction or CDATA.
 *
 * <p>The content of raw-text elements ({@code script}, {@code style}, {@code title}, …) is one
 * {@link Kind#RAW} token: it holds no tags (HTML, "raw text elements"). A comment ends a text
 * token, as it ends a text node.
 */
public final class PageMarkup {
    public enum Kind { START, END, TEXT, RAW }

    /**
     * @param kind           what this is
     * @param name           the tag's name in lower case ({@code ""} for text)
     * @param from           where the token starts in the page
     * @param to             where it ends (exclusive)
     * @param attributes     a start tag's attributes in order, as written
     * @param attributesEnd  in a start tag, where its last attribute (or its name) ends
     * @param selfClosing    a start tag written {@code <x/>}
     */
    public record Token(Kind kind, String name, int from, int to, List<Attribute> attributes, int attributesEnd,
            boolean selfClosing) {
        /** The first attribute of this name (names are compared in lower case), as a parser keeps it. */
        public Optional<Attribute> attribute(String lowerName) {
            for (Attribute a : attributes) {
                if (a.name().equals(lowerName)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param name      lower-cased
     * @param raw       the value as written, character references not decoded ({@code ""} for none)
     * @param from      where the attribute's name starts
     * @param to        where its value (with any closing quote) ends
     */
    public record Attribute(String name, String raw, int from, int to) {
        /** The value a parser reads: character references decoded as in an attribute. */
        public String value() {
            return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
        }
    }

    /** Elements whose content is text, not markup (HTML's raw text and escapable raw text elements). */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes");
    /** The raw-text elements that stay raw inside SVG and MathML, where a parser reads the others' content as markup. */
    private static final Set<String> RAW_IN_FOREIGN = Set.of("script", "style");

    /**
     * The names of the elements and attributes the site's pages are made of, by length: a name
     * written as one of these is that string, without a new string made and lower-cased for each
     * tag of each page.
     */
    private static final String[][] TAG_NAMES = byLength("a", "p", "b", "i", "g", "li", "ul", "ol", "em", "h1", "h2",
            "h3", "h4", "br", "hr", "tr", "td", "th", "div", "nav", "img", "svg", "sup", "sub", "del", "pre", "span",
            "code", "time", "meta", "link", "html", "head", "body", "main", "mark", "path", "rect", "line", "text",
            "form", "title", "small", "label", "input", "table", "thead", "tbody", "style", "strong", "figure",
            "header", "footer", "script", "button", "circle", "section", "article", "noscript", "blockquote",
            "figcaption");
    private static final String[][] ATTRIBUTE_NAMES = byLength("d", "x", "y", "id", "x1", "x2", "y1", "y2", "cx", "cy",
            "r", "rel", "src", "alt", "for", "href", "lang", "name", "type", "role", "fill", "class", "title", "width",
            "style", "value", "height", "hidden", "charset", "content", "viewbox", "datetime", "loading", "decoding",
            "property", "aria-label", "data-page", "aria-hidden", "placeholder", "autocomplete", "aria-current",
            "text-anchor", "stroke-width");

    private static String[][] byLength(String... names) {
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, name.length());
        }
        String[][] byLength = new String[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int len = length;
            byLength[length] = Arrays.stream(names).filter(name -> name.length() == len).toArray(String[]::new);
        }
        return byLength;
    }

    /** The name of {@code byLength} written exactly (in lower case) at {@code [from, to)}, or null. */
    private static String known(String html, int from, int to, String[][] byLength) {
        if (to - from >= byLength.length) {
            return null;
        }
        for (String name : byLength[to - from]) {
            if (html.startsWith(name, from)) {
                return name;
            }
        }
        return null;
    }

    private PageMarkup() {
    }

    /** The page's tokens, or empty where its text is not plain markup. */
    public static Optional<List<Token>> read(String html) {
        List<Token> tokens = new ArrayList<>();
        int n = html.length();
        int at = 0;
        int[] foreign = {0};
        while (at < n) {
            int lt = html.indexOf('<', at);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > at) {
                tokens.add(new Token(Kind.TEXT, "", at, textEnd, List.of(), at, false));
            }
            if (lt < 0) {
                break;
            }
            int next = readMarkup(html, lt, tokens, foreign);
            if (next < 0) {
                return Optional.empty();
            }
            at = next;
        }
        return Optional.of(tokens);
    }

    /**
     * Reads the tag, comment or doctype at {@code lt}; where it ends, or -1 if it is not plain.
     * {@code foreign[0]} counts the open {@code svg} and {@code math} elements.
     */
    private static int readMarkup(String html, int lt, List<Token> tokens, int[] foreign) {
        int n = html.length();
        if (html.startsWith("<!--", lt)) {
            return commentEnd(html, lt + 4);
        }
        if (lt + 1 < n && html.charAt(lt + 1) == '!' && html.regionMatches(true, lt, "<!doctype", 0, 9)) {
            int gt = html.indexOf('>', lt);
            return gt < 0 ? -1 : gt + 1;
        }
        boolean end = lt + 1 < n && html.charAt(lt + 1) == '/';
        int nameStart = lt + (end ? 2 : 1);
        if (nameStart >= n || !isAsciiLetter(html.charAt(nameStart))) {
            return -1;
        }
        int at = nameStart;
        while (at < n && !isSpace(html.charAt(at)) && html.charAt(at) != '/' && html.charAt(at) != '>') {
            at++;
        }
        String name = known(html, nameStart, at, TAG_NAMES);
        if (name == null) {
            name = html.substring(nameStart, at).toLowerCase(Locale.ROOT);
        }
        // a parser drops control characters from names, and plaintext never ends
        if (hasControl(name) || name.equals("plaintext")) {
            return -1;
        }
        // the kinds of tag read apart: each is compiled on its own, and a branch first taken late in
        // a build (an svg, an attribute without a value) makes the compiler redo only its own
        return end ? endTag(html, lt, at, name, tokens, foreign) : startTag(html, lt, at, name, tokens, foreign);
    }

    /** Reads the end tag at {@code lt}, whose name ends at {@code at}; where it ends, or -1. */
    private static int endTag(String html, int lt, int at, String name, List<Token> tokens, int[] foreign) {
        int gt = html.indexOf('>', at);
        if (gt < 0) {
            return -1;
        }
        if (name.equals("svg") || name.equals("math")) {
            foreign[0] = Math.max(0, foreign[0] - 1);
        }
        tokens.add(new Token(Kind.END, name, lt, gt + 1, List.of(), at, false));
        return gt + 1;
    }

    /**
     * Reads the start tag at {@code lt}, whose name ends at {@code nameEnd}, and the raw text after
     * it if it opens a raw-text element; where that ends, or -1.
     */
    private static int startTag(String html, int lt, int nameEnd, String name, List<Token> tokens, int[] foreign) {
        int n = html.length();
        List<Attribute> attributes = new ArrayList<>();
        int at = nameEnd;
        int attributesEnd = at;
        boolean selfClosing = false;
        while (true) {
            while (at < n && isSpace(html.charAt(at))) {
                at++;
            }
            if (at >= n) {
                return -1;
            }
            char c = html.charAt(at);
            if (c == '>') {
                break;
            }
            if (c == '/') {
                if (at + 1 < n && html.charAt(at + 1) == '>') {
                    selfClosing = true;
                    at++;
                    break;
                }
                at++;
                continue;
            }
            at = attribute(html, at, attributes);
            if (at < 0) {
                return -1;
            }
            attributesEnd = at;
        }
        int tagEnd = at + 1;
        tokens.add(new Token(Kind.START, name, lt, tagEnd,
                attributes.isEmpty() ? List.of() : Collections.unmodifiableList(attributes), attributesEnd, selfClosing));
        if (selfClosing) {
            return tagEnd;
        }
        if (name.equals("svg") || name.equals("math")) {
            foreign[0]++;
        }
        return RAW_TEXT.contains(name) ? rawTextEnd(html, name, tagEnd, tokens, foreign) : tagEnd;
    }

    /**
     * Reads the attribute whose name starts at {@code keyStart} (not a space, {@code /} or
     * {@code >}) into {@code attributes}; where it ends, or -1.
     */
    private static int attribute(String html, int keyStart, List<Attribute> attributes) {
        int n = html.length();
        if (html.charAt(keyStart) == '=') {
            return -1;
        }
        int at = keyStart + 1;
        while (at < n && !endsKey(html.charAt(at))) {
            at++;
        }
        String key = known(html, keyStart, at, ATTRIBUTE_NAMES);
        // a known name is a plain one: only another needs checking
        if (key == null) {
            key = html.substring(keyStart, at).toLowerCase(Locale.ROOT);
            if (key.indexOf('"') >= 0 || key.indexOf('\'') >= 0 || key.indexOf('<') >= 0 || hasControl(key)) {
                return -1;
            }
        }
        int eq = skipSpace(html, at);
        String raw = "";
        if (eq < n && html.charAt(eq) == '=') {
            int v = skipSpace(html, eq + 1);
            if (v >= n) {
                return -1;
            }
            char quote = html.charAt(v);
            if (quote == '"' || quote == '\'') {
                int close = html.indexOf(quote, v + 1);
                if (close < 0) {
                    return -1;
                }
                raw = html.substring(v + 1, close);
                at = close + 1;
            } else {
                int valueEnd = v;
                while (valueEnd < n && !isSpace(html.charAt(valueEnd)) && html.charAt(valueEnd) != '>') {
                    valueEnd++;
                }
                raw = html.substring(v, valueEnd);
                at = valueEnd;
            }
        }
        attributes.add(new Attribute(key, raw, keyStart, at));
        return at;
    }

    /** Whether {@code c} ends an attribute's name: a space, {@code /}, {@code >} or {@code =}. */
    private static boolean endsKey(char c) {
        return c == '/' || c == '>' || c == '=' || isSpace(c);
    }

    /**
     * After the start tag of the raw-text element {@code name}, ending at {@code tagEnd}: where its
     * end tag starts, with the text before it one token (outside SVG and MathML, or for the
     * elements raw inside them too), else {@code tagEnd}; -1 if it never ends.
     */
    private static int rawTextEnd(String html, String name, int tagEnd, List<Token> tokens, int[] foreign) {
        if (foreign[0] != 0 && !RAW_IN_FOREIGN.contains(name)) {
            return tagEnd;
        }
        int close = indexOfEndTag(html, name, tagEnd);
        if (close < 0) {
            return -1;
        }
        if (close > tagEnd) {
            tokens.add(new Token(Kind.RAW, "", tagEnd, close, List.of(), tagEnd, false));
        }
        return close;
    }

    /**
     * Where a comment whose text starts at {@code from} ends, as HTML parsers end it: {@code <!-->}
     * and {@code <!--->} are whole comments, and {@code -->} or {@code --!>} close one; -1 if none.
     */
    static int commentEnd(String html, int from) {
        if (html.startsWith(">", from)) {
            return from + 1;
        }
        if (html.startsWith("->", from)) {
            return from + 2;
        }
        int plain = html.indexOf("-->", from);
        int bang = html.indexOf("--!>", from);
        if (plain < 0 && bang < 0) {
            return -1;
        }
        return plain >= 0 && (bang < 0 || plain < bang) ? plain + 3 : bang + 4;
    }

    /** Where {@code </name} followed by a space, {@code /} or {@code >} starts, any case; -1 if nowhere. */
    private static int indexOfEndTag(String html, String name, int from) {
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            int after = i + 2 + name.length();
            if (html.regionMatches(true, i + 2, name, 0, name.length()) && after < html.length()
                    && (isSpace(html.charAt(after)) || html.charAt(after) == '/' || html.charAt(after) == '>')) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpace(String html, int at) {
        while (at < html.length() && isSpace(html.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** HTML's ASCII white space (a carriage return is one before a parser folds it into a line feed). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean hasControl(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
