package dev.kaiyuan.render;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import dev.kaiyuan.model.Article;
import dev.kaiyuan.model.SiteModel;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of the lists of articles that list pages show ({@link DigestViews.ListKeys}): a hash
 * (XXH3-128, as the memo's own keys) of each listed article's digest, in order; empty when the memo
 * knows no key for one of them. An article's digest is the hash of its path and its key from the
 * memo.
 *
 * <p>Each article's digest is made once per build: an article is listed on about twenty pages (its
 * tags', its issue's, the home page's, the pages of the entities it mentions), and a list hashes
 * sixteen bytes for each. Joined as text, the lists' keys came to a hundred megabytes of strings at
 * 10,000 articles, in a rebuild that kept every list page but a few. Made before the pages are
 * rendered and only read afterwards, so it is safe for the threads that render them.
 */
final class ArticleListKeys implements DigestViews.ListKeys {
    /** An article's digest; {@link #NONE} when the memo knows no key for it. */
    private record Digest(long high, long low) {
    }

    private static final Digest NONE = new Digest(0, 0);

    private final PageMemo memo;
    private final Map<Article, Digest> digests = new IdentityHashMap<>();

    /** @param articles the site's articles, whose digests are made now */
    ArticleListKeys(List<Article> articles, PageMemo memo) {
        this.memo = memo;
        for (Article article : articles) {
            digests.put(article, digest(article));
        }
    }

    @Override
    public Optional<String> of(List<Article> articles) {
        HashStream128 hash = Hashing.xxh3_128().hashStream();
        hash.putInt(articles.size());
        for (Article article : articles) {
            Digest known = digests.get(article);
            // (an article the site's list does not hold by identity is keyed all the same)
            Digest digest = known != null ? known : digest(article);
            if (digest == NONE) {
                return Optional.empty();
            }
            hash.putLong(digest.high()).putLong(digest.low());
        }
        return Optional.of(HexFormat.of().formatHex(hash.get().toByteArray()));
    }

    private Digest digest(Article article) {
        Optional<String> key = memo.articleKey(article);
        if (key.isEmpty()) {
            return NONE;
        }
        HashValue128 value = Hashing.xxh3_128().hashStream().putString(SiteModel.articlePath(article))
                .putString(key.get()).get();
        return new Digest(value.getMostSignificantBits(), value.getLeastSignificantBits());
    }
}
