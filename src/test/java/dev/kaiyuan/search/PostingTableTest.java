package dev.kaiyuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The merge's term table gives every term the posting list a plain map of strings would. */
class PostingTableTest {
    /** Documents' term lines as DocumentTerms keeps them, with escapes, frequencies and colliding hashes. */
    static List<DocumentTerms> documents() {
        // "Aa" and "BB" share String.hashCode; so do "AaAa", "BBBB", "AaBB"; "a\\tb" is escaped.
        List<String> words = new ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "开源", "开源模型", "深度求索",
                "a\\\\tb", "c\\\\\\\\n", "gpt-oss", "x"));
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            words.add("w" + Integer.toString(random.nextInt(10_000_000), 36) + (i % 3 == 0 ? "源" : ""));
        }
        List<DocumentTerms> docs = new ArrayList<>();
        for (int d = 0; d < 1000; d++) {
            StringBuilder lines = new StringBuilder();
            Map<String, Boolean> used = new LinkedHashMap<>();
            for (int t = 0; t < 100; t++) {
                String word = words.get(random.nextInt(t < 6 ? 12 : words.size()));
                if (used.put(word, true) == null) {
                    int n = random.nextInt(4) == 0 ? 2 + random.nextInt(5) : 1;
                    lines.append(word).append(n == 1 ? "" : "\t" + n).append('\n');
                }
            }
            docs.add(DocumentTerms.of(lines.toString(), "", ""));
        }
        return docs;
    }

    @Test
    void postingListsAreThoseOfAPlainMap() {
        List<DocumentTerms> docs = documents();
        PostingTable table = new PostingTable();
        Map<String, StringBuilder> plain = new LinkedHashMap<>();
        for (int doc = 0; doc < docs.size(); doc++) {
            int id = doc;
            docs.get(doc).forEachTermAt((text, from, to, hash, n) -> {
                assertThat(hash).isEqualTo(new String(text, from, to - from).hashCode());
                table.add(text, from, to, hash, id, n);
            });
            docs.get(doc).forEachTerm((term, n) -> {
                StringBuilder list = plain.computeIfAbsent(term, k -> new StringBuilder());
                list.append(list.length() == 0 ? "" : " ").append(id).append(n == 1 ? "" : ":" + n);
            });
        }
        Map<String, String> fromTable = new TreeMap<>();
        table.drainTo(fromTable::put);
        Map<String, String> fromMap = new TreeMap<>();
        plain.forEach((term, list) -> fromMap.put(term, list.toString()));

        assertThat(fromTable).isEqualTo(fromMap).containsKeys("Aa", "BB", "AaBB", "a\\tb", "c\\\\n", "开源");
        // Merged in two runs of documents and joined, the lists are the same.
        PostingTable first = new PostingTable();
        PostingTable second = new PostingTable();
        for (int doc = 0; doc < docs.size(); doc++) {
            int id = doc;
            PostingTable run = doc < 400 ? first : second;
            docs.get(doc).forEachTermAt((text, from, to, hash, n) -> run.add(text, from, to, hash, id, n));
        }
        first.join(second);
        Map<String, String> joined = new TreeMap<>();
        first.drainTo(joined::put);
        assertThat(joined).isEqualTo(fromMap);
        assertThat(fromTable.size()).as("the table grew on the way").isGreaterThan(1 << 15);
        Map<String, String> again = new TreeMap<>();
        table.drainTo(again::put);
        assertThat(again).as("drained").isEmpty();
    }
}
