package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.diag.Severity;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.EntityKind;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.model.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KnowledgeReaderTest {
    private static final Path REFERENCE = Path.of("../shared/reference");
    private static final String ORG_ROWS = """
            - id: meta
              name: Meta
              country: US
              kind: company
            - id: alibaba
              name: Alibaba Group
              country: CN
              kind: company
              aliases: [阿里巴巴, 阿里雲]
            """;
    private static final String FAMILY_ROW = """
            - id: llama
              name: Llama
              family: llama
              organization: meta
              confidence: verified
            """;

    private final KnowledgeReader reader = new KnowledgeReader();

    /** The real data files, as the build finds them. */
    @Nested
    class RealData {
        private final DiagnosticSink sink = new DiagnosticSink();
        private final Gazetteer kb = reader.read(realFiles(), sink);

        @Test
        void loadWithoutErrorsOrWarnings() {
            assertThat(sink.sorted()).extracting(Diagnostic::format).isEmpty();
            assertThat(kb.organizations()).hasSizeGreaterThanOrEqualTo(37);
            assertThat(kb.people()).hasSize(9);
            assertThat(kb.models().stream().filter(ModelRelease::isFamily)).hasSizeGreaterThanOrEqualTo(10);
            assertThat(kb.models().stream().filter(m -> !m.isFamily())).hasSize(76);
        }

        @Test
        void listsAreSortedByIdAndRowsKnowTheirLine() throws IOException {
            assertThat(kb.models()).extracting(ModelRelease::id).isSorted();
            assertThat(kb.organizations()).extracting(Organization::id).isSorted();
            assertThat(kb.people()).extracting(Person::id).isSorted();
            List<String> lines = Files.readAllLines(Path.of(KnowledgeReader.MODELS), StandardCharsets.UTF_8);
            ModelRelease r1 = model("deepseek-r1");
            assertThat(r1.where().path()).isEqualTo(KnowledgeReader.MODELS);
            assertThat(lines.get(r1.where().line() - 1)).isEqualTo("- id: deepseek-r1");
        }

        @Test
        void everyCsvReleaseIsPresentWithItsDateCountryAndConfidence() throws IOException {
            Path csv = REFERENCE.resolve("open-model-releases.csv");
            assumeTrue(Files.isRegularFile(csv), "reference CSV not beside the project");
            List<Map<String, String>> rows = Csv.read(csv);
            assertThat(rows).hasSize(75);
            Map<String, Organization> orgs = byId(kb.organizations(), Organization::id);
            for (Map<String, String> row : rows) {
                ModelRelease m = model(row.get("id"));
                assertThat(m.released()).as(m.id()).contains(LocalDate.parse(row.get("release_date")));
                assertThat(orgs.get(m.organization()).country()).as(m.id()).isEqualTo(row.get("country"));
                assertThat(m.openWeights()).as(m.id()).isEqualTo(row.get("open_weights").equals("true"));
                assertThat(m.license()).as(m.id()).isEqualTo(row.get("license"));
                assertThat(m.sourceUrl()).as(m.id()).contains(row.get("source_url"));
                String confidence = row.get("verified").equals("yes") ? "verified" : row.get("verified");
                assertThat(m.confidence()).as(m.id()).isEqualTo(confidence);
            }
        }

        @Test
        void everySeedEntityIsFoundByItsSeedFormAndCanonicalName() throws IOException {
            Path csv = REFERENCE.resolve("seed-entities.csv");
            assumeTrue(Files.isRegularFile(csv), "reference CSV not beside the project");
            Map<String, EntityId> forms = forms(kb);
            List<Map<String, String>> entities = Csv.read(csv).stream()
                    .filter(e -> !e.get("type").equals("place"))
                    .filter(e -> !e.get("canonical_name").equals("Meta's new superintelligence lab")).toList();
            assertThat(entities).hasSize(33);
            for (Map<String, String> e : entities) {
                EntityId byCanonical = forms.get(fold(e.get("canonical_name")));
                assertThat(byCanonical).as(e.get("canonical_name")).isNotNull();
                assertThat(byCanonical.kind()).as(e.get("canonical_name")).isIn(expectedKinds(e.get("type")));
                for (String form : seedForms(e)) {
                    assertThat(forms.get(fold(form))).as(e.get("canonical_name") + " as " + form).isEqualTo(byCanonical);
                }
            }
        }

        @Test
        void factsTheSeedArticleReliesOn() {
            assertThat(model("gpt-oss-120b")).satisfies(m -> {
                assertThat(m.name()).isEqualTo("gpt-oss-120b");
                assertThat(m.parametersTotal()).contains("117B");
                assertThat(m.parametersActive()).contains("5.1B");
                assertThat(m.accessibility()).isEqualTo("open-unrestricted");
                assertThat(m.family()).isEqualTo("gpt-oss");
            });
            assertThat(model("gpt-oss-20b").parametersTotal()).contains("21B");
            assertThat(model("gpt-oss-20b").parametersActive()).contains("3.6B");
            assertThat(model("deepseek-r1").baseModel()).contains("deepseek-v3");
            assertThat(model("gpt-2-1-5b").aliases()).contains("GPT-2");
            assertThat(model("gpt-5").aliases()).contains("GPT-5");
            assertThat(model("gpt-5").accessibility()).isEqualTo("api");
            assertThat(model("chatgpt").accessibility()).isEqualTo("hosted");
            assertThat(model("qwen").aliases()).contains("通义千问", "通義千問", "千问", "千問");
            assertThat(model("llama").aliases()).contains("LLaMA", "Llama系列");
            assertThat(model("llama-4-behemoth")).satisfies(m -> {
                assertThat(m.accessibility()).isEqualTo("unreleased");
                assertThat(m.released()).isEmpty();
                assertThat(m.isFamily()).isFalse();
                assertThat(m.confidence()).startsWith("partial: ");
                assertThat(m.aliases()).contains("Behemoth");
            });
            Map<String, Organization> orgs = byId(kb.organizations(), Organization::id);
            assertThat(orgs.get("google-brain").parent()).contains("google");
            assertThat(orgs.get("google-deepmind").parent()).contains("google");
            assertThat(orgs.get("alibaba").aliases())
                    .contains("Alibaba Cloud", "Qwen team", "阿里", "阿里雲", "通義");
        }

        @Test
        void everyModelResolvesItsFamilyAndOrganization() {
            Map<String, ModelRelease> models = byId(kb.models(), ModelRelease::id);
            Map<String, Organization> orgs = byId(kb.organizations(), Organization::id);
            for (ModelRelease m : kb.models()) {
                assertThat(orgs).as(m.id()).containsKey(m.organization());
                assertThat(m.family().equals(m.id()) || models.get(m.family()).isFamily()).as(m.id()).isTrue();
                m.baseModel().ifPresent(b -> assertThat(models).as(m.id()).containsKey(b));
            }
        }

        private ModelRelease model(String id) {
            return kb.models().stream().filter(m -> m.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no model " + id));
        }
    }

    @Test
    void missingFilesGiveAnEmptyKnowledgeBase() {
        DiagnosticSink sink = new DiagnosticSink();
        assertThat(reader.read(Map.<String, byte[]>of(), sink)).isEqualTo(Gazetteer.EMPTY);
        assertThat(sink.sorted()).isEmpty();
    }

    @Test
    void readsAFamilyAndARelease() {
        DiagnosticSink sink = new DiagnosticSink();
        Gazetteer kb = read(sink, ORG_ROWS, FAMILY_ROW + release("llama-3", "organization: meta", "family: llama"), "");
        assertThat(sink.sorted()).isEmpty();
        assertThat(kb.models()).extracting(ModelRelease::id).containsExactly("llama", "llama-3");
        assertThat(kb.models().get(0).isFamily()).isTrue();
        assertThat(kb.models().get(1).where().line()).isEqualTo(6);
        assertThat(kb.organizations()).extracting(Organization::id).containsExactly("alibaba", "meta");
    }

    @Test
    void yamlSyntaxErrorIsLocated() {
        Diagnostic d = single(ORGANIZATIONS, "- id: meta\n  name: \"Meta\n");
        assertThat(d.code()).isEqualTo("knowledge.syntax");
        assertThat(d.where().path()).isEqualTo(KnowledgeReader.ORGANIZATIONS);
        assertThat(d.where().line()).isEqualTo(2);
        assertThat(d.where().column()).isEqualTo(9);
    }

    /** SnakeYAML reads nested brackets recursively: thousands of them are this table's error, not a crash. */
    @Test
    void bracketsNestedThousandsDeepAreAnError() {
        Diagnostic d = single(ORGANIZATIONS, "- id: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        assertThat(d.code()).isEqualTo("knowledge.syntax");
        assertThat(d.title()).endsWith("nested too deeply to read");
        assertThat(d.where().path()).isEqualTo(KnowledgeReader.ORGANIZATIONS);
    }

    @Test
    void aFileMustBeAListAndARowAMap() {
        assertThat(single(ORGANIZATIONS, "id: meta\nname: Meta\n")).satisfies(d -> assertThat(where(d))
                .isEqualTo("knowledge.shape 1:1"));
        assertThat(single(PEOPLE, "- just a name\n")).satisfies(d -> assertThat(where(d))
                .isEqualTo("knowledge.shape 1:3"));
    }

    @Test
    void missingRequiredKeyPointsAtTheRow() {
        Diagnostic d = single(ORGANIZATIONS, "# orgs\n- id: meta\n  name: Meta\n  kind: company\n");
        assertThat(where(d)).isEqualTo("knowledge.missing-key 2:3");
        assertThat(d.title()).isEqualTo("organizations: missing 'country'");
    }

    @Test
    void unknownKeyIsAWarningWithASuggestion() {
        DiagnosticSink sink = new DiagnosticSink();
        String orgs = ORG_ROWS.replace("kind: company\n- id: alibaba", "kind: company\n  contry: US\n- id: alibaba");
        Gazetteer kb = read(sink, orgs, "", "");
        assertThat(sink.sorted()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(where(d)).isEqualTo("knowledge.unknown-key 5:3");
            assertThat(d.hint()).startsWith("did you mean 'country'?");
        });
        assertThat(kb.organizations()).hasSize(2);
    }

    @Test
    void badIdFormat() {
        Diagnostic d = single(ORGANIZATIONS, "- id: Meta_AI\n  name: Meta\n  country: US\n  kind: company\n");
        assertThat(where(d)).isEqualTo("knowledge.id 1:7");
        assertThat(d.hint()).contains("meta-ai");
    }

    @Test
    void duplicateIdNamesTheFirstOne() {
        Diagnostic d = single(ORGANIZATIONS, ORG_ROWS + ORG_ROWS.substring(0, ORG_ROWS.indexOf("- id: alibaba")));
        assertThat(where(d)).isEqualTo("knowledge.duplicate-id 10:7");
        assertThat(d.detail()).contains(KnowledgeReader.ORGANIZATIONS + ":1:3");
    }

    @Test
    void badDate() {
        Diagnostic d = single(MODELS, FAMILY_ROW + release("llama-3", "family: llama", "released: 2024-13-01"));
        assertThat(where(d)).isEqualTo("knowledge.date 10:13");
    }

    @Test
    void unknownVocabularyListsTheValidValues() {
        Diagnostic access = single(MODELS, FAMILY_ROW + release("llama-3", "accessibility: open"));
        assertThat(where(access)).isEqualTo("knowledge.vocabulary 12:18");
        assertThat(access.hint()).contains("open-unrestricted, open-restricted, open-non-commercial, api, hosted");
        Diagnostic precision = single(MODELS, FAMILY_ROW + release("llama-3", "precision: week"));
        assertThat(precision.title()).isEqualTo("models: unknown precision 'week'");
        assertThat(precision.hint()).contains("day, month, year, decade");
        Diagnostic kind = single(ORGANIZATIONS,
                ORG_ROWS.replace("kind: company\n- id: alibaba", "kind: firm\n- id: alibaba"));
        assertThat(where(kind)).isEqualTo("knowledge.vocabulary 4:9");
        assertThat(kind.hint()).contains("lab, company, investor, university, publication, nonprofit");
    }

    @Test
    void countryMustBeTwoUpperCaseLetters() {
        Diagnostic d = single(ORGANIZATIONS, ORG_ROWS.replace("country: US", "country: us"));
        assertThat(where(d)).isEqualTo("knowledge.country 3:12");
    }

    @Test
    void unknownOrganizationIsLocatedWithCloseMatches() {
        DiagnosticSink sink = new DiagnosticSink();
        Gazetteer kb = read(sink, ORG_ROWS, FAMILY_ROW + release("llama-3", "family: llama", "organization: metaa"), "");
        assertThat(sink.sorted()).singleElement().satisfies(d -> {
            assertThat(where(d)).isEqualTo("knowledge.reference 9:17");
            assertThat(d.format())
                    .startsWith(KnowledgeReader.MODELS + ":9:17: error: models: unknown organization 'metaa' — ");
            assertThat(d.hint()).startsWith("did you mean 'meta'?");
        });
        assertThat(kb.models()).extracting(ModelRelease::id).containsExactly("llama");
    }

    @Test
    void familyMustNameAFamilyEntry() {
        Diagnostic unknown = single(MODELS, FAMILY_ROW + release("llama-3", "family: lama"));
        assertThat(where(unknown)).isEqualTo("knowledge.reference 8:11");
        assertThat(unknown.hint()).contains("'llama'");
        Diagnostic release = single(MODELS, FAMILY_ROW + release("llama-3", "family: llama")
                + release("llama-3-1", "family: llama-3"));
        assertThat(release.title()).isEqualTo("models: 'llama-3' is a release, not a family entry");
    }

    @Test
    void unknownBaseModelIsClearedAndReported() {
        DiagnosticSink sink = new DiagnosticSink();
        Gazetteer kb = read(sink, ORG_ROWS, FAMILY_ROW + release("llama-3", "family: llama", "base_model: llama-2"), "");
        assertThat(sink.sorted()).extracting(KnowledgeReaderTest::where).containsExactly("knowledge.reference 17:15");
        assertThat(kb.models().get(1).baseModel()).isEmpty();
    }

    @Test
    void unknownParentAndPersonOrganization() {
        assertThat(where(single(ORGANIZATIONS, ORG_ROWS + "  parent: alibaba-group\n")))
                .isEqualTo("knowledge.reference 10:11");
        DiagnosticSink sink = new DiagnosticSink();
        Gazetteer kb = read(sink, ORG_ROWS, "",
                "- id: sam-altman\n  name: Sam Altman\n  role: CEO\n  organization: open-ai\n");
        assertThat(sink.sorted()).extracting(KnowledgeReaderTest::where).containsExactly("knowledge.reference 4:17");
        assertThat(kb.people().get(0).organization()).isEmpty();
    }

    @Test
    void aRejectedRowIsReportedOnceNotAgainByWhatRefersToIt() {
        DiagnosticSink sink = new DiagnosticSink();
        Gazetteer kb = read(sink, ORG_ROWS.replace("country: US", "country: USA"), FAMILY_ROW + release("llama-3"), "");
        assertThat(sink.sorted()).extracting(KnowledgeReaderTest::where).containsExactly("knowledge.country 3:12");
        assertThat(kb.models()).isEmpty();
    }

    @Test
    void parentCycleIsReportedOnce() {
        String orgs = ORG_ROWS.replace("kind: company\n- id: alibaba", "kind: company\n  parent: alibaba\n- id: alibaba")
                + "  parent: meta\n";
        DiagnosticSink sink = new DiagnosticSink();
        Gazetteer kb = read(sink, orgs, "", "");
        assertThat(sink.sorted()).singleElement().satisfies(d ->
                assertThat(d.title()).isEqualTo("organizations: parent cycle alibaba → meta → alibaba"));
        assertThat(kb.organizations()).filteredOn(o -> o.parent().isEmpty()).hasSize(1);
    }

    @Test
    void aliasClaimedByTwoEntitiesNamesBoth() {
        DiagnosticSink sink = new DiagnosticSink();
        read(sink, ORG_ROWS.replace("name: Meta\n", "name: Meta\n  aliases: [LLAMA]\n"), FAMILY_ROW, "");
        assertThat(sink.sorted()).singleElement().satisfies(d -> {
            assertThat(where(d)).isEqualTo("knowledge.alias-conflict 2:9");
            assertThat(d.title()).isEqualTo("models: 'Llama' already names organization meta");
            assertThat(d.detail()).contains(KnowledgeReader.ORGANIZATIONS + ":3:13").contains("model llama");
        });
    }

    @Test
    void aliasClashIgnoresChineseScript() {
        DiagnosticSink sink = new DiagnosticSink();
        read(sink, ORG_ROWS, "", "- id: ali\n  name: Ali\n  role: x\n  aliases: [阿里云]\n");
        assertThat(sink.sorted()).extracting(KnowledgeReaderTest::where).containsExactly("knowledge.alias-conflict 4:13");
    }

    @Test
    void aRowMayRepeatItsOwnNameAmongItsAliases() {
        DiagnosticSink sink = new DiagnosticSink();
        read(sink, ORG_ROWS.replace("name: Meta\n", "name: Meta\n  aliases: [Meta, META]\n"), "", "");
        assertThat(sink.sorted()).isEmpty();
    }

    @Test
    void byteOrderMarkIsSkippedAndOtherFilesAreReported() {
        DiagnosticSink sink = new DiagnosticSink();
        Map<String, byte[]> files = new HashMap<>();
        files.put(KnowledgeReader.ORGANIZATIONS, ("\uFEFF" + ORG_ROWS).getBytes(StandardCharsets.UTF_8));
        files.put("seeds/data/notes.md", new byte[0]);
        Gazetteer kb = reader.read(files, sink);
        assertThat(kb.organizations()).hasSize(2);
        assertThat(sink.sorted()).extracting(KnowledgeReaderTest::where).containsExactly("knowledge.unknown-file 0:0");
    }

    // ------------------------------------------------------------------ helpers

    private static final String ORGANIZATIONS = KnowledgeReader.ORGANIZATIONS;
    private static final String MODELS = KnowledgeReader.MODELS;
    private static final String PEOPLE = KnowledgeReader.PEOPLE;

    /** A release row; each override replaces the line with the same key. */
    private static String release(String id, String... overrides) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : List.of("name: " + id, "family: llama", "organization: meta", "released: 2024-04-18",
                "precision: day", "accessibility: open-restricted", "license: Llama 3 Community", "modality: text",
                "source: https://github.com/meta-llama/llama3", "confidence: verified")) {
            lines.put(line.substring(0, line.indexOf(':')), line);
        }
        for (String o : overrides) {
            lines.put(o.substring(0, o.indexOf(':')), o);
        }
        return "- id: " + id + "\n" + lines.values().stream().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }

    private Gazetteer read(DiagnosticSink sink, String orgs, String models, String people) {
        Map<String, byte[]> files = new HashMap<>();
        files.put(ORGANIZATIONS, orgs.getBytes(StandardCharsets.UTF_8));
        files.put(MODELS, models.getBytes(StandardCharsets.UTF_8));
        files.put(PEOPLE, people.getBytes(StandardCharsets.UTF_8));
        return reader.read(files, sink);
    }

    /** The one diagnostic that {@code yaml} in {@code path} causes, the other files being fine. */
    private Diagnostic single(String path, String yaml) {
        DiagnosticSink sink = new DiagnosticSink();
        read(sink, path.equals(ORGANIZATIONS) ? yaml : ORG_ROWS, path.equals(MODELS) ? yaml : "",
                path.equals(PEOPLE) ? yaml : "");
        assertThat(sink.sorted()).extracting(Diagnostic::format).hasSize(1);
        Diagnostic d = sink.sorted().get(0);
        assertThat(d.where().path()).isEqualTo(path);
        return d;
    }

    private static String where(Diagnostic d) {
        return d.code() + " " + d.where().line() + ":" + d.where().column();
    }

    private static Map<String, byte[]> realFiles() {
        Map<String, byte[]> files = new HashMap<>();
        for (String path : List.of(ORGANIZATIONS, MODELS, PEOPLE)) {
            try {
                files.put(path, Files.readAllBytes(Path.of(path)));
            } catch (IOException e) {
                throw new AssertionError("cannot read " + path, e);
            }
        }
        return files;
    }

    private static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** Every name and alias, folded as the tagger folds them, with the entity it leads to. */
    private static Map<String, EntityId> forms(Gazetteer kb) {
        Map<String, EntityId> forms = new HashMap<>();
        kb.organizations().forEach(o -> Stream.concat(Stream.of(o.name()), o.aliases().stream())
                .forEach(a -> forms.put(fold(a), o.entityId())));
        kb.models().forEach(m -> Stream.concat(Stream.of(m.name()), m.aliases().stream())
                .forEach(a -> forms.put(fold(a), m.entityId())));
        kb.people().forEach(p -> Stream.concat(Stream.of(p.name()), p.aliases().stream())
                .forEach(a -> forms.put(fold(a), p.entityId())));
        return forms;
    }

    private static final ScriptFolding FOLDING = new ScriptFolding();

    private static String fold(String form) {
        return KnowledgeReader.foldKey(form, FOLDING);
    }

    /** The forms written in the seed, and the Simplified name, without the 《》 of a title. */
    private static List<String> seedForms(Map<String, String> entity) {
        List<String> forms = new ArrayList<>();
        for (String f : (entity.get("name_in_seed") + ";" + entity.get("name_zh_hans")).split(";")) {
            String form = f.replace("《", "").replace("》", "").strip();
            if (!form.isEmpty()) {
                forms.add(form);
            }
        }
        return forms;
    }

    private static List<EntityKind> expectedKinds(String type) {
        return switch (type) {
            case "person" -> List.of(EntityKind.PERSON);
            case "model" -> List.of(EntityKind.MODEL);
            case "product" -> List.of(EntityKind.MODEL, EntityKind.ORGANIZATION);
            default -> List.of(EntityKind.ORGANIZATION);
        };
    }

    /** Just enough RFC 4180 for the reference files: quoted fields may hold commas and "". */
    static final class Csv {
        static List<Map<String, String>> read(Path path) throws IOException {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            List<String> header = fields(lines.get(0));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> values = fields(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < values.size() ? values.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }

        private static List<String> fields(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(c);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
