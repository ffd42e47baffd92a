package dev.kaiyuan.ingest;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional ↔ Simplified Chinese with ICU's transliterators, so that rules written once in
 * Simplified match text in either script. One instance per thread (ICU transliterators keep
 * no state between calls, but we do not rely on it). Each direction is built when first used:
 * a build whose seeds never need one does not pay for its rules.
 */
public final class ScriptFolding {
    private volatile Transliterator toSimplified;
    private volatile Transliterator toTraditional;

    public String simplified(String text) {
        Transliterator t = toSimplified;
        if (t == null) {
            t = Transliterator.getInstance("Hant-Hans");
            toSimplified = t;
        }
        return t.transliterate(text);
    }

    public String traditional(String text) {
        Transliterator t = toTraditional;
        if (t == null) {
            t = Transliterator.getInstance("Hans-Hant");
            toTraditional = t;
        }
        return t.transliterate(text);
    }
}
