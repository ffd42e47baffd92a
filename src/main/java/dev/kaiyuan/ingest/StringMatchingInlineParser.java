package dev.kaiyuan.ingest;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, whose patterns ({@code match}: backticks, the spaces around a link's
 * parts, entities, …) run over the paragraph's text as one {@code String} instead of its
 * {@code BasedSequence}. flexmark 0.64 asks each match for {@code Matcher.toMatchResult()}, which
 * in JDK 17 copies the whole paragraph into a new string, at every code span and every link: a
 * paragraph of n of them cost n copies of itself (one of 80 KB with 20,000 code spans took 57 s
 * to build, and a seed may be 8 MB). The string is made once per paragraph and holds the same
 * characters at the same indexes, so every match is the same, and is returned as the same part
 * of the input.
 */
final class StringMatchingInlineParser extends InlineParserImpl {
    /** The input {@link #text} was made from. */
    private BasedSequence textOf;
    private String text;

    StringMatchingInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
            Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
            List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    /** A parser with {@code options} whose inline parser is this one. */
    static Parser parser(DataHolder options) {
        Parser.Builder builder = Parser.builder(options).customInlineParserFactory(StringMatchingInlineParser::new);
        // flexmark reads reference definitions ([r]: https://…) with the inline parser, but adds
        // that step only when the inline parser is its own
        if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(options)) {
            builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
        }
        return builder.build();
    }

    /** A matcher of {@code re} over the input from the current index, or null at its end. */
    private Matcher find(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        if (textOf != input) {
            // a paragraph outside lists and quotes is copied at once (flexmark's toString() appends it
            // a char at a time: 1 % of a cold build's CPU at 10,000 articles)
            text = MarkdownTree.string(input);
            textOf = input;
        }
        Matcher matcher = re.matcher(text).region(index, text.length());
        return matcher.find() ? matcher : null;
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher matcher = find(re);
        if (matcher == null) {
            return null;
        }
        index = matcher.end();
        return input.subSequence(matcher.start(), matcher.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher matcher = find(re);
        if (matcher == null) {
            return null;
        }
        index = matcher.end();
        BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = matcher.start(i) < 0 ? null : input.subSequence(matcher.start(i), matcher.end(i));
        }
        return groups;
    }
}
