package dev.kaiyuan.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class SlugsProperties {
    private final Slugs slugs = new Slugs();

    @Property
    void slugsAreUrlSafeAndNeverClimbOutOfTheSite(@ForAll String raw) {
        String slug = slugs.slugify(raw);
        assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*|");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
    }

    @Property
    void slugsAreStable(@ForAll String raw) {
        String slug = slugs.slugify(raw);
        assertThat(slugs.slugify(slug)).isEqualTo(slug);
    }

    /** The quick check for a clean slug says yes exactly when the rules would give the (non-empty) text back. */
    @Property(tries = 2000)
    void aCleanSlugIsKnownWithoutTheRules(@ForAll @Chars({'a', 'z', '0', '9', '-', 'A', ' ', '开'})
            @StringLength(max = 90) String text) {
        assertThat(Slugs.isSlug(text)).isEqualTo(!text.isEmpty() && slugs.slugifyAnew(text).equals(text));
        assertThat(slugs.slugify(text)).isEqualTo(slugs.slugifyAnew(text));
    }

    @Example
    void chineseIsRomanised() {
        assertThat(slugs.slugify("开源模型")).isEqualTo("kai-yuan-mo-xing");
        assertThat(slugs.slugify("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(slugs.slugify("DeepSeek-R1 發布")).isEqualTo("deepseek-r1-fa-bu");
    }
}
