package dev.kaiyuan.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts titles and summaries from an article's opening at natural boundaries: sentence ends
 * (。！？.!? with any closing quote after them), then clause breaks (，；：,;:), then spaces
 * between Latin words, and only then anywhere, with an ellipsis.
 */
public final class LeadText {
    public static final int TITLE_MAX = 40;
    public static final int SUMMARY_MAX = 160;

    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?…]+[”’」』)）\"']*|\\.(?=\\s|$)[”’\"']*");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，；：,;:、—]");

    private LeadText() {
    }

    /** The sentences of a paragraph, each with its closing punctuation. */
    public static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        eachSentence(paragraph, out::add);
        return out;
    }

    /**
     * Gives {@code taker} the sentences of {@code paragraph} in order, as {@link #sentences} lists
     * them, until it takes no more (returns false): the rest of the paragraph is not searched.
     */
    private static void eachSentence(String paragraph, Predicate<String> taker) {
        Matcher m = SENTENCE_END.matcher(paragraph);
        int start = 0;
        while (m.find()) {
            if (!give(paragraph.substring(start, m.end()), taker)) {
                return;
            }
            start = m.end();
        }
        give(paragraph.substring(start), taker);
    }

    /** False when the taker wants no more; a blank piece is no sentence, and is passed over. */
    private static boolean give(String s, Predicate<String> taker) {
        return s.isBlank() || taker.test(s.strip());
    }

    /** A title from the lead: its first sentence, else its first clause, without the final stop. */
    public static String title(String lead) {
        String first = sentences(lead).stream().findFirst().orElse(lead.strip());
        String trimmed = first.replaceAll("[。．.！!？?]+$", "");
        if (Cjk.length(trimmed) <= TITLE_MAX) {
            return trimmed;
        }
        Matcher m = CLAUSE_BREAK.matcher(trimmed);
        if (m.find() && Cjk.length(trimmed.substring(0, m.start())) >= 6
                && Cjk.length(trimmed.substring(0, m.start())) <= TITLE_MAX) {
            return trimmed.substring(0, m.start());
        }
        return cut(trimmed, TITLE_MAX);
    }

    /** A summary: whole sentences from the lead while they fit, else the first cut short. */
    public static String summary(String lead) {
        StringBuilder out = new StringBuilder();
        eachSentence(lead, sentence -> {
            String joined = out.isEmpty() ? sentence : out + separator(out, sentence) + sentence;
            if (Cjk.length(joined) > SUMMARY_MAX) {
                return false;
            }
            out.setLength(0);
            out.append(joined);
            return true;
        });
        return out.isEmpty() ? cut(lead.strip(), SUMMARY_MAX) : out.toString();
    }

    private static String separator(CharSequence before, String next) {
        char last = before.charAt(before.length() - 1);
        return last < 0x80 && next.charAt(0) < 0x80 ? " " : "";
    }

    /** At most {@code max} code points, at a clause break or space if one is near, plus "…". */
    static String cut(String s, int max) {
        if (Cjk.length(s) <= max) {
            return s;
        }
        String head = s.substring(0, s.offsetByCodePoints(0, max - 1));
        int breakAt = Math.max(lastMatch(head, CLAUSE_BREAK), head.lastIndexOf(' '));
        if (breakAt >= head.length() / 2) {
            head = head.substring(0, breakAt);
        }
        return head.strip() + "…";
    }

    private static int lastMatch(String s, Pattern p) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }
}
