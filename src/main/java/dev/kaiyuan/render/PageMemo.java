package dev.kaiyuan.render;

import dev.kaiyuan.model.Article;
import java.util.Optional;

/**
 * Lets a build reuse a page an earlier build made: the {@link PageRenderer} asks the memo for each
 * page whether it keeps the finished page from the earlier build ({@link #keptUnbuilt}, {@link
 * #kept}: the same template and a view that hashes the same, or the same inputs to the view), and
 * otherwise has it render the page ({@link #render}). A memo that cannot tell keeps nothing.
 * {@link #NONE} always renders.
 */
@FunctionalInterface
public interface PageMemo {
    PageMemo NONE = (path, template, view, fresh) -> fresh.render();

    /**
     * @param fresh renders the page with the engine
     * @return the page's HTML, before post-processing
     */
    String render(String path, String template, Object view, Fresh fresh) throws RenderException;

    /**
     * True when the memo keeps the finished page an earlier build made from this template and an
     * equal view (it has put that page into the new site itself): the page is then neither rendered
     * nor handed on with HTML. Asked before {@link #render}; the default keeps nothing.
     */
    default boolean kept(String path, String template, Object view) {
        return false;
    }

    /**
     * A key that changes whenever what {@code article}'s page shows of it could have changed — the
     * article or its enrichment (say, a hash of its seed's bytes and of the knowledge base) — or
     * empty when the memo cannot tell. With one, an unchanged article's page can be kept without
     * even building its view ({@link #keptUnbuilt}). The default knows none.
     */
    default Optional<String> articleKey(Article article) {
        return Optional.empty();
    }

    /**
     * As {@link #kept}, for a page whose view is not built: {@code inputs} stands for everything the
     * view would be made from (see {@link #articleKey}), and takes the view's place in the memo.
     * When false, the page is rendered without asking {@link #kept}.
     */
    default boolean keptUnbuilt(String path, String template, String inputs) {
        return false;
    }

    /** Renders one page with the engine. */
    @FunctionalInterface
    interface Fresh {
        String render() throws RenderException;
    }
}
