package dev.kaiyuan.build;

import dev.kaiyuan.model.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sequence of parts, each prefixed by its length so that no two different
 * sequences hash alike by running into each other. One instance per hash; not shared.
 */
final class Hashes {
    private final MessageDigest digest;

    Hashes() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    Hashes add(byte[] bytes) {
        length(bytes.length);
        digest.update(bytes);
        return this;
    }

    /** As {@link #add(byte[])} with the file's bytes, without copying them. */
    Hashes add(SourceFile file) {
        length(file.size());
        file.updateDigest(digest);
        return this;
    }

    private void length(long n) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (n >>> shift));
        }
    }

    Hashes add(String text) {
        return add(text.getBytes(StandardCharsets.UTF_8));
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
