package dev.kaiyuan.enrich;

import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.DateMention;
import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.EntityKind;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.Mention;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Quote;
import dev.kaiyuan.model.ReleaseEvent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The enrich stage for one article: entity mentions, resolved dates, release events (checked
 * against the knowledge base) and key quotes. The tagger and the date rules are built once per
 * knowledge base and shared by every article.
 */
public final class Enricher {
    private static final Pattern CLAUSE = Pattern.compile("[^，,；;：:]+");
    // Release verbs of Chinese and English news: 发布/發布, 推出, 开源/開源, 开放/開放, released, launched, open-sourced.
    private static final Pattern RELEASE_VERB = Pattern.compile(
            "发布|發布|推出|开源|開源|开放|開放|上线|上線|(?i:\\b(?:released?|launch(?:ed|es)?|open-sourced|unveil(?:ed|s)?)\\b)");
    /** "At that time", "the same week": the sentence is dated by the last date named before it. */
    static final Pattern SAME_TIME = Pattern.compile("當時|当时|同一周|同一週|同週|同周|同月|同日|(?i:\\bthat (?:week|month|day)\\b)");

    /**
     * Whether the sentence says "at that time" ({@link #SAME_TIME}). Each of its words has 當, 当 or
     * 同, or {@code that} in some case: most sentences have none of them, and the pattern, an
     * alternation, is tried at every place of those that do not.
     */
    static boolean saysSameTime(String sentence) {
        boolean may = sentence.indexOf('当') >= 0 || sentence.indexOf('當') >= 0 || sentence.indexOf('同') >= 0;
        for (int i = sentence.indexOf('t'); !may && i >= 0; i = sentence.indexOf('t', i + 1)) {
            may = sentence.regionMatches(true, i, "that", 0, 4);
        }
        for (int i = sentence.indexOf('T'); !may && i >= 0; i = sentence.indexOf('T', i + 1)) {
            may = sentence.regionMatches(true, i, "that", 0, 4);
        }
        return may && SAME_TIME.matcher(sentence).find();
    }

    private final EntityTagger tagger;
    private final DateResolver dates = new DateResolver();
    private final Map<String, ModelRelease> models;
    private final Gazetteer gazetteer;

    public Enricher(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.tagger = new EntityTagger(gazetteer);
        this.models = gazetteer.models().stream().collect(Collectors.toMap(ModelRelease::id, Function.identity()));
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public EntityTagger tagger() {
        return tagger;
    }

    public Enrichment enrich(Article article, DiagnosticSink sink) {
        List<Mention> mentions = new ArrayList<>();
        List<DateMention> found = new ArrayList<>();
        List<ReleaseEvent> events = new ArrayList<>();
        List<Quote> quotes = new ArrayList<>();
        Optional<LocalDate> anchor = article.date().map(d -> d.day());
        Optional<Mention> lastPerson = Optional.empty();
        Optional<DateMention> lastDate = Optional.empty();
        int offset = 0;
        for (String paragraph : article.text().split("\n", -1)) {
            List<Mention> local = tagger.tag(paragraph);
            int at = offset;
            local.forEach(m -> mentions.add(shift(m, at)));
            quotes.addAll(QuoteFinder.find(paragraph, local, lastPerson));
            Optional<Mention> lastHere = QuoteFinder.lastPersonBefore(local, paragraph.length());
            lastPerson = lastHere.isPresent() ? lastHere : lastPerson;
            if (anchor.isPresent()) {
                lastDate = sentences(paragraph, local, anchor.get(), lastDate, found, events);
            }
            offset += paragraph.length() + 1;
        }
        events.forEach(e -> checkAgainstKnowledge(article, e, sink));
        List<EntityId> entities = List.copyOf(new LinkedHashSet<>(mentions.stream().map(Mention::entity).toList()));
        return new Enrichment(entities, found, events, quotes);
    }

    private static Mention shift(Mention m, int by) {
        return new Mention(m.entity(), m.start() + by, m.end() + by, m.text());
    }

    private Optional<DateMention> sentences(String paragraph, List<Mention> mentions, LocalDate anchor,
            Optional<DateMention> lastDate, List<DateMention> found, List<ReleaseEvent> events) {
        Optional<DateMention> last = lastDate;
        int n = paragraph.length();
        int at = 0;
        while (at < n) {
            // A sentence: text up to its terminators (。！？!?), then one closing quote.
            while (at < n && isTerminator(paragraph.charAt(at))) {
                at++;
            }
            if (at >= n) {
                break;
            }
            int start = at;
            while (at < n && !isTerminator(paragraph.charAt(at))) {
                at++;
            }
            while (at < n && isTerminator(paragraph.charAt(at))) {
                at++;
            }
            if (at < n && "”’」』".indexOf(paragraph.charAt(at)) >= 0) {
                at++;
            }
            String sentence = paragraph.substring(start, at);
            List<DateMention> here = dates.resolve(sentence, anchor);
            found.addAll(here);
            // An event names a model or lab: a sentence without one needs no further look.
            if (anyWithin(mentions, start, at)) {
                Optional<DateMention> carried = last.isPresent() && saysSameTime(sentence) ? last
                        : Optional.empty();
                event(sentence, start, mentions, here, carried).ifPresent(events::add);
            }
            for (DateMention d : here) {
                if (d.precision() == DatePrecision.DAY || d.precision() == DatePrecision.MONTH) {
                    last = Optional.of(d);
                }
            }
        }
        return last;
    }

    private static boolean isTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?';
    }

    private static boolean anyWithin(List<Mention> mentions, int from, int to) {
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * An event needs, in one clause, a release verb and a model or lab, and a date in that clause —
     * or, for a sentence saying "at that time", the last date named before it.
     */
    private static Optional<ReleaseEvent> event(String sentence, int sentenceStart, List<Mention> mentions,
            List<DateMention> dates, Optional<DateMention> carried) {
        if (dates.isEmpty() && carried.isEmpty()) {
            return Optional.empty();
        }
        Matcher c = CLAUSE.matcher(sentence);
        while (c.find()) {
            int from = sentenceStart + c.start();
            int to = sentenceStart + c.end();
            List<EntityId> released = released(mentions, from, to);
            if (released.isEmpty()) {
                continue;
            }
            Optional<DateMention> date = dates.stream().filter(d -> d.start() >= c.start() && d.end() <= c.end())
                    .findFirst().or(() -> carried);
            if (date.isEmpty()) {
                continue;
            }
            Matcher verb = RELEASE_VERB.matcher(c.group());
            if (verb.find()) {
                return Optional.of(new ReleaseEvent(sentence.strip(), date.get(), released, verb.group()));
            }
        }
        return Optional.empty();
    }

    /** The models named in a clause; the labs when it names no model. */
    private static List<EntityId> released(List<Mention> mentions, int from, int to) {
        List<EntityId> inClause = mentions.stream().filter(m -> m.start() >= from && m.end() <= to)
                .map(Mention::entity).distinct().toList();
        List<EntityId> models = inClause.stream().filter(e -> e.kind() == EntityKind.MODEL).toList();
        return models.isEmpty() ? inClause.stream().filter(e -> e.kind() == EntityKind.ORGANIZATION).toList() : models;
    }

    /** A release the article dates differently from the knowledge base is worth a look. */
    private void checkAgainstKnowledge(Article article, ReleaseEvent event, DiagnosticSink sink) {
        if (event.date().qualifier() != DateMention.Qualifier.NONE) {
            return;
        }
        for (EntityId id : event.entities()) {
            ModelRelease model = models.get(id.id());
            if (id.kind() != EntityKind.MODEL || model == null || model.released().isEmpty()) {
                continue;
            }
            LocalDate known = model.released().get();
            if (!agrees(event.date(), known)) {
                sink.report(Diagnostic.warning("event.conflict", article.origin(),
                        "the article dates " + model.name() + " to " + event.date().text() + " ("
                                + event.date().date() + ", " + event.date().precision().name().toLowerCase(java.util.Locale.ROOT)
                                + ") but the knowledge base says " + known,
                        "in: " + event.sentence(),
                        "check the article, or the release date in seeds/data/models.yaml (" + model.where() + ")"));
            }
        }
    }

    static boolean agrees(DateMention said, LocalDate known) {
        LocalDate d = said.date();
        return switch (said.precision()) {
            case DAY -> Math.abs(ChronoUnit.DAYS.between(d, known)) <= 1;
            case MONTH -> d.getYear() == known.getYear() && d.getMonth() == known.getMonth();
            case YEAR -> d.getYear() == known.getYear();
            case DECADE -> d.getYear() / 10 == known.getYear() / 10;
        };
    }
}
