/**
 * Enrichment: what an article says about the open-model landscape — the knowledge base's
 * entities it mentions ({@link dev.kaiyuan.enrich.EntityTagger}), the dates in its text resolved
 * against its own date ({@link dev.kaiyuan.enrich.DateResolver}), release events and key quotes.
 * Pure per article, given the gazetteer.
 */
@NullMarked
package dev.kaiyuan.enrich;

import org.jspecify.annotations.NullMarked;
