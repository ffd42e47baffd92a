package dev.kaiyuan.config;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.SourceRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads {@code kaiyuan.yaml}; every bad key or value is a located diagnostic, the rest still applies. */
public final class ConfigLoader {
    /** Template engines a theme can be written for. */
    public static final List<String> ENGINES = List.of("freemarker", "pebble");
    static final List<String> KEYS = List.of("title", "description", "language", "base_url", "timezone", "engine",
            "page_size", "chinese");
    /** How Chinese text may be shown: as written, or converted to Simplified or Traditional. */
    public static final List<String> CHINESE = List.of("keep", "hans", "hant");

    private ConfigLoader() {
    }

    /**
     * Reads the file's bytes, which must be UTF-8 (YAML 1.2 allows UTF-16 and -32 too; no editor
     * writes a config in them unasked); a byte order mark is skipped. Bytes that are not UTF-8 are
     * an error at the first of them, and the defaults apply.
     *
     * @param path project-relative name used in messages
     */
    public static SiteConfig load(byte[] bytes, String path, DiagnosticSink sink) {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            sink.report(Diagnostic.error("config.encoding", position(out.flip(), path),
                    "config: not UTF-8 text", String.format("byte 0x%02X", bytes[in.position()] & 0xFF),
                    "save " + path + " as UTF-8 (any editor's \"Save with encoding\" does it)"));
            return SiteConfig.defaults();
        }
        decoder.flush(out);
        return load(out.flip().toString(), path, sink);
    }

    /** Where the text after {@code before} starts: its line and column, counted in code points. */
    private static SourceRef position(CharSequence before, String path) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new SourceRef(path, line, column);
    }

    /** @param path project-relative name used in messages */
    public static SiteConfig load(String yaml, String path, DiagnosticSink sink) {
        SiteConfig config = SiteConfig.defaults();
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(path).build()).composeString(yaml);
        } catch (MarkedYamlEngineException e) {
            SourceRef where = e.getProblemMark().map(m -> new SourceRef(path, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(SourceRef.file(path));
            sink.report(Diagnostic.error("config.syntax", where, "config: " + e.getProblem(), "",
                    "fix the YAML in " + path));
            return config;
        } catch (YamlEngineException e) {
            sink.report(Diagnostic.error("config.syntax", SourceRef.file(path), "config: invalid YAML", "",
                    "fix the YAML in " + path));
            return config;
        } catch (StackOverflowError e) {
            // SnakeYAML reads nested collections recursively
            sink.report(Diagnostic.error("config.syntax", SourceRef.file(path), "config: nested too deeply to read",
                    "brackets or indented blocks nested thousands deep", "fix the YAML in " + path));
            return config;
        }
        if (root.isEmpty()) {
            return config;
        }
        if (!(root.get() instanceof MappingNode map)) {
            sink.report(Diagnostic.error("config.shape", at(root.get(), path), "config: expected key: value pairs", "",
                    "write one setting per line, e.g. title: My digest"));
            return config;
        }
        for (NodeTuple t : map.getValue()) {
            config = apply(config, t, path, sink);
        }
        return config;
    }

    private static SiteConfig apply(SiteConfig c, NodeTuple t, String path, DiagnosticSink sink) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
        SourceRef where = at(t.getValueNode(), path);
        if (!(t.getValueNode() instanceof ScalarNode scalar)) {
            sink.report(Diagnostic.error("config.value", where, "config: '" + key + "' must be a single value", "",
                    "write " + key + ": value"));
            return c;
        }
        String v = scalar.getValue().strip();
        return switch (key) {
            case "title" -> c.withTitle(v);
            case "description" -> c.withDescription(v);
            case "language" -> c.withLanguage(v);
            case "base_url" -> baseUrl(v, where, sink).map(c::withBaseUrl).orElse(c);
            case "timezone" -> zone(v, where, sink).map(c::withZone).orElse(c);
            case "page_size" -> pageSize(v, where, sink).map(c::withPageSize).orElse(c);
            case "chinese" -> {
                if (!CHINESE.contains(v)) {
                    sink.report(Diagnostic.error("config.chinese", where, "config: chinese must be keep, hans or hant",
                            "found '" + v + "'", "keep shows articles as written; hans/hant convert them"));
                    yield c;
                }
                yield c.withChinese(v);
            }
            case "engine" -> {
                if (!ENGINES.contains(v)) {
                    sink.report(Diagnostic.error("config.engine", where, "config: unknown template engine '" + v + "'",
                            "", "use " + String.join(" or ", ENGINES)));
                    yield c;
                }
                yield c.withEngine(v);
            }
            default -> {
                sink.report(Diagnostic.warning("config.unknown-key", at(t.getKeyNode(), path),
                        "config: unknown key '" + key + "'", "it is ignored", "known keys: " + String.join(", ", KEYS)));
                yield c;
            }
        };
    }

    /** An absolute http(s) URL; a missing final slash is added so relative joins work. */
    public static Optional<String> baseUrl(String raw, SourceRef where, DiagnosticSink sink) {
        try {
            URI uri = new URI(raw);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.of(raw.endsWith("/") ? raw : raw + "/");
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        sink.report(Diagnostic.error("config.base-url", where, "config: base_url must be an absolute http(s) URL",
                "found '" + raw + "'", "write base_url: https://example.org/digest/"));
        return Optional.empty();
    }

    private static Optional<Integer> pageSize(String raw, SourceRef where, DiagnosticSink sink) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= 1000) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        sink.report(Diagnostic.error("config.page-size", where, "config: page_size must be a whole number from 1 to 1000",
                "found '" + raw + "'", "write page_size: 10"));
        return Optional.empty();
    }

    private static Optional<ZoneId> zone(String raw, SourceRef where, DiagnosticSink sink) {
        try {
            return Optional.of(ZoneId.of(raw));
        } catch (DateTimeException e) {
            sink.report(Diagnostic.error("config.timezone", where, "config: unknown time zone '" + raw + "'", "",
                    "use an IANA zone such as Asia/Shanghai or UTC"));
            return Optional.empty();
        }
    }

    private static SourceRef at(Node node, String path) {
        return node.getStartMark().map(m -> new SourceRef(path, m.getLine() + 1, m.getColumn() + 1))
                .orElse(SourceRef.file(path));
    }
}
