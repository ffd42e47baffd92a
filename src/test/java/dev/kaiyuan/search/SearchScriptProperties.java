package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.testing.StrictJson;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

/** Any text quoted for a search script reads back as itself and cannot end the script or its string. */
class SearchScriptProperties {

    @Property
    void quotedTextReadsBackUnchanged(@ForAll String text) {
        String quoted = SearchScript.quote(text, new StringBuilder()).toString();

        assertThat(StrictJson.parse(quoted)).isEqualTo(text);
        assertThat(quoted).doesNotContain("<", "\u2028", "\u2029").doesNotContainPattern("[\\x00-\\x1f]");
    }

    /** Text made of the characters that need care: quotes, backslashes, controls, separators, surrogates, markup. */
    @Property
    void awkwardTextReadsBackUnchanged(@ForAll @Chars({'"', '\\', '\n', '\t', '\u0000', '<', '/', '\u2028', '\u2029',
            '\ud800', '\udc00', 'a', '开'}) @CharRange(from = '\ud840', to = '\ud841') String text) {
        String quoted = SearchScript.quote(text, new StringBuilder()).toString();

        assertThat(StrictJson.parse(quoted)).isEqualTo(text);
        assertThat(quoted).doesNotContain("</", "\u2028", "\u2029");
    }
}
