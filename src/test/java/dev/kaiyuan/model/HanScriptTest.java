package dev.kaiyuan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast paths of {@link HanScript} give what the JDK's script table says, for every code point. */
class HanScriptTest {
    @Test
    void hanIsTheHanScriptForEveryCodePoint() {
        List<String> wrong = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (HanScript.contains(cp) != (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                wrong.add(Integer.toHexString(cp));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(HanScript.contains('々')).isTrue();
        assertThat(HanScript.contains('。')).isFalse();
    }
}
