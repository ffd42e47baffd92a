package dev.kaiyuan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast paths in {@link Cjk} must agree with the JDK's script table on every code point. */
class CjkTest {
    @Test
    void fastPathsAgreeWithTheScriptTableOnEveryCodePoint() {
        List<String> disagreements = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            boolean han = s == Character.UnicodeScript.HAN;
            boolean kana = s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
            boolean letter = han || kana || s == Character.UnicodeScript.HANGUL;
            if (Cjk.isKana(cp) != kana || Cjk.isCjkLetter(cp) != letter) {
                disagreements.add(Integer.toHexString(cp));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void softBreaksBetweenChineseCharactersVanishAndOthersStay() {
        assertThat(MarkdownReader.joinCjkLines("<p>开源\n模型</p>")).isEqualTo("<p>开源模型</p>");
        assertThat(MarkdownReader.joinCjkLines("<p>说：\n“开源”\n（注）</p>")).isEqualTo("<p>说：“开源”（注）</p>");
        assertThat(MarkdownReader.joinCjkLines("<p>open\nsource 开源\nmodel</p>")).isEqualTo("<p>open\nsource 开源\nmodel</p>");
        assertThat(MarkdownReader.joinCjkLines("<p>开源\n\n模型</p>\n<p>𠀀\n𠀁</p>")).isEqualTo("<p>开源\n\n模型</p>\n<p>𠀀𠀁</p>");
        assertThat(MarkdownReader.joinCjkLines("\n开\n")).isEqualTo("\n开\n");
    }
}
