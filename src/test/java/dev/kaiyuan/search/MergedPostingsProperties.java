package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Issue #7: an index merged onto the postings a last build kept of its first part (cut where the
 * documents first differ) is the index a build without them makes, whatever changed: articles
 * added at the end or near it, edited, deleted. Sites of {@link #BASE} documents and more, so that
 * the index is in two parts ({@link SearchIndex#tailStart}) and the first part's postings are kept.
 */
class MergedPostingsProperties {
    /** Documents every site here begins with: enough for two parts. */
    static final int BASE = 8 * SearchIndex.MIN_BLOCK;
    private static final SearchTokenizer TOKENIZER = new SearchTokenizer(SearchFold.icu(),
            List.of("deepseek", "gpt-oss", "qwen3", "深度求索"));
    private static final List<String> TEXTS = List.of("DeepSeek R1 is open.", "深度求索開源了模型。",
            "Qwen3 发布，gpt-oss 也开源。", "Llama 4 weights, again", "開放權重的模型與資料", "gpt-oss 120b and 20b",
            "阿里云 通义千问 Qwen3", "𠀋 a rare character");

    /** What is done to the documents between the two builds. */
    enum Change {
        APPEND, INSERT, DELETE, EDIT, NONE
    }

    /** A memo that keeps every document's terms and hands on, then keeps, merged postings. */
    static final class Memo implements TermsMemo {
        Optional<MergedPostings> before;
        MergedPostings after;

        Memo(Optional<MergedPostings> before) {
            this.before = before;
        }

        @Override
        public DocumentTerms terms(SearchDocument doc, Supplier<DocumentTerms> fresh) {
            return fresh.get();
        }

        @Override
        public Optional<MergedPostings> merged() {
            return before;
        }

        @Override
        public boolean keepsMerged() {
            return true;
        }

        @Override
        public void keepMerged(MergedPostings postings) {
            after = postings;
        }
    }

    static SearchDocument doc(int id, int content) {
        String text = TEXTS.get(content % TEXTS.size()) + "\n" + TEXTS.get((content / 3 + 1) % TEXTS.size());
        return new SearchDocument("d" + id + "/", TEXTS.get((content + 2) % TEXTS.size()), "", "zh-Hans", text);
    }

    /** {@link #BASE} documents, one of each content in turn. */
    static List<SearchDocument> base() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < BASE; i++) {
            docs.add(doc(i, i));
        }
        return docs;
    }

    /** A memo that has kept what a build of {@code docs} merged. */
    static Memo kept(List<SearchDocument> docs) {
        Memo last = new Memo(Optional.empty());
        SearchIndex.build(docs, TOKENIZER, last);
        return last;
    }

    /** The index script, then each part's documents script and its shard scripts, each shard after its path. */
    static String everything(SearchIndex index) {
        StringBuilder all = new StringBuilder(SearchScript.write(index));
        for (int p = 0; p < index.parts().size(); p++) {
            all.append(new String(SearchScript.docsScript(index, p), java.nio.charset.StandardCharsets.UTF_8));
        }
        SearchScript.termScripts(index, (path, bytes) -> all.append(path).append(new String(bytes,
                java.nio.charset.StandardCharsets.UTF_8)));
        return all.toString();
    }

    /** The postings as a map from term to list, whatever order they are kept in. */
    static Map<String, String> lists(MergedPostings postings) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < postings.terms().size(); i++) {
            map.put(postings.terms().get(i), postings.lists().get(i));
        }
        return map;
    }

    @Property(tries = 200)
    void anIndexMergedOntoKeptPostingsIsTheIndexOfAColdBuild(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 40) Integer> contents,
            @ForAll Change change, @ForAll @IntRange(min = 0, max = 100) int where,
            @ForAll @IntRange(min = 1, max = 3) int howMany) {
        List<SearchDocument> first = new ArrayList<>();
        for (int i = 0; i < BASE; i++) {
            first.add(doc(i, i * 7));
        }
        for (int i = 0; i < contents.size(); i++) {
            first.add(doc(BASE + i, contents.get(i)));
        }
        List<SearchDocument> second = new ArrayList<>(first);
        // mostly among the last documents, sometimes anywhere
        int at = where > 80 ? (where - 81) * first.size() / 20 : BASE + where * contents.size() / 81;
        switch (change) {
            case APPEND -> {
                for (int i = 0; i < howMany; i++) {
                    second.add(doc(1000 + i, where + i));
                }
            }
            case INSERT -> second.add(at, doc(1000, where));
            case DELETE -> second.remove(at);
            case EDIT -> second.set(at, doc(at, (at < BASE ? at * 7 : contents.get(at - BASE)) + 1));
            case NONE -> { }
        }
        Memo last = new Memo(Optional.empty());
        SearchIndex.build(first, TOKENIZER, last);
        Memo next = new Memo(Optional.of(last.after));
        Memo cold = new Memo(Optional.empty());

        String rebuilt = everything(SearchIndex.build(second, TOKENIZER, next));

        assertThat(rebuilt).isEqualTo(everything(SearchIndex.build(second, TOKENIZER, cold)))
                .isEqualTo(everything(SearchIndex.build(second, TOKENIZER)));
        assertThat(next.after.docs()).isEqualTo(cold.after.docs());
        assertThat(lists(next.after)).isEqualTo(lists(cold.after));
        assertThat(next.after.names()).isEqualTo(cold.after.names());
        assertThat(next.after.han()).isEqualTo(cold.after.han());
        assertThat(next.after.hanFirst()).isEqualTo(cold.after.hanFirst());
        if (change == Change.NONE) {
            assertThat(next.after).as("kept as it was").isSameAs(last.after);
        }
    }

    /**
     * Enough documents for the merge to run in several runs onto the kept postings, several changes
     * at once (an edit, documents gone from the end, many added), and a third build onto the
     * second's kept postings (from a review of this code).
     */
    @Property(tries = 60)
    void keptPostingsHoldOverSeveralRunsAndBuilds(@ForAll @IntRange(min = 130, max = 420) int size,
            @ForAll @IntRange(min = 0, max = 100) int where, @ForAll @IntRange(min = 0, max = 200) int added,
            @ForAll @IntRange(min = 0, max = 40) int removedAtEnd, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<SearchDocument> first = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            first.add(doc(i, random.nextInt(1000)));
        }
        List<SearchDocument> second = new ArrayList<>(first.subList(0, size - removedAtEnd));
        int at = where * second.size() / 101;
        second.set(at, doc(at, 5000 + random.nextInt(1000)));
        for (int i = 0; i < added; i++) {
            second.add(doc(1000 + i, random.nextInt(1000)));
        }
        Memo last = new Memo(Optional.empty());
        SearchIndex.build(first, TOKENIZER, last);
        Memo next = new Memo(Optional.of(last.after));
        Memo cold = new Memo(Optional.empty());

        assertThat(everything(SearchIndex.build(second, TOKENIZER, next)))
                .isEqualTo(everything(SearchIndex.build(second, TOKENIZER, cold)));
        assertThat(next.after == null).as("kept when two parts").isEqualTo(cold.after == null)
                .isEqualTo(SearchIndex.tailStart(second.size()) == 0);
        if (cold.after != null) {
            assertThat(lists(next.after)).isEqualTo(lists(cold.after));
            assertThat(next.after.names()).isEqualTo(cold.after.names());
            assertThat(next.after.hanFirst()).isEqualTo(cold.after.hanFirst());
        }
        List<SearchDocument> third = new ArrayList<>(second);
        third.add(doc(9999, 77));
        assertThat(everything(SearchIndex.build(third, TOKENIZER, new Memo(Optional.ofNullable(next.after)))))
                .isEqualTo(everything(SearchIndex.build(third, TOKENIZER)));
    }

    /** Kept postings that cannot be read (a list that is not one) cost only the merge they would save. */
    @Test
    void unreadableKeptPostingsAreMergedAgain() {
        List<SearchDocument> docs = base();
        Memo last = kept(docs);
        List<String> lists = new ArrayList<>(last.after.lists());
        lists.set(0, "not a posting list");
        MergedPostings broken = new MergedPostings(last.after.docs(), last.after.terms(), lists, last.after.names(),
                last.after.han(), last.after.hanFirst(), last.after.shards());
        docs.add(doc(BASE, 5));

        assertThat(everything(SearchIndex.build(docs, TOKENIZER, new Memo(Optional.of(broken)))))
                .isEqualTo(everything(SearchIndex.build(docs, TOKENIZER)));
    }

    /**
     * The kept postings are used, not merged again: a term only they have (as if a document had
     * it) shows in the index; once the documents differ from the start, they are not.
     */
    @Test
    void keptPostingsAreMergedOntoNotMadeAgain() {
        List<SearchDocument> docs = base();
        Memo last = kept(docs);
        MergedPostings kept = last.after;
        List<String> terms = new ArrayList<>(kept.terms());
        List<String> lists = new ArrayList<>(kept.lists());
        terms.add("only-kept");
        lists.add("3");
        MergedPostings marked = new MergedPostings(kept.docs(), terms, lists, kept.names(), kept.han(),
                kept.hanFirst(), kept.shards());
        docs.add(doc(BASE, 5));

        SearchIndex index = SearchIndex.build(docs, TOKENIZER, new Memo(Optional.of(marked)));
        assertThat(index.postings()).containsEntry("only-kept", "3");

        docs.set(0, doc(0, 7));
        SearchIndex changed = SearchIndex.build(docs, TOKENIZER, new Memo(Optional.of(marked)));
        assertThat(changed.postings()).doesNotContainKey("only-kept");
    }

    /**
     * A first part of the same documents as the kept postings is written from them without reading
     * their terms and lists, as long as every one of its shards is kept; a shard to make reads them.
     */
    @Test
    void keptPostingsOfAnUnchangedFirstPartAreReadOnlyForAShardToMake() {
        List<SearchDocument> docs = base();
        Memo last = kept(docs);
        MergedPostings kept = last.after;
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        MergedPostings counted = new MergedPostings(kept.docs(), kept.names(), kept.han(), kept.hanFirst(),
                kept.shards(), MergedPostings.later(() -> {
                    reads.incrementAndGet();
                    return new MergedPostings.Lists(kept.terms(), kept.lists());
                }));
        docs.add(doc(BASE, 5));
        Memo next = new Memo(Optional.of(counted));
        SearchIndex index = SearchIndex.build(docs, TOKENIZER, next);
        List<String> made = new ArrayList<>();
        SearchScript.ShardSink sink = new SearchScript.ShardSink() {
            @Override
            public void made(String path, byte[] script) {
                made.add(path);
            }

            @Override
            public void kept(String path) {
            }
        };

        String script = SearchScript.write(index);
        SearchScript.termScripts(index, (part, path) -> part.from() == 0, sink);
        assertThat(reads).as("not read").hasValue(0);
        assertThat(next.after).as("kept as it was").isSameAs(counted);
        assertThat(made).isNotEmpty().allMatch(path -> path.startsWith(SearchScript.TERMS_FOLDER + "1-"));

        SearchScript.termScripts(index, (part, path) -> false, sink);
        assertThat(reads).as("read once, for the shards to make").hasValue(1);
        assertThat(script + everything(index)).isEqualTo(SearchScript.write(SearchIndex.build(docs, TOKENIZER))
                + everything(SearchIndex.build(docs, TOKENIZER)));
    }

    @Test
    void aListIsCutBeforeTheFirstDocumentItNoLongerHolds() {
        assertThat(PostingTable.before("0 2:3 7", 8)).isEqualTo(7);
        assertThat(PostingTable.before("0 2:3 7", 7)).isEqualTo(5);
        assertThat(PostingTable.before("0 2:3 7", 2)).isEqualTo(1);
        assertThat(PostingTable.before("0 2:3 7", 0)).isZero();
        assertThat(PostingTable.before("5", 6)).isEqualTo(1);
        assertThat(PostingTable.before("5", 5)).isZero();
        assertThat(PostingTable.before("1:2 4", 5)).isEqualTo(5);
        assertThat(PostingTable.before("1:2 4", 2)).isEqualTo(3);
        assertThat(PostingTable.before("1:2 4", 1)).isZero();
        assertThat(PostingTable.before("12:3 40:2", 40)).isEqualTo(4);
    }
}
