package dev.kaiyuan.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

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

    @Example
    void chineseIsRomanised() {
        assertThat(slugs.slugify("开源模型")).isEqualTo("kai-yuan-mo-xing");
        assertThat(slugs.slugify("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(slugs.slugify("DeepSeek-R1 發布")).isEqualTo("deepseek-r1-fa-bu");
    }
}
