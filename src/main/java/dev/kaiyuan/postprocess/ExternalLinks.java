package dev.kaiyuan.postprocess;

import dev.kaiyuan.postprocess.PageMarkup.Attribute;
import dev.kaiyuan.postprocess.PageMarkup.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Links that leave the site get {@code rel="noopener noreferrer"}: the linked page cannot script
 * the digest's tab, and readers' visits are not announced to the linked site. Protocol-relative
 * links ({@code //host/path}) leave the site too.
 */
public final class ExternalLinks implements HtmlTransform {
    /** An href that may leave the site: {@code (https?:)?//} after optional white space, any case. */
    private static final Pattern LEAVES = Pattern.compile("(?i)^\\s*(https?:)?//");

    @Override
    public boolean mayChange(PageScan page) {
        return page.externalLinkWithoutRel();
    }

    @Override
    public void apply(Document page) {
        for (Element a : page.select("a[href~=" + LEAVES.pattern() + "]")) {
            a.attr("rel", rel(a.attr("rel")));
        }
    }

    /**
     * The same in the page's text: a link without {@code rel} gets one after its last attribute,
     * and one whose {@code rel} lacks a value gets it written again (in double quotes). An article
     * page's body links out, and this spares parsing and writing the whole page for them.
     */
    @Override
    public Optional<List<PageEdit>> edits(String html, List<Token> markup) {
        List<PageEdit> edits = new ArrayList<>();
        for (Token t : markup) {
            Optional<Attribute> href = t.kind() == PageMarkup.Kind.START && t.name().equals("a")
                    ? t.attribute("href") : Optional.empty();
            if (href.isEmpty() || !LEAVES.matcher(href.get().value()).find()) {
                continue;
            }
            Optional<Attribute> rel = t.attribute("rel");
            String value = rel(rel.map(Attribute::value).orElse(""));
            if (rel.isPresent() && value.equals(rel.get().raw())) {
                continue;
            }
            if (value.indexOf('"') >= 0 || value.indexOf('&') >= 0) {
                return Optional.empty();
            }
            edits.add(rel.isPresent()
                    ? new PageEdit(rel.get().from(), rel.get().to(), "rel=\"" + value + '"')
                    : PageEdit.insert(t.attributesEnd(), " rel=\"" + value + '"'));
        }
        return Optional.of(edits);
    }

    /** A rel value with noopener and noreferrer added, each name once, in order. */
    private static String rel(String value) {
        Set<String> rel = new LinkedHashSet<>(Arrays.asList(value.strip().split("\\s+")));
        rel.remove("");
        rel.add("noopener");
        rel.add("noreferrer");
        return String.join(" ", rel);
    }
}
