package dev.kaiyuan.cli;

import dev.kaiyuan.assemble.Slugs;
import dev.kaiyuan.config.ConfigLoader;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.ingest.LanguageTags;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * {@code kaiyuan new "Title"}: starts an article as {@code seeds/<date>-<slug>.md} with front matter
 * filled in. Never overwrites: an existing name gets {@code -2}, {@code -3}, … (file and slug alike).
 */
final class NewCommand implements Callable<Integer> {
    private static final String FOLDER = "seeds";

    /** Reads "today"; the only clock of the command line, given by {@link Main}. */
    private final Clock clock;
    private final CommandSpec spec;

    NewCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        spec = CommandSpecs.command(this, "new", "Creates seeds/<date>-<slug>.md for a new article and prints its path.");
        spec.addPositional(CommandSpecs.parameter(0, "TITLE", "The article's title."));
        spec.addOption(CommandSpecs.project());
        spec.addOption(CommandSpecs.option("--date", String.class, "YYYY-MM-DD",
                "Publication day (default: today in the config's timezone)."));
        spec.addOption(CommandSpecs.option("--lang", String.class, "TAG",
                "Language of the article (BCP 47: en, zh-Hans, …)."));
        spec.addOption(CommandSpecs.repeatable("--tag", "TAG", "A tag; repeat for several."));
        spec.addOption(CommandSpecs.flag("--draft", "Mark the article draft: true (built only with --drafts)."));
    }

    CommandSpec spec() {
        return spec;
    }

    /** The options as given on the command line. */
    private record Options(String title, Path project, @Nullable String date, @Nullable String lang, List<String> tags,
            boolean draft) {
        static Options of(ParseResult parsed) {
            return new Options(parsed.matchedPositionalValue(0, ""), parsed.matchedOptionValue("--project", Path.of(".")),
                    parsed.matchedOptionValue("--date", null), parsed.matchedOptionValue("--lang", null),
                    parsed.matchedOptionValue("--tag", List.of()), CommandSpecs.isOn(parsed, "--draft"));
        }
    }

    @Override
    public Integer call() {
        Options options = Options.of(spec.commandLine().getParseResult());
        Path project = options.project();
        String cleanTitle = options.title().strip().replaceAll("\\s+", " ");
        if (cleanTitle.isEmpty()) {
            throw usage("the title is empty; write kaiyuan new \"Some title\"");
        }
        if (!Files.isDirectory(project)) {
            return fail(ExitCode.USAGE, "no project folder at " + project.toAbsolutePath().normalize(),
                    "pass --project DIR with an existing folder, or run in one");
        }
        @Nullable String lang = options.lang();
        @Nullable String language = lang == null ? null : LanguageTags.canonical(lang)
                .orElseThrow(() -> usage("unknown --lang '" + lang + "'; use a BCP 47 tag: en, zh-Hans, zh-Hant, …"));
        @Nullable LocalDate given = options.date() == null ? null : parseDate(options.date());
        String slug = new Slugs().slugify(cleanTitle);
        try {
            LocalDate day = given != null ? given : LocalDate.ofInstant(clock.instant(), zone(project));
            Path written = create(options, day, slug.isEmpty() ? "untitled" : slug, cleanTitle, language);
            spec.commandLine().getOut().println(FOLDER + "/" + written.getFileName());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        } catch (IOException e) {
            return fail(ExitCode.INTERNAL, "cannot create the article in " + project.resolve(FOLDER) + ": " + e,
                    "check that the folder is writable");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private int fail(int code, String message, String hint) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("kaiyuan: " + message);
        err.println("    hint: " + hint);
        err.flush();
        return code;
    }

    private LocalDate parseDate(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw usage("--date must be a day like 2025-08-21, not '" + raw + "'");
        }
    }

    /** The config's timezone when the project has a readable {@code kaiyuan.yaml}; its problems are shown. */
    private ZoneId zone(Path project) throws IOException {
        Path file = project.resolve(SiteConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return SiteConfig.defaults().zone();
        }
        DiagnosticSink sink = new DiagnosticSink();
        SiteConfig config = ConfigLoader.load(Files.readAllBytes(file), SiteConfig.FILE_NAME, sink);
        PrintWriter err = spec.commandLine().getErr();
        sink.sorted().stream().map(Diagnostic::format).forEach(err::println);
        err.flush();
        return config.zone();
    }

    /** Creates the first free {@code <date>-<slug>[-n].md}; CREATE_NEW makes "never overwrite" hold even in a race. */
    private static Path create(Options options, LocalDate day, String slug, String cleanTitle, @Nullable String language)
            throws IOException {
        Path folder = options.project().resolve(FOLDER);
        Files.createDirectories(folder);
        for (int n = 1; ; n++) {
            String unique = n == 1 ? slug : numbered(slug, n);
            Path file = folder.resolve(day + "-" + unique + ".md");
            if (Files.exists(file)) {
                continue;
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
                w.write(content(options, day, unique, cleanTitle, language));
                return file;
            } catch (FileAlreadyExistsException e) {
                // created by someone else since the check: try the next number
            }
        }
    }

    /** {@code slug-n}, the slug shortened if needed so that the build's slug length limit keeps the number. */
    private static String numbered(String slug, int n) {
        Slugs slugs = new Slugs();
        String base = slug;
        while (!base.isEmpty() && !slugs.slugify(base + "-" + n).equals(base + "-" + n)) {
            base = base.substring(0, base.length() - 1);
        }
        return base.replaceAll("-+$", "") + "-" + n;
    }

    private static String content(Options options, LocalDate day, String slug, String cleanTitle,
            @Nullable String language) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", cleanTitle);
        front.put("date", day.toString());
        front.put("slug", slug);
        front.put("tags", options.tags().stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList());
        if (language != null) {
            front.put("lang", language);
        }
        if (options.draft()) {
            front.put("draft", true);
        }
        return "---\n" + yaml(front) + "---\n\n" + placeholder(language) + "\n";
    }

    private static String placeholder(@Nullable String language) {
        if (language == null || !language.startsWith("zh")) {
            return "Write the article here.";
        }
        return language.equals("zh-Hant") ? "在這裡寫正文。" : "在这里写正文。";
    }

    /** SnakeYAML Engine quotes whatever needs it ({@code : }, {@code #}, quotes, "true", "2025"), so any title round-trips. */
    private static String yaml(Map<String, Object> front) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setSplitLines(false)
                .setUseUnicodeEncoding(true).build();
        return new Dump(settings).dumpToString(front);
    }
}
