package dev.kaiyuan.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lab, company, investor, university or publication.
 *
 * @param country ISO 3166-1 alpha-2 code of its home country, e.g. {@code CN}, {@code US}
 * @param kind    {@code lab}, {@code company}, {@code investor}, {@code university}, {@code publication}, {@code nonprofit}
 * @param parent  id of the organization it belongs to (Google Brain → Google), if any
 * @param aliases other names in English, Simplified and Traditional Chinese
 */
public record Organization(String id, String name, String country, String kind, Optional<String> parent,
        List<String> aliases, Optional<String> url, SourceRef where) {
    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parent, "parent");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(where, "where");
    }

    public EntityId entityId() {
        return new EntityId(EntityKind.ORGANIZATION, id);
    }
}
