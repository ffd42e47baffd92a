package dev.kaiyuan.render;

import com.dynatrace.hash4j.hashing.Hashing;
import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.diag.DiagnosticSink;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.EntityId;
import dev.kaiyuan.model.Enrichment;
import dev.kaiyuan.model.EveryCore;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.model.Person;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.model.SourceRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Turns the site model into view records and renders each page with the engine: the home page,
 * article pages, a page per knowledge-base entity, and the timeline with its filtered views. A
 * broken template is reported once (with its file and line), not once per page that uses it.
 */
public final class PageRenderer {
    static final String TIMELINE = "timeline/index.html";

    private final TemplateEngine engine;
    private final UnaryOperator<String> templatePath;
    private final List<SiteFileProducer> producers;
    private final boolean alongside;

    /** A renderer of pages only, without feeds, sitemap or other site files. */
    public PageRenderer(TemplateEngine engine, UnaryOperator<String> templatePath) {
        this(engine, templatePath, List.of());
    }

    /**
     * @param templatePath how a template name is shown in messages, e.g. {@code templates/article.ftlh}
     * @param producers    makers of the site's other files (feeds, sitemap, search index), run in order
     */
    public PageRenderer(TemplateEngine engine, UnaryOperator<String> templatePath, List<SiteFileProducer> producers) {
        this(engine, templatePath, producers, false);
    }

    /**
     * @param alongside whether producers that read no page ({@link SiteFileProducer#readsPages}) run
     *                  while the pages are rendered: right for a rebuild, which keeps most pages and
     *                  lays them out on one thread, leaving a core idle; wrong for a first build,
     *                  whose rendering keeps every core busy (at 10,000 articles the index made
     *                  beside it cost 2.3 s more CPU and 5 % more time)
     */
    public PageRenderer(TemplateEngine engine, UnaryOperator<String> templatePath, List<SiteFileProducer> producers,
            boolean alongside) {
        this.engine = engine;
        this.templatePath = templatePath;
        this.producers = List.copyOf(producers);
        this.alongside = alongside;
    }

    public List<RenderedPage> render(SiteModel site, SiteConfig config, DiagnosticSink sink) {
        return render(site, config, sink, PageMemo.NONE);
    }

    /**
     * As {@link #render(SiteModel, SiteConfig, DiagnosticSink)}, asking {@code memo} for every
     * templated page so that pages whose view did not change since an earlier build are not rendered
     * again (and, where the memo can tell from the view's inputs, their views not built either).
     */
    public List<RenderedPage> render(SiteModel site, SiteConfig config, DiagnosticSink sink, PageMemo memo) {
        Map<String, RenderedPage> made = new ConcurrentHashMap<>();
        List<String> order = render(site, config, sink, memo, page -> made.put(page.path(), page));
        return order.stream().map(made::get).toList();
    }

    /**
     * Renders the site as {@link #render(SiteModel, SiteConfig, DiagnosticSink, PageMemo)} does, but
     * hands each page to {@code each} as soon as it is made — from several threads at once, in no
     * particular order — and keeps none, so a large site's pages are never all in memory.
     *
     * @return the paths of every page and file handed over, in the site's order (templated pages,
     *         release exports, then the producers' files)
     */
    public List<String> render(SiteModel site, SiteConfig config, DiagnosticSink sink, PageMemo memo,
            Consumer<RenderedPage> each) {
        Labels labels = Labels.forLanguage(config.language());
        // Producers that read no page may be started first, on a thread of their own, to work while
        // the pages are laid out and rendered: in a rebuild at 10,000 articles the search index's
        // quarter second then fills time a core would otherwise idle (laying the pages out is one
        // thread's work, and most pages are kept, not rendered).
        List<SiteFileProducer> afterPages = producers.stream().filter(p -> !alongside || p.readsPages()).toList();
        List<SiteFileProducer> beside = producers.stream().filter(p -> alongside && !p.readsPages()).toList();
        if (beside.isEmpty()) {
            return render(site, config, labels, sink, memo, each, afterPages);
        }
        FutureTask<List<String>> meanwhile = new FutureTask<>(
                () -> produce(beside, new SiteContext(site, config, labels, List.of(), memo), sink, each));
        // The producers run in a pool of their own, so that a parallel stream of theirs runs on its
        // workers, which wait for their own tasks by doing them. Started from a plain thread, their
        // parallel streams and the pages' both went to the common pool, and the plain thread,
        // waiting for its part, spun in ForkJoinPool.helpComplete: at 10,000 articles, one article
        // added, 0.45 s of CPU (perf) that the pages' threads lacked. As many workers as the common
        // pool's less one (the pages have those and the calling thread): one on two cores.
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, ForkJoinPool.getCommonPoolParallelism() - 1),
                PageRenderer::producerThread, null, false);
        pool.execute(meanwhile);
        pool.shutdown();
        try {
            List<String> paths = render(site, config, labels, sink, memo, each, afterPages);
            paths.addAll(meanwhile.get());
            return paths;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // only a build stopped from outside is interrupted (serve never interrupts one): it fails
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the site's files were made", e);
        } finally {
            // Nothing may go on handing files over once this returns or throws: the new site may be
            // thrown away. A render that failed therefore still waits for the producers beside it
            // (a quarter of a second at 10,000 articles) before it reports the failure.
            awaitQuietly(meanwhile);
        }
    }

    /** The producers' files, each handed to {@code each}; their paths in order. */
    private static List<String> produce(List<SiteFileProducer> producers, SiteContext context, DiagnosticSink sink,
            Consumer<RenderedPage> each) {
        List<String> paths = new ArrayList<>();
        for (SiteFileProducer producer : producers) {
            producer.produce(context, sink, page -> {
                paths.add(page.path());
                each.accept(page);
            });
        }
        return paths;
    }

    private static ForkJoinWorkerThread producerThread(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("kaiyuan-producers-" + thread.getPoolIndex());
        thread.setDaemon(true);
        return thread;
    }

    private static void awaitQuietly(FutureTask<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> render(SiteModel site, SiteConfig config, Labels labels, DiagnosticSink sink,
            PageMemo memo, Consumer<RenderedPage> each, List<SiteFileProducer> afterPages) {
        boolean timeline = !site.gazetteer().models().isEmpty();
        SiteView siteView = siteView(site, config, labels);
        KnowledgeViews knowledge = new KnowledgeViews(site, labels, config.language());
        ArticlePages articlePages = new ArticlePages(engine, siteView, knowledge);
        List<Job> jobs = new ArrayList<>();
        ArticleCards cards = new ArticleCards(site.all());
        // Every page shows the site-wide view: hashed once (XXH3-128, as the build cache's keys) for
        // the keys of pages kept unbuilt, since its labels make it two kilobytes, which 10,000 keys
        // would each copy.
        String siteKey = HexFormat.of().formatHex(Hashing.xxh3_128().hashCharsTo128Bits(siteView.key())
                .toByteArray());
        DigestViews digest = new DigestViews(site, siteView, config, cards, new ArticleListKeys(site.all(), memo),
                siteKey);
        List<DigestViews.Placed> lists = new ArrayList<>(digest.home());
        lists.addAll(digest.issuePages());
        lists.addAll(digest.archive());
        if (!site.tags().isEmpty()) {
            lists.add(digest.tagIndex());
            lists.addAll(digest.tagPages(config.baseUrl().isPresent()));
        }
        // With a base URL the 404 page links by absolute path (a server shows it at any depth);
        // without one it stays relative like every other page, right for the site's top level.
        NotFoundPage notFound = new NotFoundPage(siteView, config.baseUrl().map(PageRenderer::pathOf).orElse(""));
        jobs.add(new Job("404", "404.html", () -> notFound));
        for (DigestViews.Placed placed : lists) {
            jobs.add(new Job(placed.template(), placed.path(), placed.view(), placed.inputs()));
        }
        // An article page shows the article, its enrichment and the site-wide view, nothing else.
        for (Article article : site.all()) {
            jobs.add(new Job(ArticlePages.TEMPLATE, SiteModel.articlePath(article),
                    () -> articlePages.view(article, site.enrichment(article)),
                    () -> memo.articleKey(article).map(key -> key + "\n" + siteKey)));
        }
        // An entity lists the articles that mention it: links, ten times as many a page as a list of
        // cards. Its first page also shows its facts and releases, with other articles' mentions of
        // them, so only its numbered pages are keyed by what they show: the entity's name and
        // aliases, and their articles (at 10,000 articles, over a thousand pages).
        for (EntityId id : entities(site)) {
            for (DigestViews.Placed placed : digest.stablePages("entity", id.path(), knowledge.articlesMentioning(id),
                    ENTITY_LINKS_PER_CARD * config.pageSize(), (root, shown, pager, first) -> entityPage(siteView,
                            root, id, knowledge, cards.of(shown), pager, first),
                    (root, shown, newer, older, first) -> first ? Optional.empty()
                            : digest.inputs(shown, entityValues(id, knowledge, root, newer, older)))) {
                jobs.add(new Job(placed.template(), placed.path(), placed.view(), placed.inputs()));
            }
        }
        jobs.add(new Job("search", "search/index.html", () -> new SearchPage(siteView, "../")));
        if (timeline) {
            for (TimelinePage view : new TimelineViews(siteView, knowledge).pages()) {
                jobs.add(new Job("timeline", view.selfUrl(), () -> view));
            }
        }
        List<String> paths = new ArrayList<>(renderAll(jobs, memo, sink, each));
        List<RenderedPage> more = new ArrayList<>();
        if (timeline) {
            more.addAll(exports(site, siteView, knowledge));
        }
        more.forEach(page -> paths.add(page.path()));
        more.forEach(each);
        paths.addAll(produce(afterPages, new SiteContext(site, config, labels, paths, memo), sink, each));
        return paths;
    }

    /**
     * Renders single article pages of {@code site} exactly as {@link #render} does, for the preview's
     * quick refresh of an edited article (its other pages follow with the full rebuild).
     */
    public ArticlePages articlePages(SiteModel site, SiteConfig config) {
        Labels labels = Labels.forLanguage(config.language());
        return new ArticlePages(engine, siteView(site, config, labels),
                new KnowledgeViews(site, labels, config.language()));
    }

    private static SiteView siteView(SiteModel site, SiteConfig config, Labels labels) {
        return new SiteView(config.title(), config.description(), config.language(), labels,
                site.gazetteer().models().isEmpty() ? "" : TIMELINE, site.tags().isEmpty() ? "" : "tags/index.html");
    }

    /** The render stage's own producers of non-page files: Atom feeds, sitemap.xml, robots.txt. */
    public static List<SiteFileProducer> publishingProducers() {
        return List.of(new AtomFeedProducer(), new SitemapProducer(), new RobotsTxtProducer());
    }

    /** The path part of a base URL, e.g. {@code /digest/} of {@code https://example.org/digest/}. */
    static String pathOf(String baseUrl) {
        String path = java.net.URI.create(baseUrl).getRawPath();
        return path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    }

    static final String CSV = "timeline/releases.csv";
    static final String JSON = "timeline/releases.json";
    static final String TIMELINE_JS = "timeline/timelinejs.json";
    /** An entity page lists article links, this many times page_size a page (page_size counts cards). */
    static final int ENTITY_LINKS_PER_CARD = 10;

    /** The release data beside the timeline, for others to embed or analyse. */
    private static List<RenderedPage> exports(SiteModel site, SiteView view, KnowledgeViews knowledge) {
        List<ModelRelease> releases = site.gazetteer().models();
        return List.of(new RenderedPage(CSV, ReleaseExports.csv(releases, knowledge.organizations())),
                new RenderedPage(JSON, ReleaseExports.json(releases, knowledge.organizations())),
                new RenderedPage(TIMELINE_JS, ReleaseExports.timelineJs(view.title(), view.labels().chartTitle(),
                        releases, knowledge.organizations())));
    }

    private static List<EntityId> entities(SiteModel site) {
        List<EntityId> ids = new ArrayList<>();
        site.gazetteer().organizations().stream().map(Organization::entityId).forEach(ids::add);
        site.gazetteer().models().stream().map(ModelRelease::entityId).forEach(ids::add);
        site.gazetteer().people().stream().map(Person::entityId).forEach(ids::add);
        return ids;
    }

    /** What a numbered page of an entity shows besides its articles ({@link #entityPage} with {@code first} false). */
    private static String[] entityValues(EntityId id, KnowledgeViews knowledge, String root, String newer,
            String older) {
        List<String> values = new ArrayList<>(List.of(id.kind().folder(), id.id(),
                knowledge.link(id).map(EntityLink::name).orElse(id.id()), root, newer, older));
        values.addAll(knowledge.aliases(id));
        return values.toArray(String[]::new);
    }

    /** One page of an entity: its facts and releases on the first page only, and a page of the articles naming it. */
    private static EntityPage entityPage(SiteView siteView, String root, EntityId id, KnowledgeViews knowledge,
            List<ArticleCard> articles, Pager pager, boolean first) {
        return new EntityPage(siteView, root, id.kind().folder(), id.id(),
                knowledge.link(id).map(EntityLink::name).orElse(id.id()), knowledge.aliases(id),
                first ? knowledge.facts(id) : List.of(), first ? knowledge.releasesOf(id) : List.of(), articles, pager);
    }

    /**
     * One templated page to render: its template, where it goes, how to make its view and, when
     * known, a key of everything that view is made from.
     */
    private record Job(String template, String path, Supplier<Object> view, Supplier<Optional<String>> inputs) {
        Job(String template, String path, Supplier<Object> view) {
            this(template, path, view, Optional::empty);
        }
    }

    /**
     * Renders the jobs in parallel (views are immutable, the engines thread-safe), handing each page
     * to {@code each} as it is made, and returns the paths of those made, in job order. Failures are
     * reported afterwards in job order, each distinct one once, so the diagnostics do not depend on
     * scheduling either.
     */
    private List<String> renderAll(List<Job> jobs, PageMemo memo, DiagnosticSink sink, Consumer<RenderedPage> each) {
        RenderException[] failures = new RenderException[jobs.size()];
        RuntimeException[] crashes = new RuntimeException[jobs.size()];
        EveryCore.forEach(jobs.size(), i -> {
            Job job = jobs.get(i);
            try {
                Optional<String> inputs = job.inputs().get();
                if (inputs.isPresent() && memo.keptUnbuilt(job.path(), job.template(), inputs.get())) {
                    each.accept(RenderedPage.kept(job.path()));
                    return;
                }
                Object view = job.view().get();
                if (inputs.isEmpty() && memo.kept(job.path(), job.template(), view)) {
                    each.accept(RenderedPage.kept(job.path()));
                    return;
                }
                each.accept(new RenderedPage(job.path(), memo.render(job.path(), job.template(), view,
                        () -> engine.render(job.template(), view))));
            } catch (RenderException e) {
                failures[i] = e;
            } catch (RuntimeException e) {
                crashes[i] = e;
            }
        });
        // A crash (not a template error) is thrown only when every job is done, so that no page is
        // still being handed on while the caller cleans up.
        for (RuntimeException crash : crashes) {
            if (crash != null) {
                throw crash;
            }
        }
        List<String> paths = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            RenderException e = failures[i];
            if (e == null) {
                paths.add(jobs.get(i).path());
            } else if (failed.add(e.template() + ":" + e.line() + ":" + e.getMessage())) {
                sink.report(Diagnostic.error("template", new SourceRef(templatePath.apply(e.template()),
                        e.line(), e.column()), "template: " + e.getMessage(), "while rendering " + jobs.get(i).path(),
                        "fix the template; the last good site is kept until it builds"));
            }
        }
        return paths;
    }

    static ArticleCard card(Article a) {
        return new ArticleCard(SiteModel.articlePath(a), a.title(), a.lang(), dateIso(a), dateDisplay(a),
                a.date().map(d -> d.inferred()).orElse(false), a.source().map(s -> s.name()).orElse(""),
                a.summary(), a.readingTime().minutes());
    }

    static ArticleView view(Article a, Enrichment e, KnowledgeViews knowledge) {
        List<EntityLink> mentions = e.entities().stream().map(knowledge::link).flatMap(Optional::stream).toList();
        List<QuoteView> quotes = e.quotes().stream()
                .map(q -> knowledge.link(q.speaker()).map(s -> new QuoteView(q.text(), s.name(), s.url())))
                .flatMap(Optional::stream).toList();
        List<EventView> events = e.events().stream().map(ev -> new EventView(ev.date().date().toString(),
                ev.date().text(), ev.date().precision().name().toLowerCase(Locale.ROOT), ev.sentence(),
                ev.entities().stream().map(knowledge::link).flatMap(Optional::stream).toList())).toList();
        return new ArticleView(a.title(), a.titleDerived(), a.lang(), dateIso(a), dateDisplay(a),
                a.date().map(d -> d.inferred()).orElse(false), a.author().orElse(""),
                a.source().map(s -> s.name()).orElse(""), a.source().flatMap(s -> s.url()).orElse(""),
                a.tags(), a.summary(), a.bodyHtml(), a.captions().stream().map(c -> c.text()).toList(),
                a.rights().orElse(""), a.readingTime().minutes(), a.damage().size(), mentions, quotes, events,
                TimelineStrip.svg(knowledge.stripPoints(e.entities()), a.date().map(d -> d.day()), "../../",
                        knowledge.stripLabel(), knowledge.articleDateLabel()));
    }

    private static String dateIso(Article a) {
        return a.date().map(d -> d.day().toString()).orElse("");
    }

    private static String dateDisplay(Article a) {
        return a.date().map(d -> DateDisplay.format(d.day(), a.lang())).orElse("");
    }

    /** The timeline: every release, then pre-rendered views by openness and by country. */
    private record TimelineViews(SiteView site, KnowledgeViews knowledge) {
        List<TimelinePage> pages() {
            Labels l = site.labels();
            List<EntityLink> filters = new ArrayList<>();
            filters.add(new EntityLink("timeline", l.all(), TIMELINE));
            filters.add(new EntityLink("timeline", l.openWeights(), "timeline/open/index.html"));
            filters.add(new EntityLink("timeline", l.closed(), "timeline/closed/index.html"));
            Set<String> countries = new TreeSet<>();
            knowledge.releases(m -> true).forEach(m -> Optional.ofNullable(knowledge.organizations()
                    .get(m.organization())).ifPresent(o -> countries.add(o.country())));
            countries.forEach(c -> filters.add(new EntityLink("timeline", c,
                    "timeline/country/" + c.toLowerCase(Locale.ROOT) + "/index.html")));
            Set<String> makers = new TreeSet<>();
            knowledge.releases(m -> true).forEach(m -> makers.add(m.organization()));
            List<Organization> orgs = makers.stream().map(knowledge.organizations()::get)
                    .filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparing(Organization::name))
                    .toList();
            orgs.forEach(o -> filters.add(new EntityLink("timeline-org", o.name(), "timeline/org/" + o.id()
                    + "/index.html")));
            List<TimelinePage> pages = new ArrayList<>();
            pages.add(page(l.timeline(), TIMELINE, "", filters, m -> true));
            pages.add(page(l.timeline() + " · " + l.openWeights(), "timeline/open/index.html", "../", filters,
                    ModelRelease::openWeights));
            pages.add(page(l.timeline() + " · " + l.closed(), "timeline/closed/index.html", "../", filters,
                    m -> !m.openWeights()));
            for (String c : countries) {
                pages.add(page(l.timeline() + " · " + c, "timeline/country/" + c.toLowerCase(Locale.ROOT)
                        + "/index.html", "../../", filters, m -> country(m).equals(c)));
            }
            for (Organization o : orgs) {
                pages.add(page(l.timeline() + " · " + o.name(), "timeline/org/" + o.id() + "/index.html", "../../",
                        filters, m -> m.organization().equals(o.id())));
            }
            return pages;
        }

        private String country(ModelRelease m) {
            Organization o = knowledge.organizations().get(m.organization());
            return o == null ? "" : o.country();
        }

        private TimelinePage page(String title, String self, String up, List<EntityLink> filters,
                Predicate<ModelRelease> filter) {
            List<ModelRelease> releases = knowledge.releases(filter);
            String root = "../" + up;
            if (!self.equals(TIMELINE)) {
                return new TimelinePage(site, root, title, self, filters, knowledge.years(releases),
                        releases.size(), "", List.of(), List.of());
            }
            Labels l = site.labels();
            ReleaseChart chart = ReleaseChart.of(releases, knowledge.organizations());
            ChartLegend legend = new ChartLegend(l.china(), l.unitedStates(), l.europe(), l.other());
            List<ChartRowView> rows = chart.rows().stream().map(r -> new ChartRowView(r.quarter(), r.china(),
                    r.unitedStates(), r.europe(), r.other(), r.total())).toList();
            List<EntityLink> exports = List.of(new EntityLink("files", "CSV", CSV),
                    new EntityLink("files", "JSON", JSON), new EntityLink("files", "TimelineJS", TIMELINE_JS));
            return new TimelinePage(site, root, title, self, filters, knowledge.years(releases), releases.size(),
                    chart.svg("chart", l.chartTitle(), l.chartDescription(), legend), rows, exports);
        }
    }
}
