package dev.kaiyuan.model;

import com.dynatrace.hash4j.hashing.Hashing;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An article's body, its sanitised HTML and its plain text, as bytes: UTF-8 (see {@link #encode}),
 * plain or deflated ({@link Packing}). Every article is held from reading to the end of a build
 * (each stage reads some of them), and a Java string takes two bytes a character for Chinese
 * text: at 100,000 articles the two strings took 1.5 GB. Deflated together (the text repeats the
 * HTML's words) they take about a quarter of that, but deflating was 5 % of a cold build's CPU at
 * 10,000 articles, so smaller sites hold bodies plain. Each call of {@link #html()} or
 * {@link #text()} decodes (and inflates); a build reads a body a few times. A body the build cache
 * loaded stays in the cache's file until one of them is called ({@link Blob}); its packing, sizes
 * and key are known without reading it.
 *
 * <p>Two bodies are equal when their keys are: a 128-bit hash of the packed bytes stands for them,
 * as it does for every other input the build cache compares, so that comparing a kept article with
 * the same one read again reads neither body.
 *
 * @param packed its {@link Packing} (one byte, its ordinal), the byte counts of the text and the
 *               HTML (4 bytes each; negative for UTF-16, see {@link #encode}), then both, text
 *               first, as they are or deflated together (raw deflate, fastest level)
 * @param key    the XXH3-128 of {@code packed}, in hex, made once when the body is made (see
 *               {@link #key()}); whoever passes it vouches for it, as the build cache's
 *               checksummed file does
 */
public record ArticleBody(Blob packed, String key) {
    private static final int HEADER = 9;
    /**
     * Sites from this many articles hold bodies deflated. Measured at 10,000 (the kit's corpus):
     * plain bodies took a cold build from 20.3 to 18.1 s and its peak memory from 0.45 to 0.61 GB;
     * at 100,000 they would add about 1.3 GB to the 3.2 GB such a build takes.
     */
    public static final int DEFLATED_FROM = 20_000;

    /** How a body's bytes are held. */
    public enum Packing {
        DEFLATED, PLAIN;

        /** Plain for a site of fewer than {@link #DEFLATED_FROM} articles, deflated from there. */
        public static Packing forSite(int articles) {
            return articles < DEFLATED_FROM ? PLAIN : DEFLATED;
        }

        /**
         * Deflated whatever the site's size: the preview holds its articles for as long as it runs,
         * and rebuilds while it holds them. At 10,000 articles it held 407 MB live with plain bodies
         * and 270 MB with deflated ones, and made its first build as quickly (BENCHMARKS.md,
         * "Nineteenth session").
         */
        public static Packing forPreview() {
            return DEFLATED;
        }
    }

    public ArticleBody {
        Objects.requireNonNull(packed, "packed");
        if (!wellFormed(packed.head(), packed.length())) {
            throw new IllegalArgumentException("not a packed body: " + packed.length() + " bytes");
        }
        Objects.requireNonNull(key, "key");
    }

    /**
     * A known packing, header words {@link #encode} can write, and for a plain body the bytes they
     * count; checked on the header alone ({@code head}, of a body of {@code length} bytes).
     */
    private static boolean wellFormed(byte[] head, int length) {
        if (length < HEADER || head[0] < 0 || head[0] >= Packing.values().length) {
            return false;
        }
        int text = ByteBuffer.wrap(head).getInt(1);
        int html = ByteBuffer.wrap(head).getInt(5);
        if (!wellFormedCode(text) || !wellFormedCode(html)) {
            return false;
        }
        long bytes = (long) HEADER + size(text) + size(html);
        return bytes <= Integer.MAX_VALUE && (head[0] != Packing.PLAIN.ordinal() || length == bytes);
    }

    /** A UTF-8 byte count, or minus one minus an even UTF-16 one. */
    private static boolean wellFormedCode(int code) {
        return code >= 0 || code != Integer.MIN_VALUE && size(code) % 2 == 0;
    }

    /** A body from its packed bytes (copied), its key made from them. */
    public ArticleBody(byte[] packed) {
        this(Blob.of(packed), keyOf(packed));
    }

    /** A body made here from bytes no one else holds. */
    private static ArticleBody owning(byte[] packed) {
        return new ArticleBody(Blob.owning(packed), keyOf(packed));
    }

    /** A deflated body. */
    public static ArticleBody of(String html, String text) {
        return of(html, text, Packing.DEFLATED);
    }

    public static ArticleBody of(String html, String text, Packing packing) {
        Encoded t = encode(text);
        Encoded h = encode(html);
        byte[] header = ByteBuffer.allocate(HEADER).put((byte) packing.ordinal()).putInt(t.code).putInt(h.code).array();
        if (packing == Packing.PLAIN) {
            byte[] packed = Arrays.copyOf(header, HEADER + t.bytes.length + h.bytes.length);
            System.arraycopy(t.bytes, 0, packed, HEADER, t.bytes.length);
            System.arraycopy(h.bytes, 0, packed, HEADER + t.bytes.length, h.bytes.length);
            return owning(packed);
        }
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + (h.bytes.length + t.bytes.length) / 3 + 64);
            out.writeBytes(header);
            byte[] buffer = new byte[8192];
            deflater.setInput(t.bytes);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.setInput(h.bytes);
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return owning(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /**
     * UTF-8; or, for a string UTF-8 cannot hold as it is (one with a lone surrogate, which UTF-8
     * would turn into '?'), its UTF-16 units, two bytes each, big-endian.
     */
    private static Encoded encode(String s) {
        if (wellFormed(s)) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return new Encoded(utf8, utf8.length);
        }
        byte[] units = new byte[2 * s.length()];
        for (int i = 0; i < s.length(); i++) {
            units[2 * i] = (byte) (s.charAt(i) >> 8);
            units[2 * i + 1] = (byte) s.charAt(i);
        }
        return new Encoded(units, -1 - units.length);
    }

    /** A string's bytes and the header's word for them: the byte count for UTF-8, minus one minus it for UTF-16. */
    private record Encoded(byte[] bytes, int code) {
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes, int from, int code) {
        if (code >= 0) {
            return new String(bytes, from, code, StandardCharsets.UTF_8);
        }
        char[] units = new char[(-1 - code) / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) ((bytes[from + 2 * i] & 0xFF) << 8 | (bytes[from + 2 * i + 1] & 0xFF));
        }
        return new String(units);
    }

    /** The number of bytes a header word stands for. */
    private static int size(int code) {
        return code >= 0 ? code : -1 - code;
    }

    /** The sanitised HTML fragment. */
    public String html() {
        int t = size(length(1));
        int h = size(length(5));
        return plain() ? decode(packed.bytes(), HEADER + t, length(5)) : decode(inflate(t + h), t, length(5));
    }

    /** The plain text, one paragraph or caption a line (read more often: only its part is inflated). */
    public String text() {
        return plain() ? decode(packed.bytes(), HEADER, length(1)) : decode(inflate(size(length(1))), 0, length(1));
    }

    /** How the bytes are held. */
    public Packing packing() {
        return Packing.values()[packed.head()[0]];
    }

    private boolean plain() {
        return packed.head()[0] == Packing.PLAIN.ordinal();
    }

    /**
     * A hash of the packed body (XXH3-128, hex, as the build cache's other keys): equal for equal
     * bodies, without inflating them. Kept, not made on each call: a build asks for every article's.
     */
    @Override
    public String key() {
        return key;
    }

    private static String keyOf(byte[] packed) {
        return HexFormat.of().formatHex(Hashing.xxh3_128().hashBytesTo128Bits(packed).toByteArray());
    }

    /** A copy of the packed bytes (read from the cache's file if they are still there). */
    public byte[] packedBytes() {
        return packed.bytes().clone();
    }

    private int length(int at) {
        return ByteBuffer.wrap(packed.head(), at, 4).getInt();
    }

    /** The first {@code n} bytes of the stream. */
    private byte[] inflate(int n) {
        byte[] out = new byte[n];
        Inflater inflater = new Inflater(true);
        try {
            byte[] bytes = packed.bytes();
            inflater.setInput(bytes, HEADER, bytes.length - HEADER);
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
        return other instanceof ArticleBody b && key.equals(b.key) && packed.length() == b.packed.length();
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "ArticleBody[text " + size(length(1)) + " + html " + size(length(5)) + " bytes, " + packed.length()
                + (plain() ? " plain]" : " deflated]");
    }
}
