package dev.kaiyuan.render;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.impl.Atom10Generator;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.EntityKind;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.model.SourceRef;
import dev.kaiyuan.model.TagGroup;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Verifier;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

/**
 * Atom 1.0 feeds (RFC 4287), written with Rome: {@code feed.xml} with the newest dated articles,
 * and one feed per tag ({@code tags/<slug>/feed.xml}) and per organization some article mentions
 * ({@code orgs/<id>/feed.xml}). Feeds need absolute URLs, so without a base URL none is made and
 * the build gets one warning — reported here only, although the sitemap and canonical links are
 * left out for the same reason, so it appears once per build.
 *
 * <p>Output is a function of the site model alone: dates are article days at midnight in the
 * configured zone (never the clock), ids are article URLs, feeds and entries are in a fixed order,
 * and the serializer's format (indent, line separator, encoding) is pinned.
 */
final class AtomFeedProducer implements SiteFileProducer {
    static final String FEED = "feed.xml";
    /** Entries per feed: the newest ones. */
    static final int LIMIT = 20;
    static final String NO_BASE_URL = "publish.no-base-url";

    private static final String ATOM = "application/atom+xml";

    @Override
    public List<RenderedPage> produce(SiteContext context, DiagnosticSink sink) {
        Optional<String> base = context.config().baseUrl();
        if (base.isEmpty()) {
            sink.report(Diagnostic.warning(NO_BASE_URL, SourceRef.file(SiteConfig.FILE_NAME),
                    "no base_url: feeds, sitemap and canonical links are left out", "",
                    "set base_url in kaiyuan.yaml or pass --base-url https://…"));
            return List.of();
        }
        FeedWriter writer = new FeedWriter(base.get(), context.config());
        return feeds(context).stream().map(writer::write).flatMap(Optional::stream).toList();
    }

    /** Site path of a tag's feed, or "" when it gets none (no base URL, or no dated article). */
    static String tagFeed(TagGroup tag, SiteConfig config) {
        boolean any = config.baseUrl().isPresent() && tag.articles().stream().anyMatch(a -> a.date().isPresent());
        return any ? tagFeedPath(tag.slug()) : "";
    }

    static String tagFeedPath(String slug) {
        return "tags/" + slug + "/" + FEED;
    }

    static String organizationFeedPath(String id) {
        return EntityKind.ORGANIZATION.folder() + "/" + id + "/" + FEED;
    }

    /** One feed to write: its path, title, the page it stands for, and its articles newest first. */
    record FeedSpec(String path, String title, String page, List<Article> articles) {
        FeedSpec {
            articles = articles.stream().filter(a -> a.date().isPresent()).limit(LIMIT).toList();
        }
    }

    /** The site feed, then tag feeds by slug, then organization feeds by id. */
    static List<FeedSpec> feeds(SiteContext context) {
        SiteModel site = context.site();
        String title = context.config().title();
        List<FeedSpec> feeds = new ArrayList<>();
        feeds.add(new FeedSpec(FEED, title, "index.html", site.dated()));
        for (TagGroup tag : site.tags()) {
            feeds.add(new FeedSpec(tagFeedPath(tag.slug()), title + " · " + tag.name(), tag.path(), tag.articles()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        site.gazetteer().organizations().forEach(o -> names.put(o.id(), o.name()));
        mentionsByOrganization(site).forEach((id, articles) -> feeds.add(new FeedSpec(organizationFeedPath(id),
                title + " · " + names.getOrDefault(id, id), new EntityId(EntityKind.ORGANIZATION, id).path(),
                articles)));
        return feeds;
    }

    /** Organization id → the dated articles mentioning it, newest first; ids sorted. */
    private static Map<String, List<Article>> mentionsByOrganization(SiteModel site) {
        Map<String, List<Article>> byOrg = new TreeMap<>();
        for (Article article : site.dated()) {
            site.enrichment(article).entities().stream().filter(e -> e.kind() == EntityKind.ORGANIZATION)
                    .map(EntityId::id).distinct()
                    .forEach(id -> byOrg.computeIfAbsent(id, k -> new ArrayList<>()).add(article));
        }
        return byOrg;
    }

    /** Builds Rome's Atom model for one feed and serializes it with a pinned format. */
    private record FeedWriter(String base, SiteConfig config) {
        /** Empty when the feed would have no entries: Atom's {@code updated} would have no honest value. */
        Optional<RenderedPage> write(FeedSpec spec) {
            if (spec.articles().isEmpty()) {
                return Optional.empty();
            }
            Feed feed = new Feed("atom_1.0");
            feed.setId(SiteUrls.absolute(base, spec.page()));
            feed.setTitleEx(text(spec.title()));
            if (!config.description().isBlank()) {
                feed.setSubtitle(text(config.description()));
            }
            feed.setAlternateLinks(List.of(link("alternate", "text/html", SiteUrls.absolute(base, spec.page()))));
            feed.setOtherLinks(List.of(link("self", ATOM, SiteUrls.absolute(base, spec.path()))));
            feed.setUpdated(instant(newest(spec.articles())));
            List<Entry> entries = spec.articles().stream().map(this::entry).toList();
            if (entries.stream().anyMatch(e -> e.getAuthors().isEmpty())) {
                // RFC 4287 §4.1.1: a feed names an author unless every entry does; the digest itself is one.
                feed.setAuthors(List.of(person(config.title())));
            }
            feed.setEntries(entries);
            return Optional.of(new RenderedPage(spec.path(), serialize(feed, spec.articles())));
        }

        private Entry entry(Article article) {
            Entry entry = new Entry();
            String url = SiteUrls.absolute(base, SiteModel.articlePath(article));
            entry.setId(url);
            entry.setTitleEx(text(article.title()));
            entry.setAlternateLinks(List.of(link("alternate", "text/html", url)));
            Date day = instant(article.date().orElseThrow().day());
            entry.setPublished(day);
            entry.setUpdated(day);
            if (!article.summary().isBlank()) {
                entry.setSummary(text(article.summary()));
            }
            Optional<String> author = article.author().filter(s -> !s.isBlank())
                    .or(() -> article.source().map(s -> s.name()));
            entry.setAuthors(author.map(a -> List.<SyndPerson>of(person(a))).orElse(List.of()));
            entry.setCategories(article.tags().stream().filter(t -> !t.isBlank()).map(AtomFeedProducer::category)
                    .toList());
            return entry;
        }

        private Date instant(LocalDate day) {
            ZoneId zone = config.zone();
            return Date.from(day.atStartOfDay(zone).toInstant());
        }

        /**
         * Rome's Atom generator ignores languages, so {@code xml:lang} is added to its JDOM tree:
         * the interface language on the feed, each article's own language on its entry.
         */
        private String serialize(Feed feed, List<Article> articles) {
            Document document;
            try {
                document = new Atom10Generator().generate(feed);
            } catch (FeedException e) {
                throw new IllegalStateException("Atom feed " + feed.getId() + " could not be generated", e);
            }
            Element root = document.getRootElement();
            lang(root, config.language());
            List<Element> entries = root.getChildren("entry", root.getNamespace());
            for (int i = 0; i < entries.size(); i++) {
                lang(entries.get(i), articles.get(i).lang());
            }
            Format format = Format.getPrettyFormat().setEncoding("UTF-8").setIndent("  ")
                    .setLineSeparator(LineSeparator.UNIX);
            return new XMLOutputter(format).outputString(document);
        }

        private static void lang(Element element, String lang) {
            if (!lang.isBlank()) {
                element.setAttribute("lang", lang, Namespace.XML_NAMESPACE);
            }
        }
    }

    private static LocalDate newest(List<Article> articles) {
        return articles.stream().map(a -> a.date().orElseThrow().day()).max(LocalDate::compareTo).orElseThrow();
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(xmlChars(value));
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static Person person(String name) {
        Person person = new Person();
        person.setName(xmlChars(name));
        return person;
    }

    private static Category category(String tag) {
        Category category = new Category();
        category.setTerm(xmlChars(tag));
        return category;
    }

    /** Drops characters XML 1.0 cannot carry (controls, lone surrogates), which JDOM would reject. */
    static String xmlChars(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Verifier::isXMLCharacter).forEach(b::appendCodePoint);
        return b.toString();
    }
}
