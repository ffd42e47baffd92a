/**
 * Rendering: view records handed to templates and the {@link dev.kaiyuan.render.TemplateEngine}
 * seam. Templates see only these records, never the domain model, so every engine gets the
 * same data and a theme can switch engines without guessing.
 */
@NullMarked
package dev.kaiyuan.render;

import org.jspecify.annotations.NullMarked;
