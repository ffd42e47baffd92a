package dev.kaiyuan.render;

/** A weekly issue as a link to its page: as {@link IssueView}, without its articles. */
public record IssueLink(String id, String label, String dateRange, String url) {
}
