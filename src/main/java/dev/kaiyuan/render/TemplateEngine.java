package dev.kaiyuan.render;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

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
        Class<?> type = method.getDeclaringClass();
        if (!type.isRecord() || !type.getPackageName().equals(TemplateEngine.class.getPackageName())) {
            return false;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getAccessor().equals(method)) {
                return true;
            }
        }
        return false;
    }
}
