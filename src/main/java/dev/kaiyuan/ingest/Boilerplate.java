package dev.kaiyuan.ingest;

import java.util.regex.Pattern;

/**
 * Lines that are not part of the story: the outlet's copyright notice (kept as the article's
 * rights) and the repost platform's disclaimers (dropped). Rules are written in Simplified
 * Chinese and matched on text folded to Simplified, so Traditional text matches too.
 */
public final class Boilerplate {
    /** What a line is, as far as boilerplate goes. */
    public enum Kind { RIGHTS, DISCLAIMER, NONE }

    // Chinese outlets' standard notices: "本文系…独家稿件，未经授权，不得转载", "版权所有", …
    private static final Pattern RIGHTS = Pattern.compile(
            "本文系.{0,24}(?:独家|原创)稿件|未经.{0,6}(?:授权|许可).{0,8}不得转载|版权所有|版权归.{0,24}所有"
                    + "|(?i:all rights reserved)|^©|^(?i:copyright\\b)");
    // Repost platforms' notices: NetEase Hao's "特别声明：以上内容…" and its English twin, and the like.
    private static final Pattern DISCLAIMER = Pattern.compile(
            "^(?:特别声明|免责声明|声明)\\s*[:：]|^(?i:notice\\s*:\\s*the content above)|^(?i:disclaimer\\s*:)");
    private static final int MAX_RIGHTS_LENGTH = 200;

    private final ScriptFolding folding;

    public Boilerplate(ScriptFolding folding) {
        this.folding = folding;
    }

    public Kind classify(String line) {
        String simplified = folding.simplified(line.strip());
        if (DISCLAIMER.matcher(simplified).find()) {
            return Kind.DISCLAIMER;
        }
        if (Cjk.length(simplified) <= MAX_RIGHTS_LENGTH && RIGHTS.matcher(simplified).find()) {
            return Kind.RIGHTS;
        }
        return Kind.NONE;
    }
}
