package dev.kaiyuan.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSetIterator;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HanVariants} answers as ICU4J's transforms do for one character alone. Its table is made
 * here: when ICU4J is upgraded and this test fails, it has written the new table to
 * {@code target/han-variants.txt}, to be copied over
 * {@code src/main/resources/dev/kaiyuan/model/han-variants.txt}.
 */
class HanVariantsTest {
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Hant-Hans");
    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Hans-Hant");

    @Test
    void theTableIsTheOneIcuGives() throws IOException {
        String expected = table();
        String kept;
        try (InputStream in = HanVariants.class.getResourceAsStream(HanVariants.TABLE)) {
            assertThat(in).as("the resource " + HanVariants.TABLE).isNotNull();
            kept = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!kept.equals(expected)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", HanVariants.TABLE), expected, StandardCharsets.UTF_8);
        }
        assertThat(kept).as("the table in src/main/resources (the one ICU4J " + VersionInfo.ICU_VERSION
                + " gives is in target/" + HanVariants.TABLE + ")").isEqualTo(expected);
    }

    @Test
    void answersAsIcuForEveryCharacterItsTransformsChange() {
        HanVariants variants = HanVariants.icu();
        int changed = 0;
        for (UnicodeSetIterator it = new UnicodeSetIterator(TO_SIMPLIFIED.getSourceSet()); it.next(); ) {
            if (it.codepoint != UnicodeSetIterator.IS_STRING) {
                assertThat(variants.simplified(it.codepoint)).as("Hant-Hans of U+%X", it.codepoint)
                        .isEqualTo(alone(TO_SIMPLIFIED, it.codepoint));
                changed += variants.simplified(it.codepoint) != it.codepoint ? 1 : 0;
            }
        }
        for (UnicodeSetIterator it = new UnicodeSetIterator(TO_TRADITIONAL.getSourceSet()); it.next(); ) {
            if (it.codepoint != UnicodeSetIterator.IS_STRING) {
                assertThat(variants.traditional(it.codepoint)).as("Hans-Hant of U+%X", it.codepoint)
                        .isEqualTo(alone(TO_TRADITIONAL, it.codepoint));
            }
        }
        assertThat(changed).as("characters Hant-Hans changes").isGreaterThan(2_000);
    }

    @Test
    void foldsTraditionalCharactersAndLeavesOthersAlone() {
        HanVariants variants = HanVariants.icu();
        assertThat(variants.simplified('開')).isEqualTo((int) '开');
        assertThat(variants.simplified('開')).isEqualTo(alone(TO_SIMPLIFIED, '開'));
        assertThat(variants.simplified('开')).isEqualTo((int) '开');
        assertThat(variants.simplified('a')).isEqualTo((int) 'a');
        assertThat(variants.traditional('开')).isEqualTo((int) '開');
        assertThat(variants.traditional('開')).isEqualTo((int) '開');
        // a form beyond the BMP: ICU gives 𫵷 (U+2BD77) for 㠣 (U+3823)
        assertThat(variants.simplified(0x3823)).isEqualTo(0x2BD77);
        assertThat(variants.traditionalsOf(0x2BD77)).containsExactly(0x3823);
        assertThat(variants.simplified(-1)).isEqualTo(-1);
    }

    @Test
    void givesEveryTraditionalCharacterOfASimplifiedOne() {
        HanVariants variants = HanVariants.icu();
        assertThat(variants.traditionalsOf('开')).containsExactly('開');
        int[] ofGan = variants.traditionalsOf('干');
        assertThat(ofGan).hasSizeGreaterThan(1).isSorted();
        for (int t : ofGan) {
            assertThat(alone(TO_SIMPLIFIED, t)).isEqualTo((int) '干');
        }
        assertThat(variants.traditionalsOf('a')).isEmpty();
        // a copy: the caller cannot change the table
        variants.traditionalsOf('干')[0] = 'x';
        assertThat(variants.traditionalsOf('干')).containsExactly(ofGan);
    }

    /** The table as ICU4J's transforms give it: the characters each changes when given alone, in code point order. */
    static String table() {
        StringBuilder out = new StringBuilder()
                .append("# What ICU4J ").append(VersionInfo.ICU_VERSION).append("'s Hant-Hans (S) and Hans-Hant (T) make of\n")
                .append("# each character they change, given alone. Made by HanVariantsTest; do not edit.\n");
        append(out, 'S', TO_SIMPLIFIED);
        append(out, 'T', TO_TRADITIONAL);
        return out.toString();
    }

    private static void append(StringBuilder out, char tag, Transliterator transform) {
        List<String> lines = new ArrayList<>();
        for (UnicodeSetIterator it = new UnicodeSetIterator(transform.getSourceSet()); it.next(); ) {
            if (it.codepoint == UnicodeSetIterator.IS_STRING) {
                continue;
            }
            int to = alone(transform, it.codepoint);
            if (to != it.codepoint) {
                lines.add(tag + " " + Character.toString(it.codepoint) + Character.toString(to));
            }
        }
        lines.forEach(line -> out.append(line).append('\n'));
    }

    /** The transform of one character; fails unless it is one character (what the table can hold). */
    private static int alone(Transliterator transform, int cp) {
        String s = transform.transliterate(Character.toString(cp));
        assertThat(s.codePointCount(0, s.length())).as("%s of U+%X is one character", transform.getID(), cp)
                .isEqualTo(1);
        return s.codePointAt(0);
    }
}
