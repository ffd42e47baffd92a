package dev.kaiyuan.ingest;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Markdown put together from pieces that meet in every order, for properties of what reads it:
 * the renderer's layout between blocks, inline markup inside and across them, and text at the
 * start of lines.
 */
final class MarkdownSamples {
    private MarkdownSamples() {
    }

    static Arbitrary<String> documents() {
        Arbitrary<String> word = Arbitraries.of("word", "开源", "模型", "DeepSeek", "Qwen3", "a", "1.", "2)", "#", "-", "*",
                "_", "`", "~", "[", "]", "(", ")", "<", ">", "&", "!", "\\", "'", "\"", "，", "。", "“", "”", "www.example.com",
                "https://example.com/a?b=1&c=2", "x@example.com", "&amp;", "&copy;", "&#32;", "&#x4E2D;", "&nbsp;", "\\*", "&amp;#x0000041;", "&#00000065;",
                "\t", "  ", "javascript:alert(1)");
        Arbitrary<String> inline = Arbitraries.oneOf(word, word,
                word.map(w -> "*" + w + "*"), word.map(w -> "**" + w + "**"), word.map(w -> "~~" + w + "~~"),
                word.map(w -> "`" + w + "`"), word.map(w -> "[" + w + "](https://example.com/" + w.length() + " \"t " + w + "\")"),
                word.map(w -> "[" + w + "](https://example.com/?q=" + w + "&x=" + w + ")"), word.map(w -> "<https://example.com/" + w + ">"),
                word.map(w -> "![" + w + "](img/" + w.length() + ".png)"), word.map(w -> "![a " + w + "](img/" + w + ".png '" + w + "')"), word.map(w -> "[" + w + "][r]"),
                word.map(w -> "<https://example.com/" + w.length() + ">"), Arbitraries.of(" ", " ", " ", "\n", "  \n", "\\\n"));
        Arbitrary<String> line = inline.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
        Arbitrary<String> paragraph = line.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l));
        Arbitrary<String> block = Arbitraries.oneOf(paragraph, paragraph, paragraph,
                line.map(l -> "# " + l), line.map(l -> "### " + l + " ###"), line.map(l -> l + "\n---"),
                paragraph.map(p -> "- " + p.replace("\n", "\n  ")), paragraph.map(p -> "  * " + p),
                paragraph.map(p -> "1. " + p), paragraph.map(p -> "7) " + p), paragraph.map(p -> "    - " + p),
                paragraph.map(p -> "> " + p.replace("\n", "\n> ")), paragraph.map(p -> "> " + p),
                line.map(l -> "```py x\n" + l + "\n\n  " + l + "\n```"), line.map(l -> "    " + l),
                Arbitraries.of("---", "***", "[r]: https://example.com/r \"R\"", "[r]: javascript:x", "[r]: /a?b&amp;c", ""),
                word.map(w -> "```" + w + "\ncode\n```"), line.map(l -> "| a | " + l + " |\n|---|:-:|\n| " + l + " | b |"),
                line.map(l -> "| " + l + " |\n| --- |\n| x |\n| y | z |\n[" + l + "]"), line.map(l -> "|---|\n| " + l + " |"), word.map(w -> "[r]: /" + w + " '" + w + "'"));
        Arbitrary<String> separated = Combinators.combine(block, Arbitraries.of("\n", "\n\n", "\n\n\n")).as(String::concat);
        return separated.list().ofMinSize(1).ofMaxSize(6).map(blocks -> String.join("", blocks));
    }
}
