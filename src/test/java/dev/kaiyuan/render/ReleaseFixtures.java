package dev.kaiyuan.render;

import dev.kaiyuan.model.DatePrecision;
import dev.kaiyuan.model.ModelRelease;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.model.SourceRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Hand-made organizations and releases for the chart and export tests. */
final class ReleaseFixtures {
    static final SourceRef WHERE = SourceRef.file("seeds/data/models.yaml");

    private ReleaseFixtures() {
    }

    static Organization org(String id, String name, String country) {
        return new Organization(id, name, country, "company", Optional.empty(), List.of(), Optional.empty(),
                SourceRef.file("seeds/data/organizations.yaml"));
    }

    static Map<String, Organization> byId(Organization... orgs) {
        return List.of(orgs).stream().collect(Collectors.toMap(Organization::id, Function.identity()));
    }

    /** A standalone release (its family is its own id) with a day-precise date. */
    static ModelRelease release(String id, String org, String date, String accessibility) {
        return release(id, id, org, date, DatePrecision.DAY, accessibility);
    }

    static ModelRelease release(String id, String name, String org, String date, DatePrecision precision,
            String accessibility) {
        return new ModelRelease(id, name, id, org, Optional.of(LocalDate.parse(date)), precision, accessibility,
                "Apache-2.0", Optional.of("7B"), Optional.empty(), "text", Optional.empty(),
                Optional.of("https://example.org/" + id), "verified", List.of(), WHERE);
    }

    /** A family entry: family equal to its own id, no date, facts left empty. */
    static ModelRelease family(String id, String org) {
        return new ModelRelease(id, id, id, org, Optional.empty(), DatePrecision.DAY, "", "", Optional.empty(),
                Optional.empty(), "", Optional.empty(), Optional.empty(), "verified", List.of(), WHERE);
    }

    /** Announced, never released: no date, but a family. */
    static ModelRelease unreleased(String id, String family, String org) {
        return new ModelRelease(id, id, family, org, Optional.empty(), DatePrecision.DAY, "unreleased", "",
                Optional.empty(), Optional.empty(), "text", Optional.empty(), Optional.empty(),
                "partial: previewed only", List.of(), WHERE);
    }
}
