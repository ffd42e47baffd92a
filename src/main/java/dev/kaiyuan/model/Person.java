package dev.kaiyuan.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A person the news talks about. {@code organization} is an organization id. */
public record Person(String id, String name, String role, Optional<String> organization, List<String> aliases,
        SourceRef where) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organization, "organization");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(where, "where");
    }

    public EntityId entityId() {
        return new EntityId(EntityKind.PERSON, id);
    }
}
