package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Latin word characters' fast paths give what the JDK's script table says, for every character. */
class TokensTest {
    @Test
    void aLatinWordCharacterIsAnAsciiLetterOrDigitOrALatinLetterForEveryUnit() {
        List<String> wrong = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            boolean latin = c < 0x80 ? Character.isLetterOrDigit(c)
                    : Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
            if (Tokens.isLatinWordChar(c) != latin) {
                wrong.add(Integer.toHexString(c));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(Tokens.isLatinWordChar('é')).isTrue();
        assertThat(Tokens.isLatinWordChar('开')).isFalse();
    }
}
