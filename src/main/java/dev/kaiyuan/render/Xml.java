package dev.kaiyuan.render;

/** Escaping for text and double-quoted attribute values in XML, and so in SVG inside HTML. */
final class Xml {
    private Xml() {
    }

    /**
     * Escapes {@code & < > "} and drops what XML 1.0 or the HTML parser rejects: controls other
     * than tab, line feed and carriage return, lone surrogates and noncharacters.
     */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (allowed(c)) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    private static boolean allowed(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        boolean surrogate = c >= 0xD800 && c <= 0xDFFF;
        boolean nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
        return !control && !surrogate && !nonCharacter;
    }
}
