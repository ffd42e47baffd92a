package dev.kaiyuan.output;

import dev.kaiyuan.model.OutputFile;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Writes the site beside the output folder first ({@code .NAME.kaiyuan-new}), then swaps it in
 * with two renames. Until the swap the old site is untouched, so a build that fails — or is
 * killed — while writing leaves the last good site exactly as it was.
 */
public final class DiskSiteWriter implements SiteWriter {
    private final Path out;

    public DiskSiteWriter(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    @Override
    public void write(List<OutputFile> files) throws IOException {
        Path parent = out.getParent();
        if (parent == null) {
            throw new IOException("refusing to replace a file-system root: " + out);
        }
        Files.createDirectories(parent);
        Path fresh = parent.resolve("." + out.getFileName() + ".kaiyuan-new");
        Path old = parent.resolve("." + out.getFileName() + ".kaiyuan-old");
        deleteTree(fresh);
        deleteTree(old);
        for (OutputFile file : files) {
            Path target = fresh.resolve(file.path()).normalize();
            if (!target.startsWith(fresh)) {
                throw new IOException("refusing to write outside the site: " + file.path());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes());
        }
        Files.createDirectories(fresh);
        swap(fresh, old);
    }

    private void swap(Path fresh, Path old) throws IOException {
        if (Files.exists(out)) {
            Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
