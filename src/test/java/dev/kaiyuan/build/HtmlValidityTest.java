package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Every page the repository's own project builds to is valid HTML by the W3C Nu HTML Checker
 * (vnu, run in-process), with either template engine: no errors at all; warnings are allowed. A
 * failure lists every error as {@code path:line:col: message}, with the source around the spot
 * (generated pages are long lines, so the column matters).
 */
class HtmlValidityTest {
    @TempDir
    static Path tmp;

    /** One validator for all pages: setting up the HTML schema takes seconds, a page milliseconds. */
    static SimpleDocumentValidator validator;
    static final Collector COLLECTOR = new Collector();

    @BeforeAll
    static void setUpValidator() throws Exception {
        // (leave log4j as src/test/resources configures it; don't log URLs; no language detection:
        // the pages mix Chinese and English on purpose, and it only ever warns)
        validator = new SimpleDocumentValidator(false, false, false);
        validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, COLLECTOR);
        validator.setUpValidatorAndParsers(COLLECTOR, false, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"freemarker", "pebble"})
    void everyPageOfTheRepositorysSiteIsValidHtml(String engine) throws IOException, SAXException {
        Path project = RepositoryProject.copyTo(tmp.resolve(engine));
        Path site = project.resolve("site");
        BuildResult result = RepositoryProject.build(project, site, engine);
        assertThat(result.succeeded()).as(RepositoryProject.describe(result)).isTrue();

        List<String> errors = new ArrayList<>();
        int pages = 0;
        for (Map.Entry<String, byte[]> file : TestSites.snapshot(site).entrySet()) {
            if (file.getKey().endsWith(".html")) {
                errors.addAll(validate(file.getKey(), file.getValue()));
                pages++;
            }
        }

        assertThat(pages).as("pages validated").isGreaterThan(10);
        assertThat(errors).as("%s: Nu HTML Checker errors in %d pages:%n%s", engine, pages, String.join("\n", errors))
                .isEmpty();
    }

    private static List<String> validate(String path, byte[] html) throws IOException, SAXException {
        COLLECTOR.start(path, new String(html, StandardCharsets.UTF_8));
        InputSource source = new InputSource(new ByteArrayInputStream(html));
        source.setSystemId("https://kaiyuan.invalid/" + path);
        validator.checkHtmlInputSource(source);
        return COLLECTOR.errors();
    }

    /** Collects one page's errors; warnings (and vnu's "info" notes, sent as warnings) are allowed. */
    static final class Collector implements ErrorHandler {
        private String path = "";
        private List<String> lines = List.of();
        private final List<String> errors = new ArrayList<>();

        void start(String newPath, String html) {
            path = newPath;
            lines = html.lines().toList();
            errors.clear();
        }

        List<String> errors() {
            return List.copyOf(errors);
        }

        @Override
        public void warning(SAXParseException e) {
            // allowed
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(format(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(format(e));
        }

        private String format(SAXParseException e) {
            int line = e.getLineNumber();
            int col = e.getColumnNumber();
            return path + ":" + line + ":" + col + ": " + e.getMessage() + near(line, col);
        }

        /** The 60 characters before the reported spot (vnu points at the end of the offending tag). */
        private String near(int line, int col) {
            if (line < 1 || line > lines.size() || col < 1) {
                return "";
            }
            String text = lines.get(line - 1);
            int end = Math.min(text.length(), col);
            return "\n        near: " + text.substring(Math.max(0, end - 60), end);
        }
    }
}
