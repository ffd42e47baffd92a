package dev.kaiyuan.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.Gazetteer;
import dev.kaiyuan.model.Organization;
import dev.kaiyuan.model.Person;
import dev.kaiyuan.model.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The tagger's search reads a text's key form as it makes it: it must find exactly what the
 * automaton's own {@code parseText} finds in the key form made first.
 */
class EntityTaggerProperties {
    private static final SourceRef AT = SourceRef.file("seeds/data/test.yaml");

    private static Organization org(String id, String name, String... aliases) {
        return new Organization(id, name, "CN", "company", Optional.empty(), List.of(aliases), Optional.empty(), AT);
    }

    private final EntityTagger tagger = new EntityTagger(new Gazetteer(
            List.of(org("alibaba", "Alibaba", "阿里巴巴", "阿里"), org("meta", "Meta"), org("deepseek", "DeepSeek", "深度求索"),
                    // a supplementary character in an alias (CJK Extension B)
                    org("rare", "𠀀𠀁 Lab"), org("ab", "Ab-Cd"), org("cd", "Cd-Ef")),
            List.of(),
            List.of(new Person("ali-farhadi", "Ali Farhadi", "CEO", Optional.empty(), List.of("阿里·法哈迪"), AT))));

    @Property(tries = 400)
    void theSearchFindsWhatParseTextFindsInTheKeyForm(@ForAll("texts") String text) {
        List<EntityTagger.Hit> expected = new ArrayList<>();
        tagger.automaton.parseText(tagger.keyForm(text),
                (start, end, alias) -> expected.add(new EntityTagger.Hit(start, end, alias)));

        assertThat(tagger.automaton.hits(text, tagger)).isEqualTo(expected);
    }

    /** Pieces of aliases in either script and case, supplementary characters, lone surrogates, NULs. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of("阿里", "巴巴", "阿裏巴巴", "阿里·法哈迪", "法哈迪", "Ali", " Farhadi", "ALIBABA",
                "alibaba", "Meta", "META", "深度求索", "深度", "求索", "DeepSeek", "deepseek", "𠀀", "𠀁", "𠀀𠀁 Lab", " lab",
                "Ab-Cd-Ef", "cd-ef", "\uD800", "\uDC00", "\0", " ", "，", "x", "İ");
        return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
    }
}
