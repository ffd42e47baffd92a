package dev.kaiyuan.render;

import dev.kaiyuan.model.Article;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every article's card, made once per build. The home, issue, archive, tag and entity pages list
 * each article many times over (about 150,000 cards at 10,000 articles, each with two formatted
 * dates); made once, they are also the same instances on every page, which is what lets the build
 * hash a card once rather than once per page. Read-only once made; safe for any number of threads.
 */
final class ArticleCards {
    private final Map<Article, ArticleCard> cards;

    /** Makes the cards of {@code articles}, in parallel. */
    ArticleCards(List<Article> articles) {
        List<ArticleCard> made = articles.parallelStream().map(PageRenderer::card).toList();
        Map<Article, ArticleCard> byArticle = new IdentityHashMap<>(articles.size() * 2);
        for (int i = 0; i < articles.size(); i++) {
            byArticle.put(articles.get(i), made.get(i));
        }
        this.cards = byArticle;
    }

    /** The card of {@code article}: the one made beforehand, or (for an article not among them) a new one. */
    ArticleCard of(Article article) {
        ArticleCard card = cards.get(article);
        return card != null ? card : PageRenderer.card(article);
    }

    List<ArticleCard> of(List<Article> articles) {
        return articles.stream().map(this::of).toList();
    }
}
