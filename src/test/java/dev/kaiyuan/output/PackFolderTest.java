package dev.kaiyuan.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaiyuan.model.OutputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackFolderTest {
    static final byte[] PAGE = ("<!doctype html><title>开源</title>" + "<p>Open models. 开源模型。</p>\n".repeat(200))
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path parent;

    static List<String> packFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("lock")).sorted().toList();
        }
    }

    static byte[] held(PackedFile file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        file.writeHeldTo(out);
        return out.toByteArray();
    }

    static byte[] noise(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aFileHeldInTheFolderReadsBackAsTheSameFileHeldInTheHeap() throws IOException {
        byte[] image = noise(100_000, 7);
        try (PackFolder folder = PackFolder.open(parent)) {
            for (OutputFile file : List.of(new OutputFile("a/index.html", PAGE), new OutputFile("x.png", image))) {
                PackedFile inHeap = PackedFile.of(file);
                PackedFile inFolder = PackedFile.of(file, null, folder);

                assertThat(inFolder.bytes()).isEqualTo(file.bytes());
                assertThat(held(inFolder)).isEqualTo(held(inHeap)).hasSize(inFolder.heldSize());
                assertThat(inFolder.gzipped()).isEqualTo(inHeap.gzipped());
                assertThat(inFolder.sameBytes(inHeap)).isTrue();
                assertThat(inFolder.hash()).isEqualTo(inHeap.hash());
            }
            assertThat(PackedFile.of(new OutputFile("a/index.html", PAGE)).gzipped()).isTrue();
            assertThat(PackedFile.of(new OutputFile("x.png", image)).gzipped()).isFalse();
            // one pack file for both, not a file each
            assertThat(packFiles(folder.path())).containsExactly("000000.pack");
            assertThat(Files.size(folder.path().resolve("000000.pack")))
                    .isEqualTo(image.length + held(PackedFile.of(
                            new OutputFile("a/index.html", PAGE))).length);
        }
    }

    @Test
    void aFullPackFileIsFollowedByANewOneAndOneNothingNeedsIsDeleted() throws IOException {
        try (PackFolder folder = PackFolder.open(parent, 250_000)) {
            PackedFile one = PackedFile.of(new OutputFile("1.bin", noise(200_000, 1)), null, folder);
            PackedFile two = PackedFile.of(new OutputFile("2.bin", noise(200_000, 2)), null, folder);
            PackedFile three = PackedFile.of(new OutputFile("3.bin", noise(200_000, 3)), null, folder);
            assertThat(packFiles(folder.path())).containsExactly("000000.pack", "000001.pack", "000002.pack");

            folder.keepOnly(List.of(two.location(), three.location()));

            assertThat(packFiles(folder.path())).containsExactly("000001.pack", "000002.pack");
            assertThat(two.bytes()).isEqualTo(noise(200_000, 2));
            assertThat(three.bytes()).isEqualTo(noise(200_000, 3));
            assertThat(one.toString()).contains("000000.pack");
        }
    }

    @Test
    void aFileInAMostlyUnneededPackFileIsHeldAgainInTheNewestOne() throws IOException {
        try (PackFolder folder = PackFolder.open(parent, 250_000)) {
            PackedFile kept = PackedFile.of(new OutputFile("kept.bin", noise(50_000, 1)), null, folder);
            PackedFile.of(new OutputFile("gone.bin", noise(150_000, 2)), null, folder);
            PackedFile newer = PackedFile.of(new OutputFile("newer.bin", noise(200_000, 3)), null, folder);
            assertThat(kept.repackedIn(folder)).isSameAs(kept);

            // 50,000 of 200,000 bytes still needed
            folder.keepOnly(List.of(kept.location(), newer.location()));
            PackedFile moved = kept.repackedIn(folder);

            assertThat(moved).isNotSameAs(kept);
            assertThat(moved.toString()).contains("000001.pack");
            assertThat(moved.bytes()).isEqualTo(noise(50_000, 1));
            assertThat(moved.sameBytes(kept)).isTrue();
            assertThat(newer.repackedIn(folder)).isSameAs(newer);
            folder.keepOnly(List.of(moved.location(), newer.location()));
            assertThat(packFiles(folder.path())).containsExactly("000001.pack");
        }
    }

    /** Whether another process can take the lock of {@code folder} (a Java program run from source). */
    boolean lockableByAnotherProcess(Path folder) throws Exception {
        Path probe = parent.resolve("Probe.java");
        Files.writeString(probe, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Probe {
                    public static void main(String[] a) throws Exception {
                        try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE)) {
                            System.exit(c.tryLock() == null ? 1 : 0);
                        }
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), probe.toString(), folder.resolve("lock").toString())
                .inheritIO().start();
        return process.waitFor() == 0;
    }

    @Test
    void aSecondFolderOpenedInThisProcessLeavesTheFirstOneLocked() throws Exception {
        try (PackFolder first = PackFolder.open(parent)) {
            assertThat(lockableByAnotherProcess(first.path())).isFalse();
            try (PackFolder second = PackFolder.open(parent)) {
                assertThat(first.path()).exists();
                assertThat(lockableByAnotherProcess(first.path())).isFalse();
                assertThat(lockableByAnotherProcess(second.path())).isFalse();
            }
        }
    }

    /** .kaiyuan/ is safe to delete: a folder deleted under a running preview keeps serving and is made again. */
    @Test
    void aFolderDeletedWhileInUseStillReadsAndIsMadeAgainForNewFiles() throws IOException {
        try (PackFolder folder = PackFolder.open(parent, 250_000)) {
            PackedFile before = PackedFile.of(new OutputFile("1.bin", noise(200_000, 1)), null, folder);
            DiskSiteWriter.deleteTree(parent);

            PackedFile after = PackedFile.of(new OutputFile("2.bin", noise(200_000, 2)), null, folder);

            assertThat(before.bytes()).isEqualTo(noise(200_000, 1));
            assertThat(after.bytes()).isEqualTo(noise(200_000, 2));
            assertThat(packFiles(folder.path())).containsExactly("000001.pack");
        }
    }

    @Test
    void aClosedFolderTakesNoMoreFiles() throws IOException {
        PackFolder folder = PackFolder.open(parent);
        folder.close();

        assertThatThrownBy(() -> PackedFile.of(new OutputFile("a.html", PAGE), null, folder))
                .isInstanceOf(IOException.class).hasMessageContaining("stopping");
        assertThat(folder.path()).doesNotExist();
    }

    @Test
    void aStagingFolderIsDeletedOnlyOnceItIsOld() throws IOException {
        Path old = Files.createDirectories(parent.resolve(".serve-new-1"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path recent = Files.createDirectories(parent.resolve(".serve-new-2"));

        try (PackFolder folder = PackFolder.open(parent)) {
            assertThat(old).doesNotExist();
            assertThat(recent).exists();
            assertThat(folder.path().getFileName().toString()).startsWith("serve-");
        }
    }

    @Test
    void closingDeletesTheFolderAndOpeningDeletesOnlyFoldersNoPreviewHolds() throws IOException {
        Path abandoned = Files.createDirectories(parent.resolve("serve-123"));
        Files.writeString(abandoned.resolve("lock"), "");
        Files.write(abandoned.resolve("000000.pack"), PAGE);
        Path neverLocked = Files.createDirectories(parent.resolve("serve-456"));
        Path other = Files.createDirectories(parent.resolve("other"));

        PackFolder held = PackFolder.open(parent);
        PackedFile.of(new OutputFile("a.html", PAGE), null, held);
        assertThat(abandoned).doesNotExist();
        assertThat(neverLocked).doesNotExist();
        assertThat(other).exists();

        // a second preview of the same project leaves the first one's folder alone
        try (PackFolder second = PackFolder.open(parent)) {
            assertThat(packFiles(held.path())).containsExactly("000000.pack");
            assertThat(second.path().getFileName().toString()).startsWith("serve-");
        }
        held.close();
        assertThat(held.path()).doesNotExist();
        assertThat(other).exists();
    }
}
