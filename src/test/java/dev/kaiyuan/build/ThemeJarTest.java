package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The default theme is left out of the theme's fingerprint only when it comes from the jar the
 * code runs from: a cache is never used by another jar, but a theme in some other jar on the class
 * path could change between builds.
 */
class ThemeJarTest {
    private static final URI CODE = codeLocation();

    private static URI codeLocation() {
        try {
            return Theme.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEntryOfTheCodesOwnJarIsInIt() {
        assertThat(Theme.inJarOf(URI.create("jar:" + CODE + "!/dev/kaiyuan/theme/layout.ftlh"), Theme.class))
                .isTrue();
    }

    @Test
    void anEntryOfAnotherJarOrNoJarEntryIsNot() {
        URI other = Path.of(CODE).resolveSibling("other theme.jar").toUri();
        assertThat(Theme.inJarOf(URI.create("jar:" + other + "!/dev/kaiyuan/theme/layout.ftlh"), Theme.class))
                .isFalse();
        assertThat(Theme.inJarOf(URI.create("jar:" + CODE), Theme.class)).isFalse();
        assertThat(Theme.inJarOf(URI.create("jar:http://example.org/k.jar!/dev/kaiyuan/theme/"), Theme.class))
                .isFalse();
    }
}
