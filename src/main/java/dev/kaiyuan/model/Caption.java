package dev.kaiyuan.model;

import java.util.Objects;

/** A figure caption found in the article, with the place it came from. */
public record Caption(String text, SourceRef where) {
    public Caption {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(where, "where");
    }
}
