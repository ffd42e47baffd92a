package dev.kaiyuan.render;

/**
 * The seam between Kaiyuan and a template language. An engine renders a named template
 * (without extension) with one view record as its data model.
 */
public interface TemplateEngine {
    /** File extension of this engine's templates, without the dot. */
    String extension();

    String render(String templateName, Object model) throws RenderException;
}
