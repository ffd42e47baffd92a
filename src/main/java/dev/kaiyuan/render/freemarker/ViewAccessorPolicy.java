package dev.kaiyuan.render.freemarker;

import dev.kaiyuan.render.TemplateEngine;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * What a FreeMarker template may call: the component accessors of Kaiyuan's view records and
 * nothing else — no {@code getClass()}, {@code hashCode()}, constructors or fields — by the rule
 * the Pebble engine enforces too ({@link TemplateEngine#isViewAccessor}), so a theme has the same
 * sandbox in both engines. FreeMarker's default policy blocks only a list of known-dangerous
 * members and lets {@code getClass()} through.
 */
final class ViewAccessorPolicy implements MemberAccessPolicy {
    /** FreeMarker asks once per class it introspects, then member by member. */
    @Override
    public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
        Set<Method> accessors = TemplateEngine.viewAccessors(contextClass);
        return new ClassMemberAccessPolicy() {
            @Override
            public boolean isMethodExposed(Method method) {
                return accessors.contains(method);
            }

            @Override
            public boolean isConstructorExposed(Constructor<?> constructor) {
                return false;
            }

            @Override
            public boolean isFieldExposed(Field field) {
                return false;
            }
        };
    }

    /** Printing a value uses its text, as in Pebble; toString of a view record reveals nothing more. */
    @Override
    public boolean isToStringAlwaysExposed() {
        return true;
    }
}
