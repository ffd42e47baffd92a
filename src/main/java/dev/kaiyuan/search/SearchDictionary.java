package dev.kaiyuan.search;

import dev.kaiyuan.model.Gazetteer;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The tokeniser's user dictionary: every name and alias of the knowledge base's organizations,
 * models and people, folded, so a name like {@code gpt-oss-120b} or {@code 深度求索} is one term
 * instead of whatever pieces a word breaker would cut it into. A name with a line break or other
 * control character (never one line of text) is left out: the index separates terms with newlines.
 */
public final class SearchDictionary {
    private SearchDictionary() {
    }

    public static SortedSet<String> of(Gazetteer gazetteer, SearchFold fold) {
        SortedSet<String> names = new TreeSet<>();
        Stream.of(gazetteer.organizations().stream().flatMap(o -> Stream.concat(Stream.of(o.name()), o.aliases().stream())),
                gazetteer.models().stream().flatMap(m -> Stream.concat(Stream.of(m.name()), m.aliases().stream())),
                gazetteer.people().stream().flatMap(p -> Stream.concat(Stream.of(p.name()), p.aliases().stream())))
                .flatMap(s -> s)
                .map(name -> fold.fold(name).strip())
                .filter(name -> !name.isEmpty() && name.chars().noneMatch(c -> c < 0x20))
                .forEach(names::add);
        return names;
    }
}
