package dev.kaiyuan.render;

import dev.kaiyuan.render.pebble.PebbleEngine;
import java.nio.file.Path;
import java.util.List;

/** The {@link TemplateEngineContract} for Pebble ({@code .peb}). */
class PebbleEngineTest extends TemplateEngineContract {
    @Override
    TemplateEngine engine(List<Path> roots) {
        return new PebbleEngine(roots);
    }

    @Override
    protected String source(Template template) {
        return switch (template) {
            case FIELDS -> "{{ title }}|{{ count }}|{% for t in tags %}{{ t }};{% endfor %}|{{ card.title }}";
            case UNKNOWN_VARIABLE -> "line one\nline two\n{{ nope }}\n";
            case SYNTAX_ERROR -> "line one\n{% if title %}{{ title }\n";
            case GET_CLASS -> "{{ card.getClass() }}";
            case NON_ACCESSOR -> "{{ card.hashCode() }}";
            case INCLUDE_OUTSIDE -> "{% include \"../secret.peb\" %}";
        };
    }
}
