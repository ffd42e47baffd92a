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

    /** Ids as the rule builds them: words of letters and digits joined by single hyphens. */
    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(5);
        return word.list().ofMinSize(1).ofMaxSize(4).map(words -> String.join("-", words));
    }

    /**
     * Strings near ids: their characters, hyphens, and the characters just outside their ranges
     * (/ : ` { @ [ next to 0-9 and a-z, capitals, a full-width digit, a dotless i, an accented letter).
     */
    @Provide
    Arbitrary<String> nearIds() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("--")
                .withChars("/:`{@[AZ１ıé _").ofMaxLength(10);
    }

    @Property(tries = 2000)
    void acceptsEveryId(@ForAll("ids") String id) {
        assertThat(EntityId.isId(id)).as("'%s'", id).isTrue();
        assertThat(id.matches(RULE)).isTrue();
    }

    @Property(tries = 3000)
    void acceptsExactlyWhatTheRuleAccepts(@ForAll("nearIds") String id) {
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
