/**
 * Post-processing of rendered pages: an ordered chain of small
 * {@link dev.kaiyuan.postprocess.HtmlTransform}s. A page's markup is read once
 * ({@link dev.kaiyuan.postprocess.PageMarkup}); a page no transform would change is left as
 * rendered, and where every transform that may change it can work on its text, their
 * {@link dev.kaiyuan.postprocess.PageEdit}s to the page as rendered are made in one pass. Any other
 * page gets one jsoup parse, the chain, and one pinned serialisation.
 */
@NullMarked
package dev.kaiyuan.postprocess;

import org.jspecify.annotations.NullMarked;
