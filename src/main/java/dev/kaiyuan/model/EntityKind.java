package dev.kaiyuan.model;

/** What a knowledge-base entity is; {@link #folder()} is where its pages live in the site. */
public enum EntityKind {
    ORGANIZATION("orgs"),
    MODEL("models"),
    PERSON("people");

    private final String folder;

    EntityKind(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
