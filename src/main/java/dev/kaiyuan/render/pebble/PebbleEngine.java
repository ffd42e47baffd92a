package dev.kaiyuan.render.pebble;

import dev.kaiyuan.render.PageWriter;
import dev.kaiyuan.render.RenderException;
import dev.kaiyuan.render.TemplateEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pebble with the same guarantees as the FreeMarker engine: HTML auto-escaping, strict variables
 * (a misspelt name is an error, not an empty string), a fixed locale, and method access limited
 * to the view records' own accessors — a template cannot call {@code getClass()} or reach
 * anything beyond the data model.
 */
public final class PebbleEngine implements TemplateEngine {
    private final io.pebbletemplates.pebble.PebbleEngine pebble;

    public PebbleEngine(List<Path> templateRoots) {
        pebble = new io.pebbletemplates.pebble.PebbleEngine.Builder()
                .loader(new PathLoader(templateRoots))
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(true)
                .newLineTrimming(true)
                .defaultLocale(Locale.ROOT)
                .methodAccessValidator((target, method) -> TemplateEngine.isViewAccessor(method))
                .build();
    }

    @Override
    public String extension() {
        return "peb";
    }

    @Override
    public String render(String templateName, Object model) throws RenderException {
        String file = templateName + PathLoader.SUFFIX;
        try {
            PebbleTemplate template = pebble.getTemplate(file);
            PageWriter out = new PageWriter();
            template.evaluate(out, context(model));
            return out.toString();
        } catch (PebbleException e) {
            String name = e.getFileName() == null ? file : e.getFileName();
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            throw new RenderException(name, line, 0, e.getPebbleMessage(), e);
        } catch (IOException e) {
            throw new RenderException(file, 0, 0, "cannot write template output: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            // Pebble runs a macro or include by calling itself; the place is lost with the stack
            throw new RenderException(file, 0, 0, RenderException.TOO_DEEP, e);
        }
    }

    /** The view record's components become the template's top-level variables, as in FreeMarker. */
    static Map<String, Object> context(Object model) {
        if (!model.getClass().isRecord()) {
            throw new IllegalArgumentException("view models are records, got " + model.getClass());
        }
        Map<String, Object> context = new LinkedHashMap<>();
        for (RecordComponent c : model.getClass().getRecordComponents()) {
            try {
                context.put(c.getName(), c.getAccessor().invoke(model));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + model.getClass(), e);
            }
        }
        return context;
    }
}
