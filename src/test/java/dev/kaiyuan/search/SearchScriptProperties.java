package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.testing.StrictJson;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    /** A shard written as bytes is the shard made as text and encoded, whatever its terms and posting lists. */
    @Property(tries = 300)
    void aShardScriptIsItsTextEncoded(@ForAll("groups") List<Map.Entry<String, List<String>>> groups) {
        assertThat(SearchScript.termScript("1-7", "0123456789abcdef", groups))
                .isEqualTo(SearchScript.termScriptAsText("1-7", "0123456789abcdef", groups));
    }

    @Provide
    Arbitrary<List<Map.Entry<String, List<String>>>> groups() {
        // posting lists are digits, spaces and colons; now and then one of another character takes the text path
        Arbitrary<String> postings = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789 :").ofMinLength(1)
                .ofMaxLength(40), Arbitraries.strings().withChars("0123 é开").ofMinLength(1).ofMaxLength(5));
        Arbitrary<String> term = Arbitraries.strings().withChars('a', 'z', '开', '模', '"', '\\', '<', '\ud800', '\udc00',
                '\u2028', '\n').ofMinLength(1).ofMaxLength(8);
        return Arbitraries.entries(postings, term.list().ofMinSize(1).ofMaxSize(4)).list().ofMaxSize(6);
    }
}
