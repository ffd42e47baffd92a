package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.DiagnosticSink;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The readers a build uses, registered in code; looked up by file extension. */
public record SourceReaders(List<SourceReader> readers) {
    public SourceReaders {
        readers = List.copyOf(readers);
    }

    /**
     * Markdown, raw text and HTML pages. Each reader is built when it first reads, so listing the
     * extensions costs nothing and a build loads only the libraries its seeds need (no flexmark
     * for raw-text seeds, no ICU rules or HTML extractor for Markdown ones).
     */
    public static SourceReaders defaults(ScriptFolding folding) {
        OnFirstUse<HtmlSanitizer> sanitizer = new OnFirstUse<>(HtmlSanitizer::new);
        return new SourceReaders(List.of(
                new LazyReader(Set.of("md", "markdown"), () -> new MarkdownReader(sanitizer.get())),
                new LazyReader(Set.of("txt", "text"), () -> new RawTextReader(folding)),
                new LazyReader(Set.of("html", "htm"), () -> new HtmlPageReader(sanitizer.get()))));
    }

    public Optional<SourceReader> forExtension(String extension) {
        return readers.stream().filter(r -> r.extensions().contains(extension)).findFirst();
    }

    /** All accepted extensions, sorted, for hints. */
    public List<String> extensions() {
        TreeSet<String> all = new TreeSet<>();
        readers.forEach(r -> all.addAll(r.extensions()));
        return List.copyOf(all);
    }

    /** A value made on the first {@link #get()}, then kept. */
    private static final class OnFirstUse<T> implements Supplier<T> {
        private final Supplier<T> make;
        private T value;

        OnFirstUse(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }

    /** A reader that is built when it first reads; it must take exactly the extensions it is registered for. */
    private static final class LazyReader implements SourceReader {
        private final Set<String> extensions;
        private final OnFirstUse<SourceReader> reader;

        LazyReader(Set<String> extensions, Supplier<SourceReader> make) {
            this.extensions = extensions;
            this.reader = new OnFirstUse<>(() -> {
                SourceReader made = make.get();
                if (!made.extensions().equals(extensions)) {
                    throw new IllegalStateException(made.getClass().getSimpleName() + " takes " + made.extensions()
                            + ", registered for " + extensions);
                }
                return made;
            });
        }

        @Override
        public Set<String> extensions() {
            return extensions;
        }

        @Override
        public BodyResult read(SourceText text, DiagnosticSink sink) {
            return reader.get().read(text, sink);
        }
    }
}
