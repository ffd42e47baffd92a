package dev.kaiyuan.render;

/** One weekly issue's page, with links to the issues before ({@code olderUrl}) and after it. */
public record IssuePage(SiteView site, String root, IssueView issue, String olderUrl, String newerUrl) {
}
