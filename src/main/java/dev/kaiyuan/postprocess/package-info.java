/**
 * Post-processing of rendered pages: one jsoup parse, an ordered chain of small
 * {@link dev.kaiyuan.postprocess.HtmlTransform}s, one pinned serialisation.
 */
@NullMarked
package dev.kaiyuan.postprocess;

import org.jspecify.annotations.NullMarked;
