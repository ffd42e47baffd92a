package dev.kaiyuan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.model.ArticleBody.Packing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ArticleBodyTest {
    @Property
    void givesBackTheHtmlAndTextItWasMadeOf(@ForAll String html, @ForAll String text, @ForAll Packing packing) {
        ArticleBody body = ArticleBody.of(html, text, packing);

        assertThat(body.packing()).isEqualTo(packing);

        // exactly, a lone surrogate too (UTF-8 would make it '?')
        assertThat(body.html()).isEqualTo(html);
        assertThat(body.text()).isEqualTo(text);
    }

    @Test
    void smallSitesHoldBodiesPlainLargeOnesDeflated() {
        assertThat(Packing.forSite(1)).isEqualTo(Packing.PLAIN);
        assertThat(Packing.forSite(ArticleBody.DEFLATED_FROM - 1)).isEqualTo(Packing.PLAIN);
        assertThat(Packing.forSite(ArticleBody.DEFLATED_FROM)).isEqualTo(Packing.DEFLATED);
        assertThat(Packing.forSite(100_000)).isEqualTo(Packing.DEFLATED);
    }

    @Test
    void theSameHtmlAndTextPackedTwoWaysAreTwoBodies() {
        ArticleBody plain = ArticleBody.of("<p>开源</p>", "开源", Packing.PLAIN);
        ArticleBody deflated = ArticleBody.of("<p>开源</p>", "开源", Packing.DEFLATED);

        assertThat(plain.html()).isEqualTo(deflated.html());
        assertThat(plain).isNotEqualTo(deflated);
        assertThat(plain.key()).isNotEqualTo(deflated.key());
        assertThat(plain.toString()).endsWith("plain]");
    }

    @Test
    void aPlainBodyOfTheWrongLengthIsRefused() {
        byte[] packed = ArticleBody.of("<p>开源</p>", "开源", Packing.PLAIN).packedBytes();

        assertThatThrownBy(() -> new ArticleBody(java.util.Arrays.copyOf(packed, packed.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArticleBody(java.util.Arrays.copyOf(packed, packed.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        packed[0] = 7;
        assertThatThrownBy(() -> new ArticleBody(packed)).isInstanceOf(IllegalArgumentException.class);
        byte[] odd = java.nio.ByteBuffer.allocate(10).put((byte) Packing.PLAIN.ordinal()).putInt(0).putInt(-2).put((byte) 0)
                .array();
        assertThatThrownBy(() -> new ArticleBody(odd)).as("one byte of UTF-16").isInstanceOf(IllegalArgumentException.class);
        odd[8] = -3;
        odd[9] = 0;
        assertThat(new ArticleBody(java.util.Arrays.copyOf(odd, 11)).html()).as("two bytes of UTF-16").isEqualTo("\0");
    }

    /** XXH3-128, the build cache's content key. */
    static byte[] xxh3(byte[] bytes) {
        return com.dynatrace.hash4j.hashing.Hashing.xxh3_128().hashBytesTo128Bits(bytes).toByteArray();
    }

    @Property
    void isEqualExactlyWhenHtmlAndTextAre(@ForAll String html, @ForAll String text, @ForAll String other)
            throws Exception {
        assertThat(ArticleBody.of(html, text)).isEqualTo(ArticleBody.of(html, text))
                .hasSameHashCodeAs(ArticleBody.of(html, text));
        assertThat(ArticleBody.of(html, text).key()).isEqualTo(ArticleBody.of(html, text).key())
                .isEqualTo(java.util.HexFormat.of().formatHex(xxh3(ArticleBody.of(html, text).packedBytes())));
        if (!other.equals(text)) {
            assertThat(ArticleBody.of(html, text)).isNotEqualTo(ArticleBody.of(html, other));
            assertThat(ArticleBody.of(html, text).key()).isNotEqualTo(ArticleBody.of(html, other).key());
        }
        if (!text.isEmpty()) {
            // the same characters split differently are another body
            assertThat(ArticleBody.of(html + text, "")).isNotEqualTo(ArticleBody.of(html, text));
        }
    }

    @Test
    void theSeedsBodyIsHeldInAFractionOfItsStringSize() throws Exception {
        String seed = Files.readString(Path.of("seeds/000_2ce86e36bd807f4f.txt"), StandardCharsets.UTF_8);
        String html = "<p>" + seed.replace("\n", "</p>\n<p>") + "</p>";

        ArticleBody body = ArticleBody.of(html, seed);

        // a Java string holds Chinese text in two bytes a character
        int asStrings = 2 * (html.length() + seed.length());
        assertThat(body.packedBytes().length).isLessThan(asStrings / 3);
        assertThat(body.html()).isEqualTo(html);
        assertThat(body.text()).isEqualTo(seed);
    }

    @Test
    void isImmutable() {
        ArticleBody body = ArticleBody.of("<p>开源</p>", "开源");
        byte[] packed = body.packedBytes();
        packed[packed.length - 1] ^= 1;

        assertThat(body.text()).isEqualTo("开源");
        assertThat(new ArticleBody(body.packedBytes())).isEqualTo(body);
    }

    @Test
    void keepsALoneSurrogateThatUtf8WouldLose() {
        String text = "Hello \ud800 world, 𠀀 pair, 开源";
        String html = "<p>Hello \udc00 world</p>";

        ArticleBody body = ArticleBody.of(html, text);

        assertThat(body.text()).isEqualTo(text);
        assertThat(body.html()).isEqualTo(html);
        assertThat(body).isNotEqualTo(ArticleBody.of(html, "Hello ? world, 𠀀 pair, 开源"));
    }

    /** Raw deflate has no checksum (the cache file around it has one): a cut is caught, not every flip. */
    @Test
    void aCutPackIsAnErrorNotShorterText() {
        byte[] packed = ArticleBody.of("<p>开源模型</p>", "开源模型").packedBytes();
        byte[] cut = java.util.Arrays.copyOf(packed, packed.length - 3);

        // the HTML is packed after the text, so the cut is in its part
        assertThatThrownBy(() -> new ArticleBody(cut).html()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ArticleBody(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
