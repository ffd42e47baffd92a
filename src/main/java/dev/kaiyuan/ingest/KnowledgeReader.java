package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.EntityKind;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.model.Person;
import dev.kaiyuan.model.SourceFile;
import dev.kaiyuan.model.SourceRef;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * Reads the knowledge base — {@code seeds/data/organizations.yaml}, {@code models.yaml} and
 * {@code people.yaml}, each a YAML list of maps — into a {@link Gazetteer}. Works on SnakeYAML
 * Engine's node tree (YAML 1.2) so every problem is a located diagnostic: syntax, shape, missing
 * and unknown keys, id format, duplicate ids, dates, vocabularies, countries, URLs, references
 * between rows (with close matches as a hint) and names claimed by two entities.
 *
 * <p>Name and alias uniqueness: every name and alias of every organization, model and person is a
 * surface form the tagger looks for, compared ignoring case and Traditional/Simplified script. A
 * form may lead to one entity only — no exceptions, since a shared form would make the tagger
 * guess; the more specific form goes to one entity ({@code Mistral AI} the company, {@code Mistral}
 * the family). A row may repeat its own name among its aliases.
 *
 * <p>Models: a family entry is a row whose {@code family} is its own id and that has no
 * {@code released}; its accessibility, license and modality may be left out (they read as empty:
 * they vary by release). A release without {@code family} stands alone (its family is its own
 * id). A release needs {@code released} and {@code source} unless its accessibility is
 * {@code unreleased}, in which case it has no date and must name a family. {@code precision}
 * defaults to {@code day}. Modalities outside {@link #MODALITIES} are only a warning.
 *
 * <p>Rows with a field error are left out; a bad optional reference is dropped from its row; a
 * model whose organization or family is unknown is left out, so the returned gazetteer always
 * resolves. Missing files read as empty. Lists are sorted by id. Stateless and thread-safe.
 */
public final class KnowledgeReader {
    public static final String ORGANIZATIONS = "seeds/data/organizations.yaml";
    public static final String MODELS = "seeds/data/models.yaml";
    public static final String PEOPLE = "seeds/data/people.yaml";

    static final List<String> KINDS = List.of("lab", "company", "investor", "university", "publication", "nonprofit");
    static final List<String> ACCESSIBILITY = List.of("open-unrestricted", "open-restricted", "open-non-commercial",
            "api", "hosted", "unreleased");
    static final List<String> PRECISIONS = List.of("day", "month", "year", "decade");
    static final List<String> MODALITIES = List.of("text", "code", "image", "video", "speech", "audio",
            "vision-language", "multimodal");
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** The three files: where they live, what they hold, which keys a row may have. */
    enum Table {
        ORGANIZATIONS(KnowledgeReader.ORGANIZATIONS, "organizations", EntityKind.ORGANIZATION,
                List.of("id", "name", "country", "kind"), List.of("parent", "url", "aliases")),
        MODELS(KnowledgeReader.MODELS, "models", EntityKind.MODEL, List.of("id", "name", "organization", "confidence"),
                List.of("family", "released", "precision", "accessibility", "license", "parameters", "active",
                        "modality", "base_model", "source", "aliases")),
        PEOPLE(KnowledgeReader.PEOPLE, "people", EntityKind.PERSON, List.of("id", "name", "role"),
                List.of("organization", "aliases"));

        final String path;
        final String label;
        final EntityKind kind;
        final List<String> required;
        final List<String> keys;

        Table(String path, String label, EntityKind kind, List<String> required, List<String> optional) {
            this.path = path;
            this.label = label;
            this.kind = kind;
            this.required = required;
            this.keys = Stream.concat(required.stream(), optional.stream()).toList();
        }
    }

    /** One {@code key: value} of a row, with where the key and the value stand. */
    record Field(String key, Node value, SourceRef keyAt, SourceRef at) {
    }

    /** One map of a file; {@code where} is the line of its first key (its {@code - id:}). */
    record Row(Table table, SourceRef where, Map<String, Field> fields) {
        SourceRef at(String key) {
            Field f = fields.get(key);
            return f == null ? where : f.at();
        }
    }

    /** A name or alias as written, and where. */
    record Form(String text, SourceRef where) {
    }

    /** A record read from a row, with the row and the surface forms it claims. */
    record Entry<T>(T value, EntityId entity, Row row, List<Form> forms) {
        String id() {
            return entity.id();
        }
    }

    /** Reads the files given by project-relative path; other paths are reported and ignored. */
    public Gazetteer read(Map<String, byte[]> files, DiagnosticSink sink) {
        reportUnknownFiles(files.keySet(), sink);
        List<Row> orgRows = rows(Table.ORGANIZATIONS, files, sink);
        List<Row> modelRows = rows(Table.MODELS, files, sink);
        List<Entry<Organization>> orgs = unique(orgRows.stream()
                .flatMap(r -> new Cells(r, sink).organization().stream()).toList(), sink);
        List<Entry<ModelRelease>> models = unique(modelRows.stream()
                .flatMap(r -> new Cells(r, sink).model().stream()).toList(), sink);
        List<Entry<Person>> people = unique(rows(Table.PEOPLE, files, sink).stream()
                .flatMap(r -> new Cells(r, sink).person().stream()).toList(), sink);
        checkForms(Stream.<List<? extends Entry<?>>>of(orgs, models, people).<Entry<?>>flatMap(List::stream).toList(),
                sink);
        return new References(declared(orgRows), declared(modelRows), sink).resolve(orgs, models, people);
    }

    /** The same, from the files as the build loads them. */
    public Gazetteer read(Collection<SourceFile> files, DiagnosticSink sink) {
        Map<String, byte[]> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f.bytes()));
        return read(byPath, sink);
    }

    /** Ids of every row that has a well-formed one, kept or not: what references may name. */
    private static Set<String> declared(List<Row> rows) {
        return rows.stream().map(r -> r.fields().get("id")).filter(f -> f != null && f.value() instanceof ScalarNode)
                .map(f -> ((ScalarNode) f.value()).getValue().strip()).filter(id -> ID.matcher(id).matches())
                .collect(Collectors.toSet());
    }

    private static void reportUnknownFiles(Set<String> paths, DiagnosticSink sink) {
        Set<String> known = Stream.of(Table.values()).map(t -> t.path).collect(Collectors.toSet());
        paths.stream().filter(p -> !known.contains(p)).sorted().forEach(p -> sink.report(Diagnostic.warning(
                "knowledge.unknown-file", SourceRef.file(p), "not a knowledge-base file, skipped", "",
                "the knowledge base is " + String.join(", ", known.stream().sorted().toList()))));
    }

    // ------------------------------------------------------------------ YAML to rows

    private static List<Row> rows(Table table, Map<String, byte[]> files, DiagnosticSink sink) {
        byte[] bytes = files.get(table.path);
        if (bytes == null) {
            return List.of();
        }
        if (bytes.length > MAX_BYTES) {
            sink.report(Diagnostic.error("knowledge.size", SourceRef.file(table.path), table.label + ": file too large",
                    bytes.length + " bytes; the limit is " + MAX_BYTES, "split the data or remove what is not needed"));
            return List.of();
        }
        return decode(table, bytes, sink).flatMap(text -> compose(table, text, sink))
                .map(root -> rows(table, root, sink)).orElse(List.of());
    }

    private static Optional<String> decode(Table table, byte[] bytes, DiagnosticSink sink) {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString());
        } catch (CharacterCodingException e) {
            sink.report(Diagnostic.error("knowledge.encoding", SourceRef.file(table.path),
                    table.label + ": not UTF-8 text", "YAML data files must be UTF-8",
                    "save the file as UTF-8 (any editor's \"Save with encoding\" does it)"));
            return Optional.empty();
        }
    }

    private static Optional<Node> compose(Table table, String text, DiagnosticSink sink) {
        LoadSettings settings = LoadSettings.builder().setLabel(table.path).setUseMarks(true)
                .setMaxAliasesForCollections(50).setAllowRecursiveKeys(false).setCodePointLimit(MAX_BYTES).build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            sink.report(syntaxError(table, e));
        } catch (YamlEngineException e) {
            sink.report(Diagnostic.error("knowledge.syntax", SourceRef.file(table.path),
                    table.label + ": " + firstLine(e.getMessage()), "", "fix the YAML"));
        } catch (StackOverflowError e) {
            // SnakeYAML reads nested collections recursively
            sink.report(Diagnostic.error("knowledge.syntax", SourceRef.file(table.path),
                    table.label + ": nested too deeply to read", "brackets or indented blocks nested thousands deep",
                    "fix the YAML"));
        }
        return Optional.empty();
    }

    /** Points where the user must act: for an unclosed quote or bracket, where it was opened. */
    private static Diagnostic syntaxError(Table table, MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        boolean unterminated = (problem.contains("end of stream") || problem.contains("<stream end>"))
                && e.getContextMark().isPresent();
        Mark mark = (unterminated ? e.getContextMark() : e.getProblemMark().or(e::getContextMark)).orElse(null);
        SourceRef where = mark == null ? new SourceRef(table.path, 1, 1)
                : new SourceRef(table.path, mark.getLine() + 1, mark.getColumn() + 1);
        String opened = context.replaceFirst("^while (scanning|parsing) ", "");
        String title = unterminated ? "not closed before the end: " + opened : problem;
        return Diagnostic.error("knowledge.syntax", where, table.label + ": " + title, unterminated ? "" : context,
                "fix the YAML; quote values that contain ': ' or ' #' or start with a special character");
    }

    private static String firstLine(String message) {
        String m = message == null ? "invalid YAML" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static List<Row> rows(Table table, Node root, DiagnosticSink sink) {
        if (!(root instanceof SequenceNode list)) {
            sink.report(Diagnostic.error("knowledge.shape", at(table, root), table.label + ": expected a list of rows",
                    "found " + describe(root), "start each row with '- id: …'"));
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (Node item : list.getValue()) {
            if (item instanceof MappingNode map) {
                rows.add(row(table, map, sink));
            } else {
                sink.report(Diagnostic.error("knowledge.shape", at(table, item), table.label + ": a row must be a map",
                        "found " + describe(item), "write a row as '- id: …' followed by indented 'key: value' lines"));
            }
        }
        return rows;
    }

    private static Row row(Table table, MappingNode map, DiagnosticSink sink) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            SourceRef keyAt = at(table, tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                sink.report(Diagnostic.error("knowledge.shape", keyAt, table.label + ": keys must be plain words", "",
                        "write key: value"));
            } else if (fields.containsKey(key.getValue())) {
                sink.report(Diagnostic.error("knowledge.duplicate-key", keyAt,
                        table.label + ": duplicate key '" + key.getValue() + "'",
                        "first given at line " + fields.get(key.getValue()).keyAt().line(), "keep one of them"));
            } else {
                fields.put(key.getValue(), new Field(key.getValue(), tuple.getValueNode(), keyAt,
                        at(table, tuple.getValueNode())));
            }
        }
        return new Row(table, at(table, map), fields);
    }

    static SourceRef at(Table table, Node node) {
        return node.getStartMark().map(m -> new SourceRef(table.path, m.getLine() + 1, m.getColumn() + 1))
                .orElse(SourceRef.file(table.path));
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode s) {
            return "a single value '" + s.getValue() + "'";
        }
        return node instanceof SequenceNode ? "a list" : "a map";
    }

    // ------------------------------------------------------------------ one row to one record

    /**
     * Reads the fields of one row. Any bad field marks the row as failed and it is left out; each
     * key's value is read once, so a problem is reported once however often the key is asked for.
     */
    private static final class Cells {
        private final Row row;
        private final Table table;
        private final DiagnosticSink sink;
        private final Map<String, Optional<String>> texts = new HashMap<>();
        private boolean failed;

        Cells(Row row, DiagnosticSink sink) {
            this.row = row;
            this.table = row.table();
            this.sink = sink;
            row.fields().values().stream().filter(f -> !table.keys.contains(f.key())).forEach(this::unknownKey);
        }

        Optional<Entry<Organization>> organization() {
            String id = id();
            List<Form> aliases = aliases();
            Organization o = new Organization(id, required("name"), country(), required("kind", KINDS),
                    text("parent"), texts(aliases), url("url"), row.where());
            return done(o, id, aliases);
        }

        Optional<Entry<Person>> person() {
            String id = id();
            List<Form> aliases = aliases();
            Person p = new Person(id, required("name"), required("role"), text("organization"), texts(aliases),
                    row.where());
            return done(p, id, aliases);
        }

        /** A family entry has {@code family} equal to its own id and no date; its facts may be left out. */
        Optional<Entry<ModelRelease>> model() {
            String id = id();
            boolean family = text("released").isEmpty() && text("family").filter(id::equals).isPresent();
            List<Form> aliases = aliases();
            ModelRelease m = new ModelRelease(id, required("name"), text("family").orElse(id),
                    required("organization"), text("released").flatMap(this::date), precision(),
                    family ? optional("accessibility", ACCESSIBILITY) : required("accessibility", ACCESSIBILITY),
                    family ? text("license").orElse("") : releaseText("license"), text("parameters"),
                    text("active"), family ? text("modality").orElse("") : modality(), text("base_model"),
                    url("source"), confidence(), texts(aliases), row.where());
            if (!family) {
                checkRelease(m);
            }
            return done(m, id, aliases);
        }

        private <T> Optional<Entry<T>> done(T value, String id, List<Form> aliases) {
            if (failed) {
                return Optional.empty();
            }
            List<Form> forms = new ArrayList<>();
            forms.add(new Form(text("name").orElse(""), row.at("name")));
            forms.addAll(aliases);
            return Optional.of(new Entry<>(value, new EntityId(table.kind, id), row, forms));
        }

        private String id() {
            String id = required("id");
            if (!id.isEmpty() && !ID.matcher(id).matches()) {
                error("knowledge.id", row.at("id"), "bad id '" + id + "'",
                        "ids are lower-case letters and digits in words joined by single hyphens",
                        "write e.g. " + slug(id));
            }
            return id;
        }

        private String country() {
            String country = required("country");
            if (!country.isEmpty() && !COUNTRY.matcher(country).matches()) {
                error("knowledge.country", row.at("country"), "bad country '" + country + "'",
                        "a country is an ISO 3166-1 alpha-2 code: two upper-case letters", "write e.g. CN, US, FR, GB");
            }
            return country;
        }

        private DatePrecision precision() {
            String p = optional("precision", PRECISIONS);
            return p.isEmpty() || !PRECISIONS.contains(p) ? DatePrecision.DAY
                    : DatePrecision.valueOf(p.toUpperCase(Locale.ROOT));
        }

        private Optional<LocalDate> date(String raw) {
            try {
                return Optional.of(LocalDate.parse(raw));
            } catch (DateTimeParseException e) {
                error("knowledge.date", row.at("released"), "cannot read date '" + raw + "'",
                        "dates are written YYYY-MM-DD",
                        "write e.g. 2025-08-05; for a month, write its first day and precision: month");
                return Optional.empty();
            }
        }

        private String confidence() {
            String c = required("confidence");
            boolean partial = c.startsWith("partial:") && !c.substring("partial:".length()).isBlank();
            if (!c.isEmpty() && !c.equals("verified") && !partial) {
                error("knowledge.confidence", row.at("confidence"), "bad confidence '" + c + "'",
                        "confidence is 'verified' or 'partial: <why>'",
                        "write confidence: verified, or confidence: \"partial: single secondary source\"");
            }
            return c;
        }

        private String modality() {
            String modality = releaseText("modality");
            for (String part : modality.split("[;,]")) {
                String p = part.strip();
                if (!p.isEmpty() && !MODALITIES.contains(p)) {
                    sink.report(Diagnostic.warning("knowledge.vocabulary", row.at("modality"),
                            table.label + ": unknown modality '" + p + "'", "it is kept as written",
                            "known modalities: " + String.join(", ", MODALITIES) + "; separate several with ';'"));
                }
            }
            return modality;
        }

        /** A release has a date and a source, unless it never came out; then it has no date. */
        private void checkRelease(ModelRelease m) {
            boolean unreleased = m.accessibility().equals("unreleased");
            boolean dated = text("released").isPresent();
            if (!unreleased && !dated) {
                missing("released", "a release needs the day its weights (or API) became available; "
                        + "a family entry needs family: " + m.id());
            } else if (unreleased && dated) {
                error("knowledge.value", row.at("released"), "an unreleased model has a release date", "",
                        "remove released, or change accessibility");
            } else if (unreleased && !row.fields().containsKey("family")) {
                missing("family", "an undated model without a family would read as a family entry");
            } else if (dated && !row.fields().containsKey("source")) {
                missing("source", "a release names where its facts come from");
            }
        }

        /** Required in a release, optional in a model that was never released. */
        private String releaseText(String key) {
            boolean unreleased = text("accessibility").filter("unreleased"::equals).isPresent();
            return unreleased ? text(key).orElse("") : required(key);
        }

        private String required(String key, List<String> allowed) {
            String value = required(key);
            return value.isEmpty() ? value : allowed(key, value, allowed);
        }

        private String optional(String key, List<String> allowed) {
            return text(key).map(v -> allowed(key, v, allowed)).orElse("");
        }

        private String allowed(String key, String value, List<String> allowed) {
            if (!allowed.contains(value)) {
                String guess = Suggestions.closest(value, allowed).map(g -> "did you mean '" + g + "'? ").orElse("");
                error("knowledge.vocabulary", row.at(key), "unknown " + key + " '" + value + "'", "",
                        guess + "valid values: " + String.join(", ", allowed));
            }
            return value;
        }

        private Optional<String> url(String key) {
            Optional<String> url = text(key);
            if (url.isPresent() && !FrontMatterParser.isWebUrl(url.get())) {
                error("knowledge.url", row.at(key), "'" + key + "' must be an absolute http(s) address",
                        "found '" + url.get() + "'", "write e.g. https://github.com/openai/gpt-oss");
                return Optional.empty();
            }
            return url;
        }

        private String required(String key) {
            Field f = row.fields().get(key);
            if (f == null || isNull(f.value())) {
                missing(key, "every " + table.label + " row needs " + String.join(", ", table.required));
                return "";
            }
            Optional<String> value = text(key);
            if (value.isEmpty() && f.value() instanceof ScalarNode) {
                error("knowledge.value", f.at(), "'" + key + "' is empty", "", "write " + key + ": …");
            }
            return value.orElse("");
        }

        /** The stripped text of a key; empty when absent, null, blank or not a single value. */
        private Optional<String> text(String key) {
            return texts.computeIfAbsent(key, this::readText);
        }

        private Optional<String> readText(String key) {
            Field f = row.fields().get(key);
            if (f == null || isNull(f.value())) {
                return Optional.empty();
            }
            if (f.value() instanceof ScalarNode s) {
                return Optional.of(s.getValue().strip()).filter(v -> !v.isEmpty());
            }
            error("knowledge.value", f.at(), "'" + key + "' must be a single value", "found " + describe(f.value()),
                    "write " + key + ": …");
            return Optional.empty();
        }

        private List<Form> aliases() {
            Field f = row.fields().get("aliases");
            if (f == null || isNull(f.value())) {
                return List.of();
            }
            if (!(f.value() instanceof SequenceNode list)) {
                error("knowledge.value", f.at(), "'aliases' must be a list", "found " + describe(f.value()),
                        "write aliases: [DeepSeek-R1, 深度求索]");
                return List.of();
            }
            return list.getValue().stream().map(this::alias).flatMap(Optional::stream).toList();
        }

        private Optional<Form> alias(Node node) {
            SourceRef where = at(table, node);
            if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
                error("knowledge.value", where, "an alias must be a non-empty single value", "found " + describe(node),
                        "write aliases: [Name, 名称, 名稱]");
                return Optional.empty();
            }
            return Optional.of(new Form(s.getValue().strip(), where));
        }

        private void unknownKey(Field f) {
            String guess = Suggestions.closest(f.key(), table.keys).map(k -> "did you mean '" + k + "'? ").orElse("");
            sink.report(Diagnostic.warning("knowledge.unknown-key", f.keyAt(),
                    table.label + ": unknown key '" + f.key() + "'", "it is ignored",
                    guess + "known keys: " + String.join(", ", table.keys)));
        }

        private void missing(String key, String detail) {
            error("knowledge.missing-key", row.where(), "missing '" + key + "'", detail, "add " + key + ": …");
        }

        private void error(String code, SourceRef where, String title, String detail, String hint) {
            failed = true;
            sink.report(Diagnostic.error(code, where, table.label + ": " + title, detail, hint));
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null");
    }

    private static List<String> texts(List<Form> forms) {
        return forms.stream().map(Form::text).toList();
    }

    private static String slug(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "my-id" : s;
    }

    // ------------------------------------------------------------------ whole-file checks

    /** Keeps the first row of each id; later ones are reported naming the first one's line. */
    private static <T> List<Entry<T>> unique(List<Entry<T>> entries, DiagnosticSink sink) {
        Map<String, Entry<T>> first = new LinkedHashMap<>();
        for (Entry<T> e : entries) {
            Entry<T> earlier = first.putIfAbsent(e.id(), e);
            if (earlier != null) {
                sink.report(Diagnostic.error("knowledge.duplicate-id", e.row().at("id"),
                        e.row().table().label + ": duplicate id '" + e.id() + "'",
                        "first used at " + earlier.row().where(), "ids must be unique in a file; rename one"));
            }
        }
        return List.copyOf(first.values());
    }

    /** A name or alias may lead to one entity only, ignoring case and Chinese script. */
    private static void checkForms(List<Entry<?>> entries, DiagnosticSink sink) {
        ScriptFolding folding = new ScriptFolding();
        Map<String, Entry<?>> owners = new HashMap<>();
        Map<String, Form> firstForm = new HashMap<>();
        for (Entry<?> e : entries) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < e.forms().size(); i++) {
                Form form = e.forms().get(i);
                if (i > 0 && !seen.add(form.text())) {
                    sink.report(Diagnostic.warning("knowledge.alias-repeated", form.where(),
                            e.row().table().label + ": alias '" + form.text() + "' is listed twice", "",
                            "remove the second one"));
                }
                String key = foldKey(form.text(), folding);
                Entry<?> owner = owners.putIfAbsent(key, e);
                if (owner == null) {
                    firstForm.put(key, form);
                } else if (!owner.entity().equals(e.entity())) {
                    reportClash(e, form, owner, firstForm.get(key), sink);
                }
            }
        }
    }

    private static void reportClash(Entry<?> e, Form form, Entry<?> owner, Form first, DiagnosticSink sink) {
        String other = kindWord(owner.entity()) + " " + owner.id();
        sink.report(Diagnostic.error("knowledge.alias-conflict", form.where(),
                e.row().table().label + ": '" + form.text() + "' already names " + other,
                other + " has '" + first.text() + "' at " + first.where() + "; " + kindWord(e.entity()) + " " + e.id()
                        + " claims it too",
                "a name or alias must lead to one entity; keep it on one of them or make it more specific"));
    }

    static String foldKey(String form, ScriptFolding folding) {
        return folding.simplified(form).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String kindWord(EntityId id) {
        return switch (id.kind()) {
            case ORGANIZATION -> "organization";
            case MODEL -> "model";
            case PERSON -> "person";
        };
    }

    static List<String> closeMatches(String word, Collection<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        return known.stream().filter(k -> Suggestions.distance(w, k) <= Math.max(2, k.length() / 3))
                .sorted(Comparator.comparingInt((String k) -> Suggestions.distance(w, k)).thenComparing(k -> k))
                .limit(3).toList();
    }

    /**
     * Checks references between rows against every row read, reports the broken ones, then drops
     * them so the result resolves: optional references are cleared, a model without a known
     * organization or family is left out (and so is what depended on it).
     */
    private static final class References {
        private final Set<String> declaredOrgs;
        private final Set<String> declaredModels;
        private final DiagnosticSink sink;

        /**
         * The declared ids are those of every row written, including rows left out for their own
         * errors: a reference to such a row is dropped without a second report.
         */
        References(Set<String> declaredOrgs, Set<String> declaredModels, DiagnosticSink sink) {
            this.declaredOrgs = declaredOrgs;
            this.declaredModels = declaredModels;
            this.sink = sink;
        }

        /** What a reference may name: the ids kept, and the ids written at all. */
        private record Target(String what, String expected, Set<String> ids, Set<String> declared) {
        }

        private Target organizations(Set<String> ids, String what) {
            return new Target(what, "an organization id from " + ORGANIZATIONS, ids, declaredOrgs);
        }

        Gazetteer resolve(List<Entry<Organization>> orgs, List<Entry<ModelRelease>> models,
                List<Entry<Person>> people) {
            Set<String> orgIds = ids(orgs);
            Map<String, Entry<ModelRelease>> byId = models.stream()
                    .collect(Collectors.toMap(Entry::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            List<Organization> o = orgs.stream().map(e -> organization(e, orgIds)).toList();
            o = breakCycles(o, orgs);
            List<ModelRelease> m = models.stream().map(e -> model(e, orgIds, byId)).flatMap(Optional::stream).toList();
            List<Person> p = people.stream().map(e -> person(e, orgIds)).toList();
            return new Gazetteer(sorted(o, Organization::id), sorted(close(m), ModelRelease::id), sorted(p, Person::id));
        }

        private Organization organization(Entry<Organization> e, Set<String> orgIds) {
            Organization o = e.value();
            if (o.parent().isPresent() && !known(e, "parent", o.parent().get(),
                    organizations(orgIds, "parent organization"))) {
                return new Organization(o.id(), o.name(), o.country(), o.kind(), Optional.empty(), o.aliases(),
                        o.url(), o.where());
            }
            return o;
        }

        private Person person(Entry<Person> e, Set<String> orgIds) {
            Person p = e.value();
            if (p.organization().isPresent() && !known(e, "organization", p.organization().get(),
                    organizations(orgIds, "organization"))) {
                return new Person(p.id(), p.name(), p.role(), Optional.empty(), p.aliases(), p.where());
            }
            return p;
        }

        private Optional<ModelRelease> model(Entry<ModelRelease> e, Set<String> orgIds,
                Map<String, Entry<ModelRelease>> byId) {
            ModelRelease m = e.value();
            boolean orgOk = known(e, "organization", m.organization(), organizations(orgIds, "organization"));
            boolean familyOk = family(e, byId);
            Optional<String> base = m.baseModel().filter(b -> baseModel(e, b, byId));
            if (!orgOk || !familyOk) {
                return Optional.empty();
            }
            return Optional.of(withBase(m, base));
        }

        private boolean family(Entry<ModelRelease> e, Map<String, Entry<ModelRelease>> byId) {
            String family = e.value().family();
            if (family.equals(e.id())) {
                return true;
            }
            Set<String> families = byId.values().stream().filter(x -> x.value().isFamily()).map(Entry::id)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (byId.containsKey(family) && !families.contains(family)) {
                report(e, "family", "'" + family + "' is a release, not a family entry",
                        "a family entry has family equal to its own id and no released date",
                        "family entries: " + String.join(", ", families));
                return false;
            }
            return known(e, "family", family,
                    new Target("family", "a family entry id from " + MODELS, families, declaredModels));
        }

        private boolean baseModel(Entry<ModelRelease> e, String base, Map<String, Entry<ModelRelease>> byId) {
            if (base.equals(e.id())) {
                report(e, "base_model", "a model cannot be its own base model", "", "remove base_model");
                return false;
            }
            return known(e, "base_model", base,
                    new Target("base model", "a model id from " + MODELS, byId.keySet(), declaredModels));
        }

        private boolean known(Entry<?> e, String key, String ref, Target target) {
            if (target.ids().contains(ref)) {
                return true;
            }
            if (target.declared().contains(ref)) {
                return false;   // the row it names was left out for its own, reported, errors
            }
            List<String> close = closeMatches(ref, target.ids());
            report(e, key, "unknown " + target.what() + " '" + ref + "'", "expected " + target.expected(),
                    close.isEmpty() ? "no known id is close; add the row it refers to or fix the id"
                            : "did you mean '" + close.get(0) + "'? close matches: " + String.join(", ", close));
            return false;
        }

        /** A parent chain that comes back to where it started is reported once and cut there. */
        private List<Organization> breakCycles(List<Organization> orgs, List<Entry<Organization>> entries) {
            Map<String, Organization> byId = new HashMap<>();
            orgs.forEach(o -> byId.put(o.id(), o));
            List<Organization> out = new ArrayList<>();
            for (int i = 0; i < orgs.size(); i++) {
                out.add(cutCycle(orgs.get(i), entries.get(i), byId));
            }
            return out;
        }

        /** Reports a cycle at its smallest id only, and cuts it there. */
        private Organization cutCycle(Organization o, Entry<Organization> entry, Map<String, Organization> byId) {
            List<String> chain = chain(o, byId);
            if (chain.isEmpty() || chain.stream().anyMatch(id -> id.compareTo(o.id()) < 0)) {
                return o;
            }
            report(entry, "parent", "parent cycle " + String.join(" → ", chain), "",
                    "an organization cannot be its own ancestor; remove one parent");
            return new Organization(o.id(), o.name(), o.country(), o.kind(), Optional.empty(), o.aliases(), o.url(),
                    o.where());
        }

        /** The cycle through {@code start} (start … start), or empty when its parents end. */
        private static List<String> chain(Organization start, Map<String, Organization> byId) {
            List<String> chain = new ArrayList<>(List.of(start.id()));
            Optional<String> next = start.parent();
            while (next.isPresent() && byId.containsKey(next.get()) && chain.size() <= byId.size()) {
                chain.add(next.get());
                if (next.get().equals(start.id())) {
                    return chain;
                }
                next = byId.get(next.get()).parent();
            }
            return List.of();
        }

        /** Drops models whose family entry was dropped, and base models that are gone. */
        private static List<ModelRelease> close(List<ModelRelease> models) {
            List<ModelRelease> current = models;
            while (true) {
                Set<String> ids = current.stream().map(ModelRelease::id).collect(Collectors.toSet());
                List<ModelRelease> next = current.stream().filter(m -> ids.contains(m.family()))
                        .map(m -> withBase(m, m.baseModel().filter(ids::contains))).toList();
                if (next.equals(current)) {
                    return next;
                }
                current = next;
            }
        }

        private void report(Entry<?> e, String key, String title, String detail, String hint) {
            sink.report(Diagnostic.error("knowledge.reference", e.row().at(key),
                    e.row().table().label + ": " + title, detail, hint));
        }

        private static Set<String> ids(List<? extends Entry<?>> entries) {
            return entries.stream().map(Entry::id).collect(Collectors.toCollection(java.util.TreeSet::new));
        }

        private static ModelRelease withBase(ModelRelease m, Optional<String> base) {
            return new ModelRelease(m.id(), m.name(), m.family(), m.organization(), m.released(), m.precision(),
                    m.accessibility(), m.license(), m.parametersTotal(), m.parametersActive(), m.modality(), base,
                    m.sourceUrl(), m.confidence(), m.aliases(), m.where());
        }

        private static <T> List<T> sorted(List<T> list, Function<T, String> id) {
            return list.stream().sorted(Comparator.comparing(id)).toList();
        }
    }
}
