package dev.kaiyuan.ingest;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The readers a build uses, registered in code; looked up by file extension. */
public record SourceReaders(List<SourceReader> readers) {
    public SourceReaders {
        readers = List.copyOf(readers);
    }

    public static SourceReaders defaults(ScriptFolding folding) {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        return new SourceReaders(List.of(new MarkdownReader(sanitizer), new RawTextReader(folding),
                new HtmlPageReader(sanitizer)));
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
}
