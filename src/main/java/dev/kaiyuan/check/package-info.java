/**
 * Verifies a written site as a visitor would meet it: every internal link and image reaches a file
 * of the site (and the named element), nothing points outside it or at an absolute local path, and
 * the feeds and the sitemap are well-formed XML whose site URLs exist. Runs after the build, on the
 * output folder on disk, so it checks exactly what will be published. jsoup reads the pages.
 */
@NullMarked
package dev.kaiyuan.check;

import org.jspecify.annotations.NullMarked;
