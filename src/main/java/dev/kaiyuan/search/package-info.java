/**
 * Search without a server: at build time the articles are tokenised into an inverted index that
 * is written as scripts ({@code search/index.js} and, beside it, the documents, postings and texts
 * it names; see {@link dev.kaiyuan.search.SearchScript}), which the theme's {@code assets/search.js}
 * queries in the browser, from a web server or straight from disk. Both sides tokenise the same
 * way — fold (NFKC, lower case, Traditional → Simplified), the knowledge base's names as a user
 * dictionary, ICU word breaks — except that the index holds Han text as bigrams only, which the
 * browser falls back to for a Chinese word it does not find. The index carries the dictionary and
 * the Traditional → Simplified map it needs, so the browser needs no data of its own.
 */
@NullMarked
package dev.kaiyuan.search;

import org.jspecify.annotations.NullMarked;
