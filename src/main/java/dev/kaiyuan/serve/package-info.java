/**
 * {@code kaiyuan serve}: the preview an editor works in all day. It builds the site into memory,
 * serves the latest good build over HTTP (loopback by default), watches {@code seeds/},
 * {@code templates/} and {@code kaiyuan.yaml} and rebuilds after a burst of changes settles, and
 * tells every open page over server-sent events to reload, to swap its stylesheet, or to show the
 * build's errors in an overlay while the last good site stays served. Nothing here is written to
 * disk, and nothing of it reaches the output of {@code kaiyuan build}.
 */
@NullMarked
package dev.kaiyuan.serve;

import org.jspecify.annotations.NullMarked;
