package dev.kaiyuan.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An article's body, its sanitised HTML and its plain text, held deflated. Every article is held
 * from reading to the end of a build (each stage reads some of them), and a Java string takes two
 * bytes a character for Chinese text: at 100,000 articles the two strings took 1.5 GB. Deflated
 * together (the text repeats the HTML's words) they take about a quarter of that. Each call of
 * {@link #html()} or {@link #text()} inflates; a build reads a body a few times.
 *
 * @param packed the UTF-8 lengths of the text and the HTML (4 bytes each), then both deflated, text
 *               first (raw deflate, fastest level)
 */
public record ArticleBody(byte[] packed) {
    private static final int HEADER = 8;

    public ArticleBody {
        packed = packed.clone();
        if (packed.length < HEADER) {
            throw new IllegalArgumentException("not a packed body: " + packed.length + " bytes");
        }
    }

    public static ArticleBody of(String html, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] h = html.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + (h.length + t.length) / 3 + 64);
            out.writeBytes(ByteBuffer.allocate(HEADER).putInt(t.length).putInt(h.length).array());
            byte[] buffer = new byte[8192];
            deflater.setInput(t);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.setInput(h);
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new ArticleBody(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** The sanitised HTML fragment. */
    public String html() {
        int t = length(0);
        int h = length(4);
        return new String(inflate(t + h), t, h, StandardCharsets.UTF_8);
    }

    /** The plain text, one paragraph or caption a line (read more often: only its part is inflated). */
    public String text() {
        int t = length(0);
        return new String(inflate(t), 0, t, StandardCharsets.UTF_8);
    }

    /** A hash of the packed body (SHA-256, hex): equal for equal bodies, without inflating them. */
    public String key() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(packed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public byte[] packed() {
        return packed.clone();
    }

    private int length(int at) {
        return ByteBuffer.wrap(packed, at, 4).getInt();
    }

    /** The first {@code n} bytes of the stream. */
    private byte[] inflate(int n) {
        byte[] out = new byte[n];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(packed, HEADER, packed.length - HEADER);
            int done = 0;
            while (done < n) {
                int got = inflater.inflate(out, done, n - done);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("packed body ends after " + done + " of " + n + " bytes");
                }
                done += got;
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed body is corrupt", e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArticleBody b && Arrays.equals(packed, b.packed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(packed);
    }

    @Override
    public String toString() {
        return "ArticleBody[text " + length(0) + " + html " + length(4) + " bytes, " + packed.length + " packed]";
    }
}
