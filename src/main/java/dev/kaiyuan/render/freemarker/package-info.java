/** The FreeMarker implementation of {@link dev.kaiyuan.render.TemplateEngine} ({@code .ftlh}, auto-escaping). */
@NullMarked
package dev.kaiyuan.render.freemarker;

import org.jspecify.annotations.NullMarked;
