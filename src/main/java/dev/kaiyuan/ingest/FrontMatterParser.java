package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads front matter YAML (SnakeYAML Engine, YAML 1.2) into a typed {@link FrontMatter}. Works on
 * the node tree so every problem points at the file line and column of the offending key or
 * value; a broken key is reported and skipped, the rest is still read.
 */
public final class FrontMatterParser {
    static final List<String> KEYS = List.of("title", "date", "date_inferred", "slug", "tags", "source",
            "author", "lang", "summary", "description", "draft", "rights");
    private static final int MAX_YAML_CHARS = 64 * 1024;

    /**
     * Made once: a builder per file made SnakeYAML's default schema and its tables again for every
     * article. Without a label: messages name the file and line from the marks themselves.
     */
    private static final LoadSettings SETTINGS = LoadSettings.builder().setUseMarks(true)
            .setMaxAliasesForCollections(10).setAllowRecursiveKeys(false).build();

    /** A date-time that ends in an offset, +08:00 or +0800 (compiled once: String.matches compiles at every call). */
    private static final Pattern OFFSET_AT_END = Pattern.compile(".*[+-]\\d\\d:?\\d\\d$");

    private final ZoneId zone;

    public FrontMatterParser(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param path      file the YAML sits in, for messages
     * @param firstLine file line on which the YAML's first line stands
     */
    public FrontMatter parse(String yaml, String path, int firstLine, DiagnosticSink sink) {
        SourceRef top = new SourceRef(path, firstLine, 1);
        if (yaml.length() > MAX_YAML_CHARS) {
            sink.report(Diagnostic.error("frontmatter.size", top, "front matter: too large",
                    yaml.length() + " characters", "keep front matter under 64 KiB; put text in the body"));
            return FrontMatter.EMPTY;
        }
        Optional<Node> root;
        try {
            root = new Compose(SETTINGS).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            sink.report(syntaxError(e, path, firstLine));
            return FrontMatter.EMPTY;
        } catch (YamlEngineException e) {
            sink.report(Diagnostic.error("frontmatter.syntax", top, "front matter: " + firstLineOf(e.getMessage()),
                    "", "check the YAML between the --- lines"));
            return FrontMatter.EMPTY;
        }
        if (root.isEmpty()) {
            return FrontMatter.EMPTY;
        }
        if (!(root.get() instanceof MappingNode map)) {
            sink.report(Diagnostic.error("frontmatter.shape", at(root.get(), path, firstLine),
                    "front matter: expected key: value pairs", "found " + kind(root.get()),
                    "write one key per line, e.g. title: My article"));
            return FrontMatter.EMPTY;
        }
        return new Reader(path, firstLine, sink).read(map);
    }

    /**
     * A YAML syntax error. When the file simply ends inside something (a quote, a bracket), the
     * place where that something began is what the user must fix, so that is where we point.
     */
    private static Diagnostic syntaxError(MarkedYamlEngineException e, String path, int firstLine) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        boolean unterminated = problem.contains("end of stream") && e.getContextMark().isPresent();
        Mark mark = (unterminated ? e.getContextMark() : e.getProblemMark().or(e::getContextMark)).orElse(null);
        SourceRef where = mark == null ? new SourceRef(path, firstLine, 1)
                : new SourceRef(path, firstLine + mark.getLine(), mark.getColumn() + 1);
        String title = unterminated && context.contains("quoted scalar") ? "unclosed quote"
                : unterminated ? "not closed before the end: " + context.replace("while scanning ", "") : problem;
        String detail = unterminated ? "the front matter ends before it is closed" : context;
        return Diagnostic.error("frontmatter.syntax", where, "front matter: " + title, detail,
                "fix the YAML; quote values that contain ': ' or start with a special character");
    }

    private static String firstLineOf(String message) {
        String m = message == null ? "invalid YAML" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static SourceRef at(Node node, String path, int firstLine) {
        return node.getStartMark()
                .map(m -> new SourceRef(path, firstLine + m.getLine(), m.getColumn() + 1))
                .orElse(new SourceRef(path, firstLine, 1));
    }

    private static String kind(Node node) {
        if (node instanceof ScalarNode) {
            return "a single value";
        }
        return node instanceof SequenceNode ? "a list" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** One parse: walks the mapping, fills a builder, reports per key. */
    private final class Reader {
        private final String path;
        private final int firstLine;
        private final DiagnosticSink sink;
        private final FrontMatter.Builder out = new FrontMatter.Builder();

        Reader(String path, int firstLine, DiagnosticSink sink) {
            this.path = path;
            this.firstLine = firstLine;
            this.sink = sink;
        }

        FrontMatter read(MappingNode map) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                SourceRef where = at(tuple.getKeyNode(), path, firstLine);
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    error(where, "front matter: keys must be plain words", "", "write key: value");
                    continue;
                }
                String key = keyNode.getValue();
                if (!seen.add(key)) {
                    error(where, "front matter: duplicate key '" + key + "'", "", "keep one '" + key + "' line");
                    continue;
                }
                readKey(key, tuple.getValueNode(), where);
            }
            return out.build();
        }

        private void readKey(String key, Node value, SourceRef keyWhere) {
            SourceRef where = at(value, path, firstLine);
            if (isNull(value)) {
                return;
            }
            out.where.put(key, keyWhere);
            switch (key) {
                case "title" -> out.title = text(value, key).filter(s -> !s.isBlank());
                case "date" -> out.date = text(value, key).flatMap(s -> date(s, where));
                case "date_inferred" -> out.dateInferred = bool(value, key);
                case "slug" -> out.slug = text(value, key);
                case "tags" -> out.tags = tags(value);
                case "source" -> source(value, where);
                case "author" -> out.author = text(value, key).filter(s -> !s.isBlank());
                case "lang" -> out.lang = text(value, key).flatMap(s -> lang(s, where));
                case "summary", "description" -> out.summary = text(value, key).filter(s -> !s.isBlank());
                case "draft" -> out.draft = bool(value, key);
                case "rights" -> out.rights = text(value, key).filter(s -> !s.isBlank());
                default -> unknownKey(key, keyWhere);
            }
        }

        private void unknownKey(String key, SourceRef where) {
            out.where.remove(key);
            String guess = Suggestions.closest(key, KEYS).map(k -> "did you mean '" + k + "'? ").orElse("");
            sink.report(Diagnostic.warning("frontmatter.unknown-key", where,
                    "front matter: unknown key '" + key + "'", "it is ignored",
                    guess + "known keys: " + String.join(", ", KEYS)));
        }

        private boolean isNull(Node value) {
            return value instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
        }

        private Optional<String> text(Node value, String key) {
            if (value instanceof ScalarNode scalar) {
                return Optional.of(scalar.getValue().strip());
            }
            error(at(value, path, firstLine), "front matter: '" + key + "' must be text",
                    "found " + kind(value), "write " + key + ": some text");
            return Optional.empty();
        }

        private Optional<Boolean> bool(Node value, String key) {
            Optional<String> raw = text(value, key).map(s -> s.toLowerCase(Locale.ROOT));
            if (raw.isPresent() && (raw.get().equals("true") || raw.get().equals("false"))) {
                return Optional.of(Boolean.parseBoolean(raw.get()));
            }
            raw.ifPresent(r -> error(at(value, path, firstLine), "front matter: '" + key + "' must be true or false",
                    "found '" + r + "'", "write " + key + ": true"));
            return Optional.empty();
        }

        private Optional<LocalDate> date(String raw, SourceRef where) {
            Optional<LocalDate> parsed = parseDate(raw, zone);
            if (parsed.isEmpty()) {
                error(where, "front matter: cannot read date '" + raw + "'", "",
                        "write it as 2025-08-21 or 2025-08-21T09:30:00+08:00");
            }
            return parsed;
        }

        private Optional<List<String>> tags(Node value) {
            if (value instanceof ScalarNode scalar) {
                return Optional.of(splitTags(scalar.getValue()));
            }
            if (!(value instanceof SequenceNode seq)) {
                error(at(value, path, firstLine), "front matter: 'tags' must be a list", "found " + kind(value),
                        "write tags: [open models, DeepSeek]");
                return Optional.empty();
            }
            List<String> tags = new ArrayList<>();
            for (Node item : seq.getValue()) {
                text(item, "tags").filter(t -> !t.isBlank()).filter(t -> !tags.contains(t)).ifPresent(tags::add);
            }
            return Optional.of(tags);
        }

        private void source(Node value, SourceRef where) {
            if (value instanceof ScalarNode scalar) {
                out.sourceName = Optional.of(scalar.getValue().strip()).filter(s -> !s.isBlank());
                return;
            }
            if (!(value instanceof MappingNode map)) {
                error(where, "front matter: 'source' must be a name or name/url pair", "found " + kind(value),
                        "write source: {name: The Economist, url: https://www.economist.com/}");
                return;
            }
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                SourceRef at = at(t.getValueNode(), path, firstLine);
                switch (key) {
                    case "name" -> out.sourceName = text(t.getValueNode(), "source.name").filter(s -> !s.isBlank());
                    case "url" -> out.sourceUrl = text(t.getValueNode(), "source.url").flatMap(u -> url(u, at));
                    default -> sink.report(Diagnostic.warning("frontmatter.unknown-key", at(t.getKeyNode(), path, firstLine),
                            "front matter: unknown key 'source." + key + "'", "it is ignored", "source has name and url"));
                }
            }
        }

        private Optional<String> url(String raw, SourceRef where) {
            if (isWebUrl(raw)) {
                return Optional.of(raw);
            }
            error(where, "front matter: source url must be an absolute http(s) address", "found '" + raw + "'",
                    "write url: https://example.com/article");
            return Optional.empty();
        }

        private Optional<String> lang(String raw, SourceRef where) {
            Optional<String> tag = LanguageTags.canonical(raw);
            if (tag.isEmpty()) {
                error(where, "front matter: unknown language '" + raw + "'", "",
                        "use a BCP 47 tag: zh-Hans, zh-Hant, en, ja …");
            }
            return tag;
        }

        private void error(SourceRef where, String title, String detail, String hint) {
            sink.report(Diagnostic.error("frontmatter.value", where, title, detail, hint));
        }
    }

    static List<String> splitTags(String raw) {
        List<String> tags = new ArrayList<>();
        for (String t : raw.split("[,，、]")) {
            String tag = t.strip();
            if (!tag.isEmpty() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** ISO dates and date-times as YAML and Hugo users write them; a time is taken in {@code zone}. */
    public static Optional<LocalDate> parseDate(String raw, ZoneId zone) {
        String s = raw.strip();
        Optional<OffsetDateTime> plain = plainOffsetDateTime(s);
        if (plain.isPresent()) {
            return Optional.of(plain.get().atZoneSameInstant(zone).toLocalDate());
        }
        try {
            if (s.length() == 10) {
                return Optional.of(LocalDate.parse(s));
            }
            String iso = s.replace(' ', 'T');
            if (iso.endsWith("Z") || OFFSET_AT_END.matcher(iso).matches()) {
                return Optional.of(OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDate());
            }
            return Optional.of(LocalDateTime.parse(iso).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The date-time of {@code s} when it has the one form most front matter uses,
     * {@code 2019-01-01T03:46:37Z} or {@code 2019-01-01T03:46:37+08:00} (a space for the T too) and
     * is a valid one, read without the formatter (which was most of reading a date); empty
     * otherwise, for {@link #parseDate} to read as before.
     */
    static Optional<OffsetDateTime> plainOffsetDateTime(String s) {
        int n = s.length();
        if (n != 20 && n != 25 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-'
                || !digits(s, 8, 10) || s.charAt(10) != 'T' && s.charAt(10) != ' ' || !digits(s, 11, 13)
                || s.charAt(13) != ':' || !digits(s, 14, 16) || s.charAt(16) != ':' || !digits(s, 17, 19)) {
            return Optional.empty();
        }
        int sign;
        if (n == 20 && s.charAt(19) == 'Z') {
            sign = 0;
        } else if (n == 25 && (s.charAt(19) == '+' || s.charAt(19) == '-') && digits(s, 20, 22) && s.charAt(22) == ':'
                && digits(s, 23, 25)) {
            sign = s.charAt(19) == '+' ? 1 : -1;
        } else {
            return Optional.empty();
        }
        try {
            ZoneOffset offset = sign == 0 ? ZoneOffset.UTC
                    : ZoneOffset.ofHoursMinutes(sign * number(s, 20, 22), sign * number(s, 23, 25));
            return Optional.of(OffsetDateTime.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10), number(s, 11, 13),
                    number(s, 14, 16), number(s, 17, 19), 0, offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The digits of {@code s} from {@code from} to {@code to}, checked by {@link #digits}, as a number. */
    private static int number(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }

    static boolean isWebUrl(String raw) {
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

}
