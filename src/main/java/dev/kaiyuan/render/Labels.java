package dev.kaiyuan.render;

import com.ibm.icu.text.Transliterator;

/**
 * Interface words of the default theme in the site's language. Templates use these instead of
 * hard-coded strings so one theme serves a Chinese or an English digest.
 */
public record Labels(
        String home,
        String latest,
        String undated,
        String readingTime,
        String minutes,
        String source,
        String author,
        String approximate,
        String approximateNote,
        String captions,
        String rights,
        String tags,
        String damageNote,
        String derivedTitleNote,
        String emptySite,
        String backToHome,
        String poweredBy) {

    /** English, Simplified or Traditional Chinese (converted with ICU) by the site's language. */
    public static Labels forLanguage(String lang) {
        if (!lang.startsWith("zh")) {
            return english();
        }
        boolean traditional = lang.contains("Hant") || lang.endsWith("TW") || lang.endsWith("HK") || lang.endsWith("MO");
        return traditional ? traditional(chinese()) : chinese();
    }

    private static Labels traditional(Labels l) {
        Transliterator t = Transliterator.getInstance("Hans-Hant");
        return new Labels(t.transliterate(l.home), t.transliterate(l.latest), t.transliterate(l.undated),
                t.transliterate(l.readingTime), t.transliterate(l.minutes), t.transliterate(l.source),
                t.transliterate(l.author), t.transliterate(l.approximate), t.transliterate(l.approximateNote),
                t.transliterate(l.captions), t.transliterate(l.rights), t.transliterate(l.tags),
                t.transliterate(l.damageNote), t.transliterate(l.derivedTitleNote), t.transliterate(l.emptySite),
                t.transliterate(l.backToHome), t.transliterate(l.poweredBy));
    }

    static Labels english() {
        return new Labels("Home", "Latest", "Undated", "Reading time", "min", "Source", "By",
                "c.", "Approximate date, inferred by the editor", "Figures", "Rights", "Tags",
                "Parts of this text were damaged before it reached us and are marked.",
                "Title taken from the opening of the article.",
                "No articles yet. Add one to seeds/ and build again.", "Back to the digest",
                "Built with Kaiyuan");
    }

    static Labels chinese() {
        return new Labels("首页", "最新", "日期不详", "阅读时间", "分钟", "来源", "作者",
                "约", "日期为编辑推定，仅供参考", "图片说明", "版权", "标签",
                "原文部分文字在转载中已损坏，已标出。",
                "标题取自正文开头。",
                "还没有文章。把文章放进 seeds/ 再构建一次。", "返回首页",
                "由 Kaiyuan 生成");
    }
}
