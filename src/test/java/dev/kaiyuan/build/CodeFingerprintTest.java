package dev.kaiyuan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprint of the jar a build cache was kept by is taken over the jar's central directory
 * (every entry's name, sizes and CRC-32), found through the record at the end of the zip file.
 */
class CodeFingerprintTest {
    @TempDir
    Path tmp;

    private Path jar(String name, String content, String comment) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : new String[] {"a/One.class", "b/Two.class"}) {
                ZipEntry e = new ZipEntry(entry);
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write((entry.startsWith("a") ? content : "two").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            if (comment != null) {
                zip.setComment(comment);
            }
        }
        return jar;
    }

    @Test
    void followsTheEntriesContentsNotTheFileAroundThem() throws IOException {
        long one = PersistentCache.entriesCrc(jar("one.jar", "class one", null));
        assertThat(PersistentCache.entriesCrc(jar("again.jar", "class one", null))).isEqualTo(one);
        assertThat(PersistentCache.entriesCrc(jar("other.jar", "class 1ne", null))).as("same size, other bytes")
                .isNotEqualTo(one);
        // a comment that holds the end record's signature is not taken for the record
        String comment = "PK\u0005\u0006 and a comment long enough to hold a whole end record";
        assertThat(PersistentCache.entriesCrc(jar("comment.jar", "class one", comment))).isEqualTo(one);
    }

    @Test
    void aFileThatIsNotAZipIsTakenWhole() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.jar"), "not a zip at all");
        Path b = Files.writeString(tmp.resolve("b.jar"), "not a zip at alL");
        Path tiny = Files.writeString(tmp.resolve("tiny.jar"), "PK");
        assertThat(PersistentCache.entriesCrc(a)).isNotEqualTo(PersistentCache.entriesCrc(b));
        assertThat(PersistentCache.entriesCrc(tiny)).isNotEqualTo(PersistentCache.entriesCrc(a));
    }
}
