package dev.kaiyuan.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Compares two built sites as readers and browsers see them: the same files, and for every page
 * the same DOM — tag names, attributes (as a sorted map) and text. Only formatting whitespace is
 * ignored: runs of HTML whitespace inside text count as one space, text is trimmed, and
 * whitespace-only text nodes (newlines between elements) are dropped. Each problem names the
 * page and the path of the first node that differs, so a failing parity test says where to look.
 */
final class SiteParity {
    /** HTML's own whitespace; U+3000 and NBSP are content in Chinese text and are kept. */
    private static final Pattern HTML_SPACE = Pattern.compile("[ \t\n\f\r]+");

    private SiteParity() {
    }

    /** Every difference between the two sites, one line each; empty when they are equivalent. */
    static List<String> differences(Path expected, String expectedName, Path actual, String actualName)
            throws IOException {
        List<String> problems = new ArrayList<>();
        TreeSet<String> left = new TreeSet<>(files(expected));
        TreeSet<String> right = new TreeSet<>(files(actual));
        for (String only : difference(left, right)) {
            problems.add(only + ": only in the " + expectedName + " site");
        }
        for (String only : difference(right, left)) {
            problems.add(only + ": only in the " + actualName + " site");
        }
        left.retainAll(right);
        for (String file : left) {
            byte[] a = Files.readAllBytes(expected.resolve(file));
            byte[] b = Files.readAllBytes(actual.resolve(file));
            if (file.endsWith(".html")) {
                firstDifference(parse(a), parse(b), expectedName, actualName)
                        .ifPresent(d -> problems.add(file + ": " + d));
            } else if (!Arrays.equals(a, b)) {
                problems.add(file + ": bytes differ");
            }
        }
        return problems;
    }

    /** Site-relative paths of all files under {@code root}, with '/' separators, sorted. */
    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** The first node (in document order) where the two documents differ, described with its path. */
    static Optional<String> firstDifference(Document a, Document b, String aName, String bName) {
        return firstDifference(a, b, "", aName, bName);
    }

    private static Optional<String> firstDifference(Node a, Node b, String path, String aName, String bName) {
        String da = describe(a);
        String db = describe(b);
        if (!da.equals(db)) {
            return Optional.of("at " + orRoot(path) + ": " + aName + " has " + da + ", " + bName + " has " + db);
        }
        List<Node> ca = significantChildren(a);
        List<Node> cb = significantChildren(b);
        int common = Math.min(ca.size(), cb.size());
        for (int i = 0; i < common; i++) {
            Optional<String> d = firstDifference(ca.get(i), cb.get(i), path + "/" + step(ca.get(i), i), aName, bName);
            if (d.isPresent()) {
                return d;
            }
        }
        if (ca.size() != cb.size()) {
            boolean aLonger = ca.size() > cb.size();
            Node extra = (aLonger ? ca : cb).get(common);
            return Optional.of("at " + path + "/" + step(extra, common) + ": only " + (aLonger ? aName : bName)
                    + " has " + describe(extra));
        }
        return Optional.empty();
    }

    private static String orRoot(String path) {
        return path.isEmpty() ? "/" : path;
    }

    private static Document parse(byte[] html) {
        return Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    }

    /** Children that matter: all but whitespace-only text. */
    private static List<Node> significantChildren(Node node) {
        return node.childNodes().stream()
                .filter(n -> !(n instanceof TextNode t) || !normalise(t.getWholeText()).isEmpty())
                .toList();
    }

    /** A path step such as {@code p[2]} or {@code #text[0]}: name and index among the significant siblings. */
    private static String step(Node node, int index) {
        return (node instanceof Element e ? e.normalName() : node.nodeName()) + "[" + index + "]";
    }

    /** What is compared for one node, without its children. */
    static String describe(Node node) {
        if (node instanceof Element e && !(node instanceof Document)) {
            Map<String, String> attributes = new TreeMap<>();
            for (Attribute attribute : e.attributes()) {
                attributes.put(attribute.getKey(), attribute.getValue());
            }
            return "<" + e.normalName() + (attributes.isEmpty() ? "" : " " + attributes) + ">";
        }
        if (node instanceof TextNode t) {
            return "text '" + normalise(t.getWholeText()) + "'";
        }
        if (node instanceof DataNode d) {
            return "data '" + normalise(d.getWholeData()) + "'";
        }
        if (node instanceof Comment c) {
            return "comment '" + normalise(c.getData()) + "'";
        }
        if (node instanceof DocumentType t) {
            return "doctype '" + t.name() + "'";
        }
        return node.nodeName();
    }

    /** Whitespace runs collapsed to one space, then trimmed (HTML whitespace only). */
    static String normalise(String text) {
        String collapsed = HTML_SPACE.matcher(text).replaceAll(" ");
        int start = collapsed.startsWith(" ") ? 1 : 0;
        int end = collapsed.endsWith(" ") && collapsed.length() > start ? collapsed.length() - 1 : collapsed.length();
        return collapsed.substring(start, end);
    }

    private static List<String> difference(TreeSet<String> a, TreeSet<String> b) {
        TreeSet<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return List.copyOf(rest);
    }
}
