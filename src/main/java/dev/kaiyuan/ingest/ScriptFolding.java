package dev.kaiyuan.ingest;

import com.ibm.icu.text.Transliterator;

/**
 * Traditional ↔ Simplified Chinese with ICU's transliterators, so that rules written once in
 * Simplified match text in either script. One instance per thread (ICU transliterators keep
 * no state between calls, but we do not rely on it).
 */
public final class ScriptFolding {
    private final Transliterator toSimplified = Transliterator.getInstance("Hant-Hans");
    private final Transliterator toTraditional = Transliterator.getInstance("Hans-Hant");

    public String simplified(String text) {
        return toSimplified.transliterate(text);
    }

    public String traditional(String text) {
        return toTraditional.transliterate(text);
    }
}
