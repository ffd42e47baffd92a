package dev.kaiyuan.render.freemarker;

import dev.kaiyuan.render.PageWriter;
import dev.kaiyuan.render.RenderException;
import dev.kaiyuan.render.TemplateEngine;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * FreeMarker with the settings a static site wants: {@code .ftlh} files auto-escape HTML,
 * errors are rethrown (never written into the page), records are read by component name
 * (incompatibleImprovements 2.3.33+), templates may call nothing but those records' accessors
 * ({@link ViewAccessorPolicy}, as in the Pebble engine), and locale and time zone are fixed so
 * output does not depend on the machine.
 */
public final class FreemarkerEngine implements TemplateEngine {
    private static final String EXTENSION = "ftlh";
    private final Configuration config;

    public FreemarkerEngine(List<Path> templateRoots) {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setTemplateLoader(new PathTemplateLoader(templateRoots));
        config.setDefaultEncoding("UTF-8");
        config.setRecognizeStandardFileExtensions(true);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setLocale(Locale.ROOT);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setNumberFormat("computer");
        config.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setMemberAccessPolicy(new ViewAccessorPolicy());
        config.setObjectWrapper(wrapper.build());
    }

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public String render(String templateName, Object model) throws RenderException {
        String file = templateName + "." + EXTENSION;
        try {
            Template template = config.getTemplate(file);
            PageWriter out = new PageWriter();
            template.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw new RenderException(nameOf(e.getTemplateName(), file), e.getLineNumber(),
                    e.getColumnNumber(), e.getEditorMessage(), e);
        } catch (TemplateException e) {
            throw new RenderException(nameOf(e.getTemplateSourceName(), file), number(e.getLineNumber()),
                    number(e.getColumnNumber()), describe(e), e);
        } catch (IOException e) {
            throw new RenderException(file, 0, 0, "cannot read template: " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            // FreeMarker runs a macro, function or #include by calling itself; the place is lost with the stack
            throw new RenderException(file, 0, 0, RenderException.TOO_DEEP, e);
        }
    }

    private static String nameOf(String reported, String fallback) {
        return reported == null ? fallback : reported;
    }

    private static int number(Integer n) {
        return n == null ? 0 : n;
    }

    /**
     * FreeMarker's first line often ends in ':' and names the culprit only on the next line
     * ("The following has evaluated to null or missing:" / "==> nope"); keep the culprit.
     */
    static String describe(TemplateException e) {
        String first = firstLine(e.getMessageWithoutStackTop());
        String blamed = e.getBlamedExpressionString();
        return first.endsWith(":") && blamed != null && !blamed.isBlank() ? first + " " + blamed : first;
    }

    private static String firstLine(String message) {
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
