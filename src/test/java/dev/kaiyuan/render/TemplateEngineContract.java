package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link TemplateEngine} must do, run for each engine on the same fixtures: each
 * subclass gives the engine and the fixture templates written in its language; this class writes
 * them into a temporary theme and checks the behaviour. Together the subclasses show that a theme
 * can move between engines without its data, escaping, error reports or sandbox changing.
 */
public abstract class TemplateEngineContract {
    /** A view record as pages get them; it sits in the view package, as real view records do. */
    public record Fixture(String title, int count, List<String> tags, ArticleCard card) {
        public Fixture {
            tags = List.copyOf(tags);
        }
    }

    /** The fixture templates each engine writes in its own language. */
    protected enum Template {
        /** Prints {@code title|count|tag;tag;|card.title} from the view record. */
        FIELDS,
        /** Prints an undefined variable {@code nope} on line 3 (lines 1 and 2 are plain text). */
        UNKNOWN_VARIABLE,
        /** Line 1 is plain text, line 2 holds a syntax error. */
        SYNTAX_ERROR,
        /** Calls {@code card.getClass()}. */
        GET_CLASS,
        /** Calls a public method of the record that is not a component accessor: {@code card.hashCode()}. */
        NON_ACCESSOR,
        /** Includes {@code ../secret.<ext>}, a file beside the theme folder. */
        INCLUDE_OUTSIDE
    }

    static final String SECRET = "TOP SECRET outside the theme";

    @TempDir
    Path tmp;

    Path theme;

    abstract TemplateEngine engine(List<Path> roots);

    /** Source text of a fixture template in this engine's language. */
    protected abstract String source(Template template);

    @BeforeEach
    void writeFixtures() throws IOException {
        theme = Files.createDirectories(tmp.resolve("theme"));
        Map<Template, String> names = new EnumMap<>(Template.class);
        for (Template t : Template.values()) {
            names.put(t, t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        names.forEach((t, name) -> write(theme, name, source(t)));
        write(tmp, "secret", SECRET);
    }

    /** File name of a template in this engine's extension. */
    String file(String name) {
        return name + "." + engine(List.of(theme)).extension();
    }

    void write(Path folder, String name, String text) {
        try {
            Files.writeString(folder.resolve(file(name)), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Fixture fixture(String title) {
        return new Fixture(title, 3, List.of("a", "b"),
                new ArticleCard("articles/x/index.html", "card-title", "en", "", "", false, "", "", 1));
    }

    String render(String name, Object model) throws RenderException {
        return engine(List.of(theme)).render(name, model);
    }

    RenderException failure(String name) {
        RenderException e = catchThrowableOfType(RenderException.class, () -> render(name, fixture("Kaiyuan")));
        assertThat(e).as("rendering %s should fail", name).isNotNull();
        return e;
    }

    @Test
    void rendersTheViewRecordsComponentsByName() throws RenderException {
        assertThat(render("fields", fixture("Kaiyuan"))).isEqualTo("Kaiyuan|3|a;b;|card-title");
    }

    @Test
    void escapesHtmlInValues() throws RenderException {
        String out = render("fields", fixture("<script>&\""));

        assertThat(out).doesNotContain("<script>").doesNotContain("&\"");
        assertThat(out).startsWith("&lt;script&gt;&amp;").containsAnyOf("&quot;|", "&#34;|");
    }

    @Test
    void unknownVariableIsAnErrorNamingTheTemplateAndLine() {
        RenderException e = failure("unknown-variable");

        assertThat(e.template()).isEqualTo(file("unknown-variable"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("nope");
    }

    @Test
    void syntaxErrorNamesTheTemplateAndLine() {
        RenderException e = failure("syntax-error");

        assertThat(e.template()).isEqualTo(file("syntax-error"));
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void missingTemplateIsARenderException() {
        RenderException e = failure("absent");

        assertThat(e.template()).contains("absent");
    }

    @Test
    void firstRootOverridesTheSecond() throws IOException, RenderException {
        Path first = Files.createDirectories(tmp.resolve("project"));
        Path second = Files.createDirectories(tmp.resolve("default"));
        write(first, "page", "from the project");
        write(second, "page", "from the default theme");
        write(second, "other", "only in the default theme");

        TemplateEngine engine = engine(List.of(first, second));

        assertThat(engine.render("page", fixture("x"))).isEqualTo("from the project");
        assertThat(engine.render("other", fixture("x"))).isEqualTo("only in the default theme");
    }

    @Test
    void templatesCannotCallGetClass() {
        RenderException e = failure("get-class");

        assertThat(e.template()).isEqualTo(file("get-class"));
        assertThat(e.getMessage()).contains("getClass");
    }

    @Test
    void templatesCannotCallMethodsOtherThanRecordAccessors() {
        RenderException e = failure("non-accessor");

        assertThat(e.template()).isEqualTo(file("non-accessor"));
        assertThat(e.getMessage()).contains("hashCode");
    }

    @Test
    void templateNamesCannotLeaveTheRoots() {
        assertThatThrownBy(() -> render("../secret", fixture("x"))).isInstanceOf(RenderException.class);
        assertThatThrownBy(() -> render(theme.resolve("../secret").toString(), fixture("x")))
                .isInstanceOf(RenderException.class);
        RenderException included = failure("include-outside");
        assertThat(included.getMessage()).doesNotContain(SECRET);
    }
}
