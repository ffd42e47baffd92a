package dev.kaiyuan.render;

/**
 * Lets a build reuse a page an earlier build rendered: the {@link PageRenderer} asks the memo for
 * each page, and the memo either returns the HTML it kept for the same path, template and an equal
 * view record, or renders afresh. View records have value equality, so an equal view with the same
 * template set gives the same HTML; a memo that cannot tell renders afresh. {@link #NONE} always
 * renders.
 */
@FunctionalInterface
public interface PageMemo {
    PageMemo NONE = (path, template, view, fresh) -> fresh.render();

    /**
     * @param fresh renders the page with the engine; called unless the memo holds the page
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

    /** Renders one page with the engine. */
    @FunctionalInterface
    interface Fresh {
        String render() throws RenderException;
    }
}
