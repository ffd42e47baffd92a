package dev.kaiyuan.ingest;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional → Simplified Chinese of whole texts with ICU's transliterator (whose rules also hold
 * phrases), so that rules written once in Simplified match text in either script. One instance
 * per thread (ICU transliterators keep no state between calls, but we do not rely on it). Built
 * when first used: a build whose seeds never need it does not pay for its rules. Single
 * characters are looked up in {@link dev.kaiyuan.model.HanVariants} instead.
 */
public final class ScriptFolding {
    private volatile Transliterator toSimplified;

    public String simplified(String text) {
        Transliterator t = toSimplified;
        if (t == null) {
            t = Transliterator.getInstance("Hant-Hans");
            toSimplified = t;
        }
        return t.transliterate(text);
    }
}
