package dev.kaiyuan.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaiyuan.model.OutputFile;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class PackedFileProperties {
    /** Whatever a file holds, and whether or not it is held gzipped, its bytes come back as they were. */
    @Property
    void aFileComesBackAsItWasPacked(@ForAll @Size(max = 20_000) byte[] bytes, @ForAll boolean repetitive) {
        byte[] content = repetitive ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).repeat(3)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : bytes;

        PackedFile packed = PackedFile.of(new OutputFile("f.html", content));

        assertThat(packed.bytes()).isEqualTo(content);
        assertThat(packed.size()).isEqualTo(content.length);
        assertThat(packed.heldSize()).isLessThanOrEqualTo(content.length);
    }
}
