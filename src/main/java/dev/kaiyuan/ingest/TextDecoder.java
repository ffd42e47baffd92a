package dev.kaiyuan.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import dev.kaiyuan.diag.Diagnostic;
import dev.kaiyuan.model.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns a seed's bytes into text: a byte-order mark decides first, then valid UTF-8, then
 * ICU's charset detector (GB18030, Big5, UTF-16, Shift_JIS, …). Binary files and bytes that
 * fit no charset are reported as errors naming the file; the recorded charset says which won.
 */
public final class TextDecoder {
    /** Below this ICU confidence (0–100) a guess is not trusted. */
    private static final int MIN_CONFIDENCE = 10;
    /** Share of control characters above which decoded "text" is really binary. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    /** The outcome: text, or the error that explains why there is none. */
    public record Result(Optional<DecodedText> text, Optional<Diagnostic> error) {
    }

    public Result decode(SourceFile file) {
        byte[] bytes = file.bytes();
        Optional<DecodedText> decoded = byByteOrderMark(bytes)
                .or(() -> strict(bytes, 0, StandardCharsets.UTF_8, false))
                .or(() -> detected(bytes));
        if (decoded.isEmpty() && looksBinary(bytes)) {
            return failure(file, "binary file, not an article", "it holds control bytes that no text has",
                    "remove it from seeds/; articles are .md, .txt or .html text files");
        }
        if (decoded.isEmpty()) {
            return failure(file, "cannot decode the file as text",
                    "the bytes are not UTF-8 and match no charset ICU knows",
                    "save the file as UTF-8 (any editor's \"Save with encoding\" does it)");
        }
        if (looksBinary(decoded.get().text())) {
            return failure(file, "binary file, not an article",
                    "decoded as " + decoded.get().charset() + " it is mostly control characters",
                    "remove it from seeds/ or move it out of the way; articles are .md, .txt or .html");
        }
        return new Result(decoded, Optional.empty());
    }

    private static Result failure(SourceFile file, String title, String detail, String hint) {
        return new Result(Optional.empty(),
                Optional.of(Diagnostic.error("decode", file.ref(), title, detail, hint)));
    }

    // Byte-order marks as defined by the Unicode Standard, section 23.8.
    private static Optional<DecodedText> byByteOrderMark(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return strict(b, 3, StandardCharsets.UTF_8, true);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return strict(b, 2, StandardCharsets.UTF_16BE, true);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return strict(b, 2, StandardCharsets.UTF_16LE, true);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Optional<DecodedText> strict(byte[] bytes, int offset, Charset charset, boolean bom) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            // The JDK's own UTF-8 decoding of a String is many times faster than a decoder's, and it
            // writes U+FFFD for each malformed sequence: text without one was decoded whole.
            String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return Optional.of(new DecodedText(text, charset.name(), bom));
            }
        }
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return Optional.of(new DecodedText(text, charset.name(), bom));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<DecodedText> detected(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch[] matches = detector.detectAll();
        return Arrays.stream(matches == null ? new CharsetMatch[0] : matches)
                .filter(m -> m.getConfidence() >= MIN_CONFIDENCE)
                .map(m -> decodeAs(bytes, m.getName()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<DecodedText> decodeAs(byte[] bytes, String name) {
        // ICU names GB2312/GBK content "GB18030"; decoding with the superset is always safe.
        if (!Charset.isSupported(name)) {
            return Optional.empty();
        }
        return strict(bytes, 0, Charset.forName(name), false);
    }

    private static boolean looksBinary(byte[] bytes) {
        long control = 0;
        for (byte b : bytes) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return bytes.length > 0 && (double) control / bytes.length > MAX_CONTROL_SHARE;
    }

    static boolean looksBinary(String text) {
        if (text.indexOf('\0') >= 0) {
            return true;
        }
        long control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return !text.isEmpty() && (double) control / text.length() > MAX_CONTROL_SHARE;
    }
}
