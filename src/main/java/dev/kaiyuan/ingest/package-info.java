/**
 * Reading seeds: decoding bytes, normalising text, front matter and sidecars, and the
 * {@link dev.kaiyuan.ingest.SourceReader}s that turn raw text, Markdown and saved web pages
 * into clean {@link dev.kaiyuan.model.Article}s. Pure per file; problems go to the sink.
 */
@NullMarked
package dev.kaiyuan.ingest;

import org.jspecify.annotations.NullMarked;
