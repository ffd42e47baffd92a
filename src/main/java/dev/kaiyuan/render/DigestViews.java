package dev.kaiyuan.render;

import dev.kaiyuan.config.SiteConfig;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import dev.kaiyuan.model.TagGroup;
import dev.kaiyuan.model.WeekIssue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The digest's list pages as view records: the home page in pages of weekly issues, one page per
 * issue, the archive by year and month, the tag index and each tag's pages. Paths: {@code index.html},
 * {@code page/2/index.html}, {@code issues/2025-w34/index.html}, {@code archive/index.html},
 * {@code archive/2025/08/index.html},
 * {@code tags/index.html}, {@code tags/<slug>/index.html}, {@code tags/<slug>/page/2/index.html}.
 */
final class DigestViews {
    /**
     * The template that renders a view, the site path it is written to, how to make the view (made
     * when the page is rendered, on the renderer's threads, and let go after) and, when known, a
     * key of everything the view is made from ({@link PageMemo#keptUnbuilt}).
     */
    record Placed(String template, String path, Supplier<Object> view, Supplier<Optional<String>> inputs) {
        Placed(String template, String path, Supplier<Object> view) {
            this(template, path, view, Optional::empty);
        }
    }

    /**
     * A key of what a list of articles shows of them: each article's path and a key that changes
     * whenever the article could have (see {@link PageMemo#articleKey}); empty when an article has
     * none. A card is made of its article alone ({@link PageRenderer#card}), and so is the date
     * span of a page of them.
     */
    interface ListKeys {
        Optional<String> of(List<Article> articles);
    }


    private final SiteModel site;
    private final SiteView siteView;
    private final int pageSize;
    private final String lang;
    private final ArticleCards cards;
    private final ListKeys keys;
    /** A key of the site-wide view (title, language, labels), which every page shows. */
    private final String siteKey;

    /**
     * @param keys    keys of the articles a list shows, for pages kept without building their view
     * @param siteKey a key of {@code siteView}
     */
    DigestViews(SiteModel site, SiteView siteView, SiteConfig config, ArticleCards cards, ListKeys keys,
            String siteKey) {
        this.site = site;
        this.cards = cards;
        this.siteView = siteView;
        this.pageSize = config.pageSize();
        this.lang = config.language();
        this.keys = keys;
        this.siteKey = siteKey;
    }

    /**
     * The key of a list page's view: the site-wide view's key, the page's own values (its links
     * among them), each after its length so that no two lists of values give one key, and the key
     * of the articles it shows; empty when an article has no key. The template and the page's path
     * are added by the memo.
     */
    Optional<String> inputs(List<Article> shown, String... values) {
        return keys.of(shown).map(articles -> {
            StringBuilder key = new StringBuilder(siteKey).append('\n');
            for (String value : values) {
                key.append(value.length()).append(':').append(value).append('\n');
            }
            return key.append(articles).toString();
        });
    }

    /** The key of an issue as {@link #issue} shows it: its week (the label, dates and path follow) and articles. */
    private Optional<String> issueInputs(WeekIssue w) {
        return keys.of(w.articles()).map(articles -> w.id() + "\n" + w.path() + "\n" + articles);
    }

    static String homePath(int page) {
        return page == 1 ? "index.html" : "page/" + page + "/index.html";
    }

    /** Home pages: issues fill a page up to the page size in articles, but an issue is never split. */
    List<Placed> home() {
        List<List<WeekIssue>> pages = new ArrayList<>();
        List<WeekIssue> current = new ArrayList<>();
        int count = 0;
        for (WeekIssue issue : site.issues()) {
            if (!current.isEmpty() && count + issue.articles().size() > pageSize) {
                pages.add(current);
                current = new ArrayList<>();
                count = 0;
            }
            current.add(issue);
            count += issue.articles().size();
        }
        if (!current.isEmpty() || pages.isEmpty()) {
            pages.add(current);
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            int page = i + 1;
            Pager pager = new Pager(page + " / " + pages.size(), page > 1 ? homePath(page - 1) : "",
                    page < pages.size() ? homePath(page + 1) : "");
            List<WeekIssue> issues = pages.get(i);
            String root = page == 1 ? "" : "../../";
            List<Article> undated = page == 1 ? site.undated() : List.of();
            placed.add(new Placed("index", homePath(page), () -> new HomePage(siteView, root,
                    issues.stream().map(this::issue).toList(), cards.of(undated), pager),
                    () -> homeInputs(root, issues, undated, pager)));
        }
        return placed;
    }

    private Optional<String> homeInputs(String root, List<WeekIssue> issues, List<Article> undated, Pager pager) {
        StringBuilder all = new StringBuilder();
        for (WeekIssue issue : issues) {
            Optional<String> one = issueInputs(issue);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            all.append(one.get()).append("\n");
        }
        return inputs(undated, root, pager.position(), pager.previousUrl(), pager.nextUrl(), all.toString());
    }

    List<Placed> issuePages() {
        List<Placed> placed = new ArrayList<>();
        List<WeekIssue> issues = site.issues();
        for (int i = 0; i < issues.size(); i++) {
            String newer = i > 0 ? issues.get(i - 1).path() : "";
            String older = i + 1 < issues.size() ? issues.get(i + 1).path() : "";
            WeekIssue issue = issues.get(i);
            placed.add(new Placed("issue", issue.path(), () -> new IssuePage(siteView, "../../", issue(issue),
                    older, newer), () -> issueInputs(issue).flatMap(one -> inputs(List.of(), older, newer, one))));
        }
        return placed;
    }

    IssueView issue(WeekIssue w) {
        return new IssueView(w.id(), issueLabel(w), dateRange(w.monday(), w.sunday()), w.path(),
                cards.of(w.articles()));
    }

    private String issueLabel(WeekIssue w) {
        return lang.startsWith("zh") ? w.weekYear() + "年第" + w.week() + "周"
                : "Week " + w.week() + ", " + w.weekYear();
    }

    /** "18–24 August 2025", "28 July – 3 August 2025", "2025年8月18日至24日"; one day: "18 August 2025". */
    private String dateRange(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return lang.startsWith("zh") ? from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日"
                    : DateDisplay.englishDay(from);
        }
        if (lang.startsWith("zh")) {
            String end = from.getMonth() == to.getMonth() ? to.getDayOfMonth() + "日"
                    : (from.getYear() == to.getYear() ? "" : to.getYear() + "年") + to.getMonthValue() + "月"
                            + to.getDayOfMonth() + "日";
            return from.getYear() + "年" + from.getMonthValue() + "月" + from.getDayOfMonth() + "日至" + end;
        }
        if (from.getMonth() == to.getMonth()) {
            return from.getDayOfMonth() + "–" + DateDisplay.englishDay(to);
        }
        String start = from.getYear() == to.getYear() ? DateDisplay.englishDayAndMonth(from)
                : DateDisplay.englishDay(from);
        return start + " – " + DateDisplay.englishDay(to);
    }

    /**
     * The archive: its front page ({@code archive/index.html}: every year with its months and how
     * many articles each has, the undated articles, every weekly issue) and a page per month,
     * {@code archive/2025/08/index.html}, its articles newest first. A new article changes its
     * month's page and the front page only; one page of every article was 2 MB at 10,000 articles,
     * all of it made and written again for each article added.
     */
    List<Placed> archive() {
        Map<String, List<Article>> months = new LinkedHashMap<>();
        for (Article a : site.dated()) {
            months.computeIfAbsent(monthId(a.date().orElseThrow().day()), k -> new ArrayList<>()).add(a);
        }
        List<Placed> placed = new ArrayList<>();
        placed.add(new Placed("archive", "archive/index.html", () -> archivePage(months)));
        List<String> ids = List.copyOf(months.keySet());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            List<Article> articles = months.get(id);
            String newer = i > 0 ? monthPath(ids.get(i - 1)) : "";
            String older = i + 1 < ids.size() ? monthPath(ids.get(i + 1)) : "";
            placed.add(new Placed("archive-month", monthPath(id), () -> new ArchiveMonthPage(siteView, "../../../",
                    id, monthLabel(id), cards.of(articles), older, newer), () -> inputs(articles, id, older, newer)));
        }
        return placed;
    }

    private ArchivePage archivePage(Map<String, List<Article>> months) {
        Map<String, List<ArchiveMonth>> years = new LinkedHashMap<>();
        months.forEach((id, articles) -> years.computeIfAbsent(yearOf(id), y -> new ArrayList<>())
                .add(new ArchiveMonth(id, monthLabel(id), monthPath(id), articles.size())));
        List<ArchiveYear> view = new ArrayList<>();
        years.forEach((year, inYear) -> view.add(new ArchiveYear(year, inYear)));
        return new ArchivePage(siteView, "../", view, cards.of(site.undated()), site.issues().stream()
                .map(w -> new IssueLink(w.id(), issueLabel(w), dateRange(w.monday(), w.sunday()), w.path()))
                .toList());
    }

    /** {@code archive/2025/08/index.html} for the month {@code 2025-08}. */
    static String monthPath(String monthId) {
        int dash = monthId.lastIndexOf('-');
        return "archive/" + monthId.substring(0, dash) + "/" + monthId.substring(dash + 1) + "/index.html";
    }

    /** The year of a month id: {@code 2025} of {@code 2025-08}. */
    private static String yearOf(String monthId) {
        return monthId.substring(0, monthId.lastIndexOf('-'));
    }

    /** {@code 2025-08}: the year in at least four digits, the month in two. */
    static String monthId(LocalDate d) {
        int year = d.getYear();
        int month = d.getMonthValue();
        return year >= 1000 && year <= 9999 ? year + (month < 10 ? "-0" : "-") + month
                : String.format(Locale.ROOT, "%04d-%02d", year, month);
    }

    private String monthLabel(String monthId) {
        return monthLabel(monthId, lang);
    }

    /**
     * "August 2025" / "2025年8月" for the month id {@code 2025-08}, in an interface of language
     * {@code lang}; any year a date may have (a month id is no date {@link LocalDate#parse} reads
     * outside the years 0000-9999).
     */
    static String monthLabel(String monthId, String lang) {
        int dash = monthId.lastIndexOf('-');
        int year = Integer.parseInt(monthId.substring(0, dash));
        int month = Integer.parseInt(monthId.substring(dash + 1));
        return lang.startsWith("zh") ? year + "年" + month + "月"
                : DateDisplay.englishMonthYear(LocalDate.of(year, month, 1));
    }

    Placed tagIndex() {
        return new Placed("tags", "tags/index.html", () -> new TagsPage(siteView, "../", site.tags().stream()
                .map(t -> new TagLink(t.name(), t.path(), t.articles().size())).toList()));
    }

    /**
     * A tag's pages, {@code page_size} articles a page, numbered from the oldest (see {@link #stablePages}).
     */
    List<Placed> tagPages(boolean feeds) {
        List<Placed> placed = new ArrayList<>();
        for (TagGroup tag : site.tags()) {
            List<Article> articles = tag.articles();
            // A tag feed exists only with a base URL and a dated article (Atom entries need a date).
            boolean hasFeed = feeds && articles.stream().anyMatch(a -> a.date().isPresent());
            String feed = hasFeed ? "tags/" + tag.slug() + "/feed.xml" : "";
            placed.addAll(stablePages("tag", tag.path(), articles, pageSize, (root, shown, pager, first) ->
                    new TagPage(siteView, root, tag.name(), cards.of(shown), pager, feed),
                    (root, shown, newer, older, first) -> inputs(shown, root, tag.name(), feed, newer, older)));
        }
        return placed;
    }

    /**
     * The key of what one page of a list of articles is made from besides the site-wide view, as
     * {@link #inputs}: the root, the articles shown and the links to its neighbours (the pager's
     * position is the span of the articles' dates); empty when unknown.
     */
    interface ListPageInputs {
        /** @param first whether this is the list's first page (the one at its own path) */
        Optional<String> of(String root, List<Article> shown, String newer, String older, boolean first);

        ListPageInputs NONE = (root, shown, newer, older, first) -> Optional.empty();
    }

    /** The view of one page of a list of articles. */
    interface ListPage {
        /**
         * @param root  relative path from the page to the site root
         * @param shown the page's articles, newest first
         * @param first whether this is the list's first page (the one at its own path)
         */
        Object view(String root, List<Article> shown, Pager pager, boolean first);
    }

    /**
     * A list of articles, newest first, in pages of {@code size} numbered from the oldest, so that a
     * page, once full, keeps its address and its contents while newer articles arrive: page 1
     * ({@code …/page/1/index.html}) holds the oldest {@code size} articles, page 2 the next, and the
     * first page ({@code first}, a path ending in {@code index.html}) the newest, {@code size} to twice
     * {@code size} less one. Adding a newest article changes the first page only, and every
     * {@code size} articles also adds a numbered page and the link to it from the page before. A
     * deploy then uploads a few pages of the list, not all of them (newest-first numbering shifts
     * every page on each new article). The pager's position is the span of dates the page covers.
     */
    List<Placed> stablePages(String template, String first, List<Article> articles, int size, ListPage page) {
        return stablePages(template, first, articles, size, page, ListPageInputs.NONE);
    }

    /** As {@link #stablePages(String, String, List, int, ListPage)}, each page with its key from {@code inputs}. */
    List<Placed> stablePages(String template, String first, List<Article> articles, int size, ListPage page,
            ListPageInputs inputs) {
        String folder = first.substring(0, first.length() - "index.html".length());
        int depth = (int) first.chars().filter(c -> c == '/').count();
        List<Slice> slices = slices(articles.size(), size);
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            Slice slice = slices.get(i);
            String newer = i > 0 ? pagePath(folder, slices.get(i - 1).number()) : "";
            String older = i + 1 < slices.size() ? pagePath(folder, slices.get(i + 1).number()) : "";
            List<Article> shown = articles.subList(slice.from(), slice.to());
            String root = "../".repeat(slice.number() == 0 ? depth : depth + 2);
            placed.add(new Placed(template, pagePath(folder, slice.number()), () -> page.view(root, shown,
                    new Pager(newer.isEmpty() && older.isEmpty() ? "" : dateSpan(shown), newer, older),
                    slice.number() == 0), () -> inputs.of(root, shown, newer, older, slice.number() == 0)));
        }
        return placed;
    }

    private static String pagePath(String folder, int number) {
        return number == 0 ? folder + "index.html" : folder + "page/" + number + "/index.html";
    }

    /**
     * One page of a list: articles {@code from} (inclusive) to {@code to} of the list, newest first;
     * {@code number} 0 for the list's first page, else the page's number counted from the oldest.
     */
    record Slice(int number, int from, int to) {
    }

    /** A list's pages, newest first, for {@code count} articles and {@code size} articles a page. */
    static List<Slice> slices(int count, int size) {
        int full = count / size;
        if (full <= 1) {
            return List.of(new Slice(0, 0, count));
        }
        List<Slice> slices = new ArrayList<>();
        int first = count - (full - 1) * size;
        slices.add(new Slice(0, 0, first));
        for (int number = full - 1; number >= 1; number--) {
            int to = count - (number - 1) * size;
            slices.add(new Slice(number, to - size, to));
        }
        return slices;
    }

    /** The dates a page of articles spans, as an issue's dates are written; "" when none is dated. */
    private String dateSpan(List<Article> articles) {
        LocalDate newest = null;
        LocalDate oldest = null;
        for (Article a : articles) {
            if (a.date().isPresent()) {
                LocalDate day = a.date().get().day();
                newest = newest == null || day.isAfter(newest) ? day : newest;
                oldest = oldest == null || day.isBefore(oldest) ? day : oldest;
            }
        }
        return newest == null ? "" : dateRange(oldest, newest);
    }

}
