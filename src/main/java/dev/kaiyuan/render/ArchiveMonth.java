package dev.kaiyuan.render;

/**
 * A month on the archive's front page ({@code iso} like {@code 2025-08}): its label, the site path
 * of its page and how many articles it has.
 */
public record ArchiveMonth(String iso, String label, String url, int count) {
}
