package dev.kaiyuan.render;

import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.EntityKind;
import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.model.Person;
import dev.kaiyuan.model.SiteModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * View records for the knowledge base: entity names and links, release rows, entity pages and the
 * timeline, built once per site from the gazetteer and the articles' enrichments.
 */
final class KnowledgeViews {
    private final SiteModel site;
    private final Labels labels;
    private final String lang;
    private final Map<String, Organization> orgs;
    private final Map<String, ModelRelease> models;
    private final Map<String, Person> people;
    private final Map<EntityId, List<Article>> mentionedIn = new LinkedHashMap<>();

    KnowledgeViews(SiteModel site, Labels labels, String lang) {
        this.site = site;
        this.labels = labels;
        this.lang = lang;
        Gazetteer g = site.gazetteer();
        this.orgs = g.organizations().stream().collect(Collectors.toMap(Organization::id, Function.identity()));
        this.models = g.models().stream().collect(Collectors.toMap(ModelRelease::id, Function.identity()));
        this.people = g.people().stream().collect(Collectors.toMap(Person::id, Function.identity()));
        for (Article a : site.all()) {
            for (EntityId id : site.enrichment(a).entities()) {
                mentionedIn.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
            }
        }
    }

    Map<String, Organization> organizations() {
        return orgs;
    }

    Optional<EntityLink> link(EntityId id) {
        return name(id).map(n -> new EntityLink(id.kind().folder(), n, id.path()));
    }

    private Optional<String> name(EntityId id) {
        return switch (id.kind()) {
            case ORGANIZATION -> Optional.ofNullable(orgs.get(id.id())).map(Organization::name);
            case MODEL -> Optional.ofNullable(models.get(id.id())).map(ModelRelease::name);
            case PERSON -> Optional.ofNullable(people.get(id.id())).map(Person::name);
        };
    }

    List<Article> articlesMentioning(EntityId id) {
        return mentionedIn.getOrDefault(id, List.of());
    }

    ReleaseView release(ModelRelease m) {
        Organization org = orgs.get(m.organization());
        List<Article> mentions = articlesMentioning(m.entityId());
        String params = m.parametersTotal().map(t -> m.parametersActive().map(a -> t + " / " + a).orElse(t)).orElse("");
        return new ReleaseView(m.id(), m.name(), m.entityId().path(), org == null ? m.organization() : org.name(),
                org == null ? "" : org.entityId().path(), org == null ? "" : org.country(),
                m.released().map(LocalDate::toString).orElse(""),
                m.released().map(d -> DateDisplay.format(d, lang)).orElse(""), m.openWeights(), m.accessibility(),
                m.license(), params, m.confidence().startsWith("partial"),
                mentions.stream().limit(ReleaseView.MENTIONS_LISTED)
                        .map(a -> new EntityLink("articles", a.title(), SiteModel.articlePath(a))).toList(),
                mentions.size() > ReleaseView.MENTIONS_LISTED ? labels.moreMentions().replace("{n}",
                        grouped(mentions.size() - ReleaseView.MENTIONS_LISTED)) : "");
    }

    /**
     * A count with its thousands separated by commas, as {@code String.format(Locale.ROOT, "%,d", n)}
     * writes it; that parses its format at every call. With the months' ids, also written with it
     * before, it was half of laying out the timelines in a rebuild (BENCHMARKS.md, "Twenty-third
     * session").
     */
    static String grouped(int n) {
        String digits = Long.toString(Math.abs((long) n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** Dated releases (no families) that pass the filter, in time order. */
    List<ModelRelease> releases(Predicate<ModelRelease> filter) {
        return site.gazetteer().models().stream().filter(m -> m.released().isPresent() && !m.isFamily())
                .filter(filter)
                .sorted(Comparator.comparing((ModelRelease m) -> m.released().orElseThrow())
                        .thenComparing(ModelRelease::id))
                .toList();
    }

    List<TimelineYear> years(List<ModelRelease> releases) {
        Map<Integer, Map<String, List<ReleaseView>>> byYear = new TreeMap<>();
        for (ModelRelease m : releases) {
            LocalDate d = m.released().orElseThrow();
            byYear.computeIfAbsent(d.getYear(), y -> new TreeMap<>())
                    .computeIfAbsent(DigestViews.monthId(d),
                            k -> new ArrayList<>())
                    .add(release(m));
        }
        List<TimelineYear> years = new ArrayList<>();
        byYear.forEach((year, months) -> years.add(new TimelineYear(String.valueOf(year), months.entrySet().stream()
                .map(e -> new TimelineMonth(e.getKey(), monthLabel(e.getKey()), e.getValue())).toList())));
        return years;
    }

    private String monthLabel(String iso) {
        return DigestViews.monthLabel(iso, lang);
    }

    List<FactView> facts(EntityId id) {
        List<FactView> facts = new ArrayList<>();
        switch (id.kind()) {
            case ORGANIZATION -> {
                Organization o = orgs.get(id.id());
                facts.add(new FactView(labels.country(), o.country(), ""));
                o.parent().map(orgs::get).ifPresent(p -> facts.add(new FactView(labels.organization(), p.name(),
                        "")));
                o.url().ifPresent(u -> facts.add(new FactView("URL", u, u)));
            }
            case MODEL -> {
                ModelRelease m = models.get(id.id());
                ReleaseView r = release(m);
                facts.add(new FactView(labels.organization(), r.organization(), ""));
                if (!r.dateDisplay().isEmpty()) {
                    facts.add(new FactView(labels.released(), r.dateDisplay(), ""));
                }
                addIf(facts, labels.license(), m.license());
                addIf(facts, labels.parameters(), r.parameters());
                addIf(facts, labels.modality(), m.modality());
                addIf(facts, labels.access(), m.accessibility());
                m.sourceUrl().ifPresent(u -> facts.add(new FactView(labels.source(), u, u)));
                if (r.partial()) {
                    facts.add(new FactView(labels.partial(), m.confidence().replaceFirst("^partial:\\s*", ""), ""));
                }
            }
            case PERSON -> {
                Person p = people.get(id.id());
                addIf(facts, labels.role(), p.role());
                p.organization().map(orgs::get).ifPresent(o -> facts.add(new FactView(labels.organization(),
                        o.name(), "")));
            }
        }
        return facts;
    }

    private static void addIf(List<FactView> facts, String label, String value) {
        if (!value.isBlank()) {
            facts.add(new FactView(label, value, ""));
        }
    }

    List<ReleaseView> releasesOf(EntityId id) {
        if (id.kind() == EntityKind.ORGANIZATION) {
            return releases(m -> m.organization().equals(id.id())).stream().map(this::release).toList();
        }
        ModelRelease m = models.get(id.id());
        if (id.kind() == EntityKind.MODEL && m != null && m.isFamily()) {
            return releases(r -> r.family().equals(m.id())).stream().map(this::release).toList();
        }
        return List.of();
    }

    /** The dated model releases among an article's entities, for its timeline strip. */
    List<TimelineStrip.Point> stripPoints(List<EntityId> entities) {
        return entities.stream().filter(id -> id.kind() == EntityKind.MODEL).map(id -> models.get(id.id()))
                .filter(m -> m != null && m.released().isPresent())
                .map(m -> new TimelineStrip.Point(m.name(), m.entityId().path(), m.released().get(), m.openWeights()))
                .toList();
    }

    String stripLabel() {
        return labels.timeline() + ": " + labels.mentions();
    }

    String articleDateLabel() {
        return labels.mentionedIn();
    }

    List<String> aliases(EntityId id) {
        return switch (id.kind()) {
            case ORGANIZATION -> orgs.get(id.id()).aliases();
            case MODEL -> models.get(id.id()).aliases();
            case PERSON -> people.get(id.id()).aliases();
        };
    }
}
