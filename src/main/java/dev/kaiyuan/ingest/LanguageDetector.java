package dev.kaiyuan.ingest;

/**
 * Tells the language of article text: Chinese when Han characters make up a fair share of the
 * letters, then Traditional or Simplified by which characters change under ICU's script
 * conversion (a character that Hant→Hans changes is Traditional-only, and vice versa);
 * otherwise English. Good enough for {@code lang} attributes and font choice.
 */
public final class LanguageDetector {
    /** Chinese news text in practice runs far above this; English with a few names, far below. */
    private static final double MIN_HAN_SHARE = 0.2;

    private final ScriptFolding folding;

    public LanguageDetector(ScriptFolding folding) {
        this.folding = folding;
    }

    public String detect(String text) {
        StringBuilder han = new StringBuilder();
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Cjk.isHan(cp)) {
                    han.appendCodePoint(cp);
                }
            }
            i += Character.charCount(cp);
        }
        if (letters == 0 || (double) Cjk.length(han.toString()) / letters < MIN_HAN_SHARE) {
            return "en";
        }
        return chineseScript(han.toString());
    }

    /** zh-Hant or zh-Hans for a string of Han characters; ties go to Simplified. */
    public String chineseScript(String han) {
        int traditionalOnly = differing(han, folding.simplified(han));
        int simplifiedOnly = differing(han, folding.traditional(han));
        return traditionalOnly > simplifiedOnly ? "zh-Hant" : "zh-Hans";
    }

    private static int differing(String a, String b) {
        if (a.length() != b.length()) {
            return Math.abs(a.length() - b.length()) + countDiff(a, b, Math.min(a.length(), b.length()));
        }
        return countDiff(a, b, a.length());
    }

    private static int countDiff(String a, String b, int n) {
        int diff = 0;
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                diff++;
            }
        }
        return diff;
    }
}
