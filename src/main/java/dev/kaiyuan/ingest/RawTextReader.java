package dev.kaiyuan.ingest;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Caption;
import dev.kaiyuan.model.DamageSpot;
import dev.kaiyuan.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * Cleans raw scraped article text, one line per paragraph, as news sites' "copy text" gives it:
 * damage is found and marked (never repaired), pinyin readings are removed, full-width
 * punctuation is restored, the byline at the top becomes source and author, the copyright line
 * becomes the rights notice, platform disclaimers are dropped, and short unpunctuated lines
 * between paragraphs become figure captions.
 */
public final class RawTextReader implements SourceReader {
    /** Captions in Chinese news are a few words; anything longer is prose. */
    static final int CAPTION_MAX = 40;
    static final int CAPTION_MAX_WORDS = 14;
    private static final int BYLINE_ZONE = 3;

    private final Boilerplate boilerplate;

    public RawTextReader(ScriptFolding folding) {
        this.boilerplate = new Boilerplate(folding);
    }

    @Override
    public Set<String> extensions() {
        return Set.of("txt", "text");
    }

    /** A cleaned line: its pieces in order, each either clean text or a marked damaged spot. */
    record Line(int fileLine, List<Piece> pieces) {
        String text() {
            StringBuilder sb = new StringBuilder();
            pieces.forEach(p -> sb.append(p.text()));
            return sb.toString().strip();
        }
    }

    record Piece(String text, Optional<DamageSpot> damage) {
    }

    @Override
    public BodyResult read(SourceText source, DiagnosticSink sink) {
        List<Line> lines = cleanLines(source, sink);
        FrontMatter.Builder derived = new FrontMatter.Builder();
        List<String> rights = new ArrayList<>();
        List<Line> content = new ArrayList<>();
        int seen = 0;
        for (Line line : lines) {
            String text = line.text();
            if (text.isEmpty()) {
                continue;
            }
            seen++;
            if (seen <= BYLINE_ZONE && content.isEmpty() && takeByline(text, line, source.path(), derived)) {
                continue;
            }
            switch (boilerplate.classify(text)) {
                case RIGHTS -> rights.add(text);
                case DISCLAIMER -> { }
                case NONE -> content.add(line);
            }
        }
        return assemble(source.path(), derived, content, rights);
    }

    private List<Line> cleanLines(SourceText source, DiagnosticSink sink) {
        String[] raw = source.body().split("\n", -1);
        List<Line> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(cleanLine(raw[i], new SourceRef(source.path(), source.firstLine() + i, 0), sink));
        }
        return lines;
    }

    private static Line cleanLine(String raw, SourceRef lineRef, DiagnosticSink sink) {
        List<DamageDetector.Span> spans = DamageDetector.find(raw);
        List<Piece> pieces = new ArrayList<>();
        int pos = 0;
        for (DamageDetector.Span span : spans) {
            pieces.add(clean(raw.substring(pos, span.start())));
            DamageSpot spot = spot(raw, span, lineRef);
            report(spot, span, raw, sink);
            pieces.add(new Piece(spot.text(), Optional.of(spot)));
            pos = span.end();
        }
        pieces.add(clean(raw.substring(pos)));
        return new Line(lineRef.line(), fixPunctuation(pieces));
    }

    private static Piece clean(String text) {
        return new Piece(PinyinAnnotationRemover.remove(text), Optional.empty());
    }

    /** Punctuation is fixed piece by piece so damaged spots stay exactly as found. */
    private static List<Piece> fixPunctuation(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (p.damage().isPresent()) {
                out.add(p);
                continue;
            }
            int before = i > 0 ? lastCodePoint(out.get(i - 1).text()) : -1;
            int after = i + 1 < pieces.size() ? firstCodePoint(pieces.get(i + 1).text()) : -1;
            out.add(new Piece(PunctuationFixer.fix(p.text(), before, after), Optional.empty()));
        }
        return out;
    }

    private static int lastCodePoint(String s) {
        return s.isEmpty() ? -1 : s.codePointBefore(s.length());
    }

    private static int firstCodePoint(String s) {
        return s.isEmpty() ? -1 : s.codePointAt(0);
    }

    /** The damaged text as the file has it, less any stray markup, which is dropped. */
    private static DamageSpot spot(String raw, DamageDetector.Span span, SourceRef lineRef) {
        StringBuilder kept = new StringBuilder();
        int pos = span.start();
        for (int[] fragment : span.tagFragments()) {
            kept.append(raw, pos, fragment[0]);
            pos = fragment[1];
        }
        kept.append(raw, pos, span.end());
        int column = raw.codePointCount(0, span.start()) + 1;
        return new DamageSpot(lineRef.at(lineRef.line(), column), kept.toString(), span.kind());
    }

    private static void report(DamageSpot spot, DamageDetector.Span span, String raw, DiagnosticSink sink) {
        String found = raw.substring(span.start(), span.end());
        String dropped = span.tagFragments().stream().map(f -> "'" + raw.substring(f[0], f[1]) + "'")
                .reduce((a, b) -> a + ", " + b).map(f -> "; markup " + f + " dropped").orElse("");
        sink.report(Diagnostic.warning("damage", spot.where(), "damaged text '" + found + "'",
                spot.kind() + dropped + "; the rest is kept as found and marked on the page",
                "compare with the original article and correct the seed; Kaiyuan never guesses missing text"));
    }

    private static boolean takeByline(String text, Line line, String path, FrontMatter.Builder derived) {
        Optional<Byline> byline = Byline.parse(text);
        if (byline.isEmpty()) {
            return false;
        }
        SourceRef where = new SourceRef(path, line.fileLine(), 1);
        Byline b = byline.get();
        b.source().ifPresent(s -> {
            derived.sourceName = derived.sourceName.or(() -> Optional.of(s));
            derived.where.putIfAbsent("source", where);
        });
        b.author().ifPresent(a -> {
            derived.author = derived.author.or(() -> Optional.of(a));
            derived.where.putIfAbsent("author", where);
        });
        b.dateText().flatMap(DateText::parse).ifPresent(d -> {
            derived.date = derived.date.or(() -> Optional.of(d));
            derived.where.putIfAbsent("date", where);
        });
        return true;
    }

    private BodyResult assemble(String path, FrontMatter.Builder derived, List<Line> content, List<String> rights) {
        StringBuilder html = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        List<Caption> captions = new ArrayList<>();
        List<DamageSpot> damage = new ArrayList<>();
        String lead = "";
        for (int i = 0; i < content.size(); i++) {
            Line line = content.get(i);
            String text = line.text();
            boolean caption = i > 0 && i < content.size() - 1 && isCaptionShaped(text);
            if (caption) {
                captions.add(new Caption(text, new SourceRef(path, line.fileLine(), 1)));
                html.append("<figure class=\"caption-only\"><figcaption>").append(inline(line)).append("</figcaption></figure>\n");
            } else {
                lead = lead.isEmpty() ? text : lead;
                html.append("<p>").append(inline(line)).append("</p>\n");
            }
            plain.append(text).append('\n');
            line.pieces().forEach(p -> p.damage().ifPresent(damage::add));
        }
        Optional<String> rightsText = rights.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", rights));
        return new BodyResult(derived.build(), html.toString(), plain.toString(), lead, captions, rightsText, damage);
    }

    private static String inline(Line line) {
        StringBuilder sb = new StringBuilder();
        List<Piece> pieces = line.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            String text = i == 0 ? p.text().stripLeading() : p.text();
            text = i == pieces.size() - 1 ? text.stripTrailing() : text;
            if (p.damage().isPresent() && text.isEmpty()) {
                continue;
            }
            if (p.damage().isPresent()) {
                sb.append("<mark class=\"damaged\" title=\"")
                        .append(Entities.escape("damaged in the source: " + p.damage().get().kind()))
                        .append("\">").append(Entities.escape(text)).append("</mark>");
            } else {
                sb.append(Entities.escape(text));
            }
        }
        return sb.toString();
    }

    /**
     * A figure caption as Chinese news pages print them under pictures: short, and without
     * sentence-final punctuation ({@code OpenAI首席執行官薩姆·奧爾特曼 資料圖}).
     */
    static boolean isCaptionShaped(String text) {
        if (text.isEmpty() || Cjk.length(text) > CAPTION_MAX || text.split("\\s+").length > CAPTION_MAX_WORDS) {
            return false;
        }
        int last = text.codePointBefore(text.length());
        return "。！？!?.…；;：:”」』\"'’）)".indexOf(last) < 0;
    }
}
