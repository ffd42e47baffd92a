package dev.kaiyuan.render;

/** One labelled fact on an entity page; {@code url} is "" or an external http(s) address. */
public record FactView(String label, String value, String url) {
}
