package dev.kaiyuan.model;

import java.util.List;

/** The knowledge base: organizations, models (releases and families) and people, sorted by id. */
public record Gazetteer(List<Organization> organizations, List<ModelRelease> models, List<Person> people) {
    public static final Gazetteer EMPTY = new Gazetteer(List.of(), List.of(), List.of());

    public Gazetteer {
        organizations = List.copyOf(organizations);
        models = List.copyOf(models);
        people = List.copyOf(people);
    }
}
