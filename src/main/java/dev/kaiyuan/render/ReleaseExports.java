package dev.kaiyuan.render;

import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The release data as downloadable files: CSV, JSON, and TimelineJS3 JSON for an interactive
 * timeline. Family entries are left out (they are not releases); releases are sorted by date, then
 * id, undated ones last. Absent values are empty CSV fields and JSON {@code null}s.
 */
public final class ReleaseExports {
    /** The columns of the CSV and the keys of each JSON object, in order. */
    public static final List<String> COLUMNS = List.of("id", "name", "family", "organization",
            "organization_name", "country", "released", "precision", "accessibility", "open_weights", "license",
            "parameters", "active_parameters", "modality", "base_model", "source", "confidence");

    private static final Comparator<ModelRelease> BY_DATE_THEN_ID = Comparator
            .comparing((ModelRelease r) -> r.released().orElse(LocalDate.MAX))
            .thenComparing(ModelRelease::id);

    private ReleaseExports() {
    }

    /**
     * RFC 4180 CSV: a header row, CRLF after every record, and a field in double quotes (inner
     * quotes doubled) when it holds a comma, a double quote, CR or LF. UTF-8 without a byte-order
     * mark is the writer's business.
     */
    public static String csv(List<ModelRelease> releases, Map<String, Organization> orgsById) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (ModelRelease r : sorted(releases)) {
            StringJoiner row = new StringJoiner(",", "", "\r\n");
            for (Json.Member m : fields(r, orgsById)) {
                row.add(csvField(m.value()));
            }
            out.append(row);
        }
        return out.toString();
    }

    /** A JSON array of one object per release, keys in {@link #COLUMNS} order. */
    public static String json(List<ModelRelease> releases, Map<String, Organization> orgsById) {
        List<Json> items = sorted(releases).stream()
                .<Json>map(r -> new Json.Obj(fields(r, orgsById)))
                .toList();
        return Json.write(new Json.Arr(items));
    }

    /**
     * TimelineJS3 data (the JSON format of timeline.knightlab.com): a title slide and one event per
     * dated release, grouped by organization. TimelineJS inserts headlines and texts as HTML, so
     * all texts, including {@code headline} and {@code text}, are taken as plain text and escaped.
     */
    public static String timelineJs(String headline, String text, List<ModelRelease> releases,
            Map<String, Organization> orgsById) {
        Json title = Json.object(Json.member("text", Json.object(
                Json.member("headline", Xml.text(headline)), Json.member("text", Xml.text(text)))));
        List<Json> events = sorted(releases).stream()
                .filter(r -> r.released().isPresent())
                .<Json>map(r -> event(r, orgsById))
                .toList();
        return Json.write(Json.object(Json.member("title", title), Json.member("events", new Json.Arr(events))));
    }

    private static List<ModelRelease> sorted(List<ModelRelease> releases) {
        return releases.stream().filter(r -> !r.isFamily()).sorted(BY_DATE_THEN_ID).toList();
    }

    private static List<Json.Member> fields(ModelRelease r, Map<String, Organization> orgsById) {
        Optional<Organization> org = Optional.ofNullable(orgsById.get(r.organization()));
        Optional<String> family = r.family().equals(r.id()) ? Optional.empty() : Optional.of(r.family());
        return List.of(Json.member("id", r.id()), Json.member("name", r.name()), Json.member("family", family),
                Json.member("organization", r.organization()),
                Json.member("organization_name", org.map(Organization::name)),
                Json.member("country", org.map(Organization::country)),
                Json.member("released", r.released().map(LocalDate::toString)),
                Json.member("precision", r.released().map(d -> lower(r.precision()))),
                Json.member("accessibility", Optional.of(r.accessibility())),
                Json.member("open_weights", new Json.Bool(r.openWeights())),
                Json.member("license", Optional.of(r.license())),
                Json.member("parameters", r.parametersTotal()),
                Json.member("active_parameters", r.parametersActive()),
                Json.member("modality", Optional.of(r.modality())),
                Json.member("base_model", r.baseModel()), Json.member("source", r.sourceUrl()),
                Json.member("confidence", r.confidence()));
    }

    private static String csvField(Json value) {
        String s = value instanceof Json.Str str ? str.value()
                : value instanceof Json.Bool b ? String.valueOf(b.value()) : "";
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static Json event(ModelRelease r, Map<String, Organization> orgsById) {
        Optional<Organization> org = Optional.ofNullable(orgsById.get(r.organization()));
        String group = org.map(Organization::name).orElse(r.organization());
        return Json.object(Json.member("start_date", startDate(r.released().orElseThrow(), r.precision())),
                Json.member("text", Json.object(Json.member("headline", Xml.text(r.name())),
                        Json.member("text", Xml.text(summary(r, org, group))))),
                Json.member("group", Xml.text(group)), Json.member("unique_id", r.id()));
    }

    /** For example {@code OpenAI · US · Apache-2.0 · open weights}; parts not known are left out. */
    private static String summary(ModelRelease r, Optional<Organization> org, String orgName) {
        List<String> parts = new ArrayList<>();
        parts.add(orgName);
        org.map(Organization::country).ifPresent(parts::add);
        if (!r.license().isEmpty()) {
            parts.add(r.license());
        }
        parts.add(r.openWeights() ? "open weights" : "closed weights (" + r.accessibility() + ")");
        return parts.stream().collect(Collectors.joining(" · "));
    }

    /**
     * A TimelineJS3 date: year, month and day as far as the precision goes. TimelineJS has no
     * decade, so a decade is its first year with a {@code display_date} such as {@code 2010s}.
     */
    private static Json startDate(LocalDate day, DatePrecision precision) {
        List<Json.Member> parts = new ArrayList<>();
        int year = precision == DatePrecision.DECADE ? day.getYear() - Math.floorMod(day.getYear(), 10) : day.getYear();
        parts.add(Json.member("year", String.valueOf(year)));
        if (precision == DatePrecision.DAY || precision == DatePrecision.MONTH) {
            parts.add(Json.member("month", String.valueOf(day.getMonthValue())));
        }
        if (precision == DatePrecision.DAY) {
            parts.add(Json.member("day", String.valueOf(day.getDayOfMonth())));
        }
        if (precision == DatePrecision.DECADE) {
            parts.add(Json.member("display_date", year + "s"));
        }
        return new Json.Obj(parts);
    }

    private static String lower(DatePrecision p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
