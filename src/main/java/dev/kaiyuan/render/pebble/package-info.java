/** The Pebble implementation of {@link dev.kaiyuan.render.TemplateEngine} ({@code .peb}, auto-escaping). */
@NullMarked
package dev.kaiyuan.render.pebble;

import org.jspecify.annotations.NullMarked;
