package dev.kaiyuan.ingest;

import dev.kaiyuan.model.HanScript;
import dev.kaiyuan.model.HanVariants;

/**
 * Tells the language of article text: Chinese when Han characters make up a fair share of the
 * letters, then Traditional or Simplified by which characters change under ICU's script
 * conversion of the character alone (a character that Hant→Hans changes is Traditional-only, and
 * vice versa; see {@link HanVariants}); otherwise English. Good enough for {@code lang} attributes
 * and font choice. A few thousand characters decide.
 */
public final class LanguageDetector {
    /** Chinese news text in practice runs far above this; English with a few names, far below. */
    private static final double MIN_HAN_SHARE = 0.2;
    /** Enough Han characters to tell the scripts apart with certainty. */
    private static final int SAMPLE = 4000;
    private static final byte NEITHER = 0;
    private static final byte TRADITIONAL_ONLY = 1;
    private static final byte SIMPLIFIED_ONLY = 2;

    public String detect(String text) {
        StringBuilder han = new StringBuilder();
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (HanScript.contains(cp)) {
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

    /** zh-Hant or zh-Hans for text with Han characters; ties go to Simplified. */
    public String chineseScript(String text) {
        int traditionalOnly = 0;
        int simplifiedOnly = 0;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < SAMPLE; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!HanScript.contains(cp)) {
                continue;
            }
            seen++;
            byte script = classify(cp);
            traditionalOnly += script == TRADITIONAL_ONLY ? 1 : 0;
            simplifiedOnly += script == SIMPLIFIED_ONLY ? 1 : 0;
        }
        return traditionalOnly > simplifiedOnly ? "zh-Hant" : "zh-Hans";
    }

    /** Asked only for Han characters: a build without any never reads the table. */
    private static byte classify(int cp) {
        HanVariants variants = HanVariants.icu();
        if (variants.simplified(cp) != cp) {
            return TRADITIONAL_ONLY;
        }
        return variants.traditional(cp) == cp ? NEITHER : SIMPLIFIED_ONLY;
    }
}
