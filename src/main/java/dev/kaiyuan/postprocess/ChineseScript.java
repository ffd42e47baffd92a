package dev.kaiyuan.postprocess;

import com.ibm.icu.text.Transliterator;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Shows Chinese text in one script: every element marked {@code lang="zh-…"} in the other script
 * has its text converted with ICU ({@code Hant-Hans} or {@code Hans-Hant}) and its {@code lang}
 * updated, so fonts and screen readers follow. Used when the config says {@code chinese: hans}
 * or {@code hant}; the default keeps what the author wrote. Markup, links and code are untouched.
 */
public final class ChineseScript implements HtmlTransform {
    private final String target;
    private final String transliteratorId;

    /** @param target {@code zh-Hans} or {@code zh-Hant} */
    public ChineseScript(String target) {
        this.target = target;
        this.transliteratorId = target.equals("zh-Hant") ? "Hans-Hant" : "Hant-Hans";
    }

    /** Pages are post-processed in parallel; ICU's registry caches the rules, so one instance per page is cheap. */
    @Override
    public void apply(Document page) {
        Transliterator convert = Transliterator.getInstance(transliteratorId);
        // Converting is idempotent, so nested elements converted twice come out the same.
        for (Element e : page.select("[lang^=zh]")) {
            if (!e.attr("lang").equals(target)) {
                NodeTraversor.traverse(convertText(convert), e);
                e.attr("lang", target);
            }
        }
    }

    private static NodeVisitor convertText(Transliterator convert) {
        return (node, depth) -> {
            if (node instanceof TextNode text && !insideCode(text)) {
                text.text(convert.transliterate(text.getWholeText()));
            }
        };
    }

    private static boolean insideCode(TextNode text) {
        Element parent = text.parentElement();
        return parent != null && parent.closest("code, pre, script, style") != null;
    }
}
