package dev.kaiyuan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.render.freemarker.FreemarkerEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link TemplateEngineContract} for FreeMarker ({@code .ftlh}), plus FreeMarker's own escape hatches. */
class FreemarkerEngineTest extends TemplateEngineContract {
    @Override
    TemplateEngine engine(List<Path> roots) {
        return new FreemarkerEngine(roots);
    }

    @Override
    protected String source(Template template) {
        return switch (template) {
            case FIELDS -> "${title}|${count}|<#list tags as t>${t};</#list>|${card.title}";
            case UNKNOWN_VARIABLE -> "line one\nline two\n${nope}\n";
            case SYNTAX_ERROR -> "line one\n<#if title>${title</#if>\n";
            case GET_CLASS -> "${card.getClass()}";
            case NON_ACCESSOR -> "${card.hashCode()}";
            case INCLUDE_OUTSIDE -> "<#include \"../secret.ftlh\">";
        };
    }

    @Test
    void apiBuiltInIsDisabled() {
        write(theme, "api", "${tags?api.getClass()}");

        RenderException e = failure("api");

        assertThat(e.template()).isEqualTo("api.ftlh");
        assertThat(e.line()).isEqualTo(1);
    }
}
