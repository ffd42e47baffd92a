package dev.kaiyuan.search;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * The word-like segments of text found without ICU's word breaker where that gives the same result:
 * the text is cut at characters that stand beside no word (white space, most punctuation), since a
 * word break falls on both sides of them unless what follows belongs to them (a combining mark); a
 * piece of punctuation alone has no word, and a piece of ASCII is split by a few rules of UAX #29
 * ("Unicode Text Segmentation", word boundaries) as ICU applies them. Other pieces go to ICU.
 * Between Han characters a Chinese article has mostly punctuation, and an English one is mostly
 * ASCII; running ICU's iterator over all of it was about 2 % of a cold build's CPU.
 *
 * <p>In ASCII, a word-like segment is a run of letters and digits (WB5, WB8–WB10) that goes on
 * through one {@code .} or {@code '} between two letters or two digits (WB6, WB7, WB11, WB12), one
 * {@code :} between two letters (WB6, WB7: ICU keeps the colon a MidLetter) and one {@code ,} or
 * {@code ;} between two digits (WB11, WB12). The underscore joins words (WB13a, WB13b), and a
 * piece with one goes to ICU.
 */
final class PlainWords {
    /** ICU's words of {@code [from, to)} of the text, of the kind given, into the sink given. */
    interface Icu {
        void split(int from, int to, Token.Kind kind, TermSink out);
    }

    /** A character that may be part of a word (a letter, a digit, anything not known to be punctuation). */
    private static final byte WORDLY = 0;
    /** White space or punctuation that may join two letters or digits into one word ({@code . , : ;} and such). */
    private static final byte JOINING = 1;
    /** White space or punctuation with a word break on both sides. */
    private static final byte BREAKING = 2;

    /** Where articles' punctuation lies beyond ASCII: Latin-1, general punctuation, CJK, full width forms. */
    private static final int[][] KNOWN = {{0x80, 0x100}, {0x2000, 0x2070}, {0x3000, 0x3040}, {0xFF00, 0xFFF0}};
    private static final byte[][] KNOWN_CLASSES = new byte[KNOWN.length][];

    private static final byte[] ASCII_CLASSES = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            // the underscore joins words (ExtendNumLet); the double quote joins two Hebrew letters (WB7b, WB7c)
            ASCII_CLASSES[c] = isLetter(c) || isDigit(c) || c == '_' ? WORDLY
                    : ".':,;\"".indexOf(c) >= 0 ? JOINING : BREAKING;
        }
        for (int r = 0; r < KNOWN.length; r++) {
            KNOWN_CLASSES[r] = new byte[KNOWN[r][1] - KNOWN[r][0]];
            for (int c = KNOWN[r][0]; c < KNOWN[r][1]; c++) {
                KNOWN_CLASSES[r][c - KNOWN[r][0]] = charClassOf((char) c);
            }
        }
    }

    private PlainWords() {
    }

    /** The words of {@code [from, to)} into {@code out}, each piece that needs ICU given to {@code icu}. */
    static void split(String text, int from, int to, Token.Kind kind, TermSink out, Icu icu) {
        int piece = from;
        for (int i = from; i <= to; i++) {
            boolean cut = i == to || charClass(text.charAt(i)) == BREAKING
                    && (i + 1 == to || breaksAfter(text.charAt(i), text.charAt(i + 1)));
            if (cut) {
                if (i > piece) {
                    splitPiece(text, piece, i, kind, out, icu);
                }
                piece = i + 1;
            }
        }
    }

    private static void splitPiece(String text, int from, int to, Token.Kind kind, TermSink out, Icu icu) {
        boolean plain = true;
        boolean wordless = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            plain &= c < 0x80 && c != '_';
            wordless &= charClass(c) != WORDLY;
        }
        if (wordless) {
            return;
        }
        if (!plain) {
            icu.split(from, to, kind, out);
            return;
        }
        for (int i = from; i < to; ) {
            char c = text.charAt(i);
            if (!isLetter(c) && !isDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            while (end < to) {
                char last = text.charAt(end - 1);
                char next = text.charAt(end);
                if (isLetter(next) || isDigit(next)) {
                    end++;
                } else if (end + 1 < to && joins(last, next, text.charAt(end + 1))) {
                    end += 2;
                } else {
                    break;
                }
            }
            out.add(text, start, end, kind);
            i = end;
        }
    }

    /**
     * Whether a word break is sure after a {@link #BREAKING} character: not when what follows may
     * belong to it, nor between two spaces, which go together (WB3d) and may then take a joiner and
     * an emoji.
     */
    private static boolean breaksAfter(char c, char next) {
        if (c < 0x80 && next < 0x80) {
            // of ASCII only the space is a space separator, and nothing belongs to the character before it
            return c != ' ' || next != ' ';
        }
        boolean spaces = Character.getType(c) == Character.SPACE_SEPARATOR
                && Character.getType(next) == Character.SPACE_SEPARATOR;
        return !spaces && !belongsToThePrevious(next);
    }

    /**
     * Whether the character may belong to the one before it (WB4: an Extend, Format or ZWJ character
     * goes with the character before it, and a ZWJ joins an emoji after it, WB3c), so that no break
     * is sure before it. Supplementary characters may.
     */
    private static boolean belongsToThePrevious(char c) {
        if (c < 0xAD || c >= 0x4E00 && c <= 0x9FEF) {
            return false;
        }
        if (Character.isSurrogate(c)) {
            return true;
        }
        return switch (UCharacter.getIntPropertyValue(c, UProperty.WORD_BREAK)) {
            case UCharacter.WordBreak.EXTEND, UCharacter.WordBreak.FORMAT, UCharacter.WordBreak.ZWJ -> true;
            default -> false;
        };
    }

    /** Whether {@code middle} keeps {@code before} and {@code after} in one word. */
    private static boolean joins(char before, char middle, char after) {
        boolean letters = isLetter(before) && isLetter(after);
        boolean digits = isDigit(before) && isDigit(after);
        return switch (middle) {
            case '.', '\'' -> letters || digits;
            case ':' -> letters;
            case ',', ';' -> digits;
            default -> false;
        };
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static byte charClass(char c) {
        if (c < 0x80) {
            return ASCII_CLASSES[c];
        }
        for (int r = 0; r < KNOWN.length; r++) {
            if (c >= KNOWN[r][0] && c < KNOWN[r][1]) {
                return KNOWN_CLASSES[r][c - KNOWN[r][0]];
            }
        }
        return charClassOf(c);
    }

    /**
     * Beyond ASCII: white space, punctuation and controls are in no word-like segment, whatever stands
     * beside them, unless their word-break property joins them to a letter or digit (connector
     * punctuation such as U+203F ‿ is ExtendNumLet, U+066B ARABIC DECIMAL SEPARATOR is Numeric), they
     * are emoji, or their script is one ICU cuts with a dictionary. Of those, the ones whose property
     * is Other, a line break or a space have a word break on both sides; the rest (MidLetter, MidNum,
     * MidNumLet, quotes) may join two letters or digits. Surrogates are none of these, so
     * supplementary characters go to ICU.
     */
    private static byte charClassOf(char c) {
        boolean spaceOrPunctuation = switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
        // ICU's dictionaries cut Thai, Lao, Khmer, Myanmar and Tai Tham (line break class Complex
        // Context) into words, signs and punctuation too
        if (!spaceOrPunctuation || UCharacter.hasBinaryProperty(c, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.getIntPropertyValue(c, UProperty.LINE_BREAK) == UCharacter.LineBreak.COMPLEX_CONTEXT) {
            return WORDLY;
        }
        return switch (UCharacter.getIntPropertyValue(c, UProperty.WORD_BREAK)) {
            case UCharacter.WordBreak.OTHER, UCharacter.WordBreak.NEWLINE, UCharacter.WordBreak.CR,
                    UCharacter.WordBreak.LF, UCharacter.WordBreak.WSEGSPACE -> BREAKING;
            case UCharacter.WordBreak.MIDLETTER, UCharacter.WordBreak.MIDNUM, UCharacter.WordBreak.MIDNUMLET,
                    UCharacter.WordBreak.SINGLE_QUOTE, UCharacter.WordBreak.DOUBLE_QUOTE -> JOINING;
            default -> WORDLY;
        };
    }
}
