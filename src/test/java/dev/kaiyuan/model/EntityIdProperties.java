package dev.kaiyuan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Entity ids are checked by hand; what they accept must be what the rule's regular expression accepts. */
class EntityIdProperties {
    private static final String RULE = "[a-z0-9]+(?:-[a-z0-9]+)*";

    @Provide
    Arbitrary<String> idLike() {
        // mostly the characters ids are made of, with some that are not
        return Arbitraries.strings().withChars("ab09-").withChars("-").withChars("A_ é.").ofMaxLength(12);
    }

    @Property(tries = 3000)
    void acceptsExactlyWhatTheRuleAccepts(@ForAll("idLike") String id) {
        assertThat(EntityId.isId(id)).as("'%s'", id).isEqualTo(id.matches(RULE));
    }

    @Example
    void theEdges() {
        for (String good : new String[] {"a", "0", "gpt-oss-120b", "qwen3-235b-a22b", "a-b-c"}) {
            assertThat(EntityId.isId(good)).as(good).isTrue();
            assertThat(new EntityId(EntityKind.MODEL, good).id()).isEqualTo(good);
        }
        for (String bad : new String[] {"", "-", "a-", "-a", "a--b", "A", "a_b", "a b", "ä"}) {
            assertThat(EntityId.isId(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new EntityId(EntityKind.MODEL, bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
