package dev.kaiyuan.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds spots where text was damaged on its way to us, without repairing them:
 * <ul>
 * <li>U+FFFD replacement characters;</li>
 * <li>the "锟斤拷" family: UTF-8's EF BF BD (a replacement character) read back as GBK gives
 *     锟斤拷; a 锟 is taken together with the character after it, the other half of its pair;</li>
 * <li>"烫烫"/"屯屯" runs (uninitialised memory shown as GBK);</li>
 * <li>ASCII {@code ?!} runs glued to Chinese text, where a lossy conversion turned characters
 *     it could not map into question marks;</li>
 * <li>stray markup fragments such as {@code /p>} or {@code <br>} left by a bad scrape.</li>
 * </ul>
 * A spot grows over neighbouring debris (more marks, stray kana, U+2025) and touching spots
 * merge, so one damaged place is reported once.
 */
public final class DamageDetector {
    /** A damaged span of one line, in char indexes; {@code tagFragments} are parts to strip. */
    public record Span(int start, int end, String kind, List<int[]> tagFragments) {
        public Span {
            tagFragments = List.copyOf(tagFragments);
        }
    }

    private static final Pattern SEEDS = Pattern.compile(
            "\uFFFD+|(?:锟.拷?|斤拷)+|锟|烫{2,}|屯{2,}|[?!]{2,}");
    private static final Pattern TAGS = Pattern.compile(
            "</?[A-Za-z][A-Za-z0-9]{0,9}(?:\\s[^<>\\n]{0,80})?/?>|(?<![A-Za-z</])/[A-Za-z]{1,6}>");

    private DamageDetector() {
    }

    public static List<Span> find(String line) {
        List<Span> spans = new ArrayList<>();
        collect(line, SEEDS, spans, false);
        collect(line, TAGS, spans, true);
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return merge(line, spans);
    }

    private static void collect(String line, Pattern pattern, List<Span> into, boolean tag) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            if (!tag && isPlainPunctuation(line, m.start(), m.end())) {
                continue;
            }
            String kind = tag ? "stray markup" : kindOf(m.group());
            List<int[]> fragments = tag ? List.of(new int[] {m.start(), m.end()}) : List.of();
            into.add(new Span(m.start(), m.end(), kind, fragments));
        }
    }

    /** "What?!" in English is punctuation, not damage: a ?! run counts only next to non-ASCII. */
    private static boolean isPlainPunctuation(String line, int start, int end) {
        char first = line.charAt(start);
        if (first != '?' && first != '!') {
            return false;
        }
        boolean nonAsciiBefore = start > 0 && line.charAt(start - 1) > 0x7F;
        boolean nonAsciiAfter = end < line.length() && line.charAt(end) > 0x7F;
        return !nonAsciiBefore && !nonAsciiAfter;
    }

    private static String kindOf(String seed) {
        if (seed.startsWith("\uFFFD")) {
            return "replacement characters";
        }
        return seed.startsWith("?") || seed.startsWith("!") ? "lost characters" : "mojibake";
    }

    private static List<Span> merge(String line, List<Span> sorted) {
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span grown = grow(line, s);
            if (!out.isEmpty() && out.get(out.size() - 1).end() >= grown.start()) {
                Span last = out.remove(out.size() - 1);
                List<int[]> fragments = new ArrayList<>(last.tagFragments());
                fragments.addAll(grown.tagFragments());
                String kind = last.kind().equals(grown.kind()) ? last.kind() : last.kind() + ", " + grown.kind();
                out.add(new Span(last.start(), Math.max(last.end(), grown.end()), kind, fragments));
            } else {
                out.add(grown);
            }
        }
        return out;
    }

    private static Span grow(String line, Span s) {
        int start = s.start();
        while (start > 0 && isDebris(line.charAt(start - 1))) {
            start--;
        }
        int end = s.end();
        while (end < line.length() && isDebris(line.charAt(end))) {
            end++;
        }
        return new Span(start, end, s.kind(), s.tagFragments());
    }

    private static boolean isDebris(char c) {
        return c == '?' || c == '!' || c == '\uFFFD' || c == '\u2025' || Cjk.isKana(c);
    }
}
