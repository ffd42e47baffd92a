package dev.kaiyuan.enrich;

import dev.kaiyuan.model.EntityKind;
import dev.kaiyuan.model.Mention;
import dev.kaiyuan.model.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds key quotes: text in quotation marks (“…”, 「…」, "…") long enough to be speech rather
 * than a scare-quoted term, attributed to a person the way news prose does it — the person named
 * earlier in the same sentence ({@code 吳恩達口中…“…”}), a pronoun with a speech verb before the
 * quote ({@code 他直言不諱，“…”}), or a speech tag after it ({@code “…”，他補充道} / {@code "…," he said}),
 * both of which point at the last person named before. A quote whose closing mark was lost runs
 * to the end of its paragraph.
 */
final class QuoteFinder {
    /** Shorter quoted runs are terms or slogans (“開源之戰”, “震驚”), not speech. */
    static final int MIN_LENGTH = 8;

    private static final Pattern QUOTED = Pattern.compile("“([^“”]+)(?:”|$)|「([^「」]+)(?:」|$)|\"([^\"]{8,})\"");
    private static final Pattern PRONOUN_SPEECH = Pattern.compile(
            "(?:他|她|這位|这位|\\b[Hh]e\\b|\\b[Ss]he\\b)[^，,。“”]{0,8}?(?:說|说|道|表示|指出|感慨|直言|揚言|扬言|稱|称|認為|认为|坦言|寫道|写道|said|says|wrote)"
                    + "[^。“”]{0,12}$");
    private static final Pattern SPEECH_AFTER = Pattern.compile(
            "^[，,]?\\s*(?:他|她|\\b[Hh]e\\b|\\b[Ss]he\\b)\\s*(?:補充道|补充道|說|说|表示|寫道|写道|said|added|says|wrote)");
    private static final Pattern SENTENCE_START = Pattern.compile("[。！？!?]");

    private QuoteFinder() {
    }

    /**
     * @param paragraph one paragraph of the article
     * @param mentions  the paragraph's mentions, offsets into {@code paragraph}
     * @param lastPerson the last person named before this paragraph, if any
     */
    static List<Quote> find(String paragraph, List<Mention> mentions, Optional<Mention> lastPerson) {
        // Every quotation QUOTED reads opens with one of these; most paragraphs have none.
        if (paragraph.indexOf('“') < 0 && paragraph.indexOf('「') < 0 && paragraph.indexOf('"') < 0) {
            return List.of();
        }
        List<Quote> quotes = new ArrayList<>();
        Matcher m = QUOTED.matcher(paragraph);
        while (m.find()) {
            String text = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3)).strip();
            if (text.codePointCount(0, text.length()) < MIN_LENGTH) {
                continue;
            }
            speaker(paragraph, m.start(), m.end(), mentions, lastPerson)
                    .ifPresent(s -> quotes.add(new Quote(text, s.entity(), s.text())));
        }
        return quotes;
    }

    private static Optional<Mention> speaker(String p, int quoteStart, int quoteEnd, List<Mention> mentions,
            Optional<Mention> lastPerson) {
        int sentenceStart = sentenceStart(p, quoteStart);
        Optional<Mention> before = lastPersonBefore(mentions, quoteStart);
        Optional<Mention> inSentence = before.filter(b -> b.start() >= sentenceStart);
        if (inSentence.isPresent()) {
            return inSentence;
        }
        Optional<Mention> antecedent = before.or(() -> lastPerson);
        boolean pronounBefore = PRONOUN_SPEECH.matcher(p.substring(sentenceStart, quoteStart)).find();
        boolean tagAfter = SPEECH_AFTER.matcher(p.substring(quoteEnd)).find();
        return pronounBefore || tagAfter ? antecedent : Optional.empty();
    }

    static Optional<Mention> lastPersonBefore(List<Mention> mentions, int offset) {
        Mention last = null;
        for (Mention mention : mentions) {
            if (mention.entity().kind() == EntityKind.PERSON && mention.end() <= offset) {
                last = mention;
            }
        }
        return Optional.ofNullable(last);
    }

    private static int sentenceStart(String p, int offset) {
        Matcher m = SENTENCE_START.matcher(p.substring(0, offset));
        int start = 0;
        while (m.find()) {
            start = m.end();
        }
        return start;
    }
}
