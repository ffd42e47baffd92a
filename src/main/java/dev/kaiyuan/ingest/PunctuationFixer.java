package dev.kaiyuan.ingest;

/**
 * Restores full-width punctuation lost when Chinese text passed through an ASCII-only step:
 * {@code ,:;?!} inside Chinese text become {@code ，：；？！} (GB/T 15834 uses the full-width
 * forms in Chinese running text). A mark is "inside Chinese text" when it touches a Han character
 * or Chinese punctuation on one side and is not followed or preceded by a space on the other, so
 * {@code 辦公室,合伙人}, {@code 80%”,他}, {@code gpt-oss-20b,免費} and a line-final {@code 不信!} change, while English
 * ({@code Notice: The}), times ({@code 10:30}) and URLs ({@code https://}) do not.
 */
public final class PunctuationFixer {
    private static final String ASCII = ",:;?!";
    private static final String FULL = "，：；？！";

    private PunctuationFixer() {
    }

    public static String fix(String text) {
        return fix(text, -1, -1);
    }

    /**
     * @param before code point just before {@code text} in the line, or -1
     * @param after  code point just after {@code text} in the line, or -1
     */
    public static String fix(String text, int before, int after) {
        StringBuilder out = new StringBuilder(text.length());
        int prev = before;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = i + Character.charCount(cp);
            int next = n < text.length() ? text.codePointAt(n) : after;
            int k = ASCII.indexOf(cp);
            out.appendCodePoint(k >= 0 && inChineseText(prev, next) ? FULL.charAt(k) : cp);
            prev = cp;
            i = n;
        }
        return out.toString();
    }

    private static boolean inChineseText(int prev, int next) {
        boolean hanBefore = prev >= 0 && Cjk.isHanLike(prev);
        boolean hanAfter = next >= 0 && Cjk.isHanLike(next);
        // At the end of a line a mark after Chinese text closes a Chinese sentence.
        return (hanBefore && (next < 0 || isWordChar(next))) || (hanAfter && isWordChar(prev));
    }

    private static boolean isWordChar(int cp) {
        return cp >= 0 && !Character.isWhitespace(cp) && ASCII.indexOf(cp) < 0 && cp != '/';
    }
}
