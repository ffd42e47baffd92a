package dev.kaiyuan.render;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * The seam between Kaiyuan and a template language. An engine renders a named template
 * (without extension) with one view record as its data model.
 */
public interface TemplateEngine {
    /** File extension of this engine's templates, without the dot. */
    String extension();

    String render(String templateName, Object model) throws RenderException;

    /**
     * The sandbox every engine enforces, so that a theme has the same one in each: a template may
     * call the component accessors of Kaiyuan's view records (the records of this package) and
     * nothing else — no {@code getClass()}, {@code hashCode()} or anything beyond the data model.
     */
    static boolean isViewAccessor(Method method) {
        return viewAccessors(method.getDeclaringClass()).contains(method);
    }

    /**
     * The methods of {@code type} that {@link #isViewAccessor} allows: the component accessors of a
     * view record, none of any other class. For an engine that asks class by class: the JVM makes
     * a record's components anew at each {@code getRecordComponents()}, and asking it for each
     * method of each view record took a one-article build 18 ms of CPU (BENCHMARKS.md,
     * "Thirty-second session").
     */
    static Set<Method> viewAccessors(Class<?> type) {
        if (!type.isRecord() || !type.getPackageName().equals(TemplateEngine.class.getPackageName())) {
            return Set.of();
        }
        RecordComponent[] components = type.getRecordComponents();
        Method[] accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
        }
        return Set.of(accessors);
    }
}
