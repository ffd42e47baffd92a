package dev.kaiyuan.ingest;

import java.util.Objects;

/** Text decoded from a seed's bytes, with the charset it was read as. */
public record DecodedText(String text, String charset, boolean hadByteOrderMark) {
    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
    }
}
