package dev.kaiyuan.render;

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

    public static Labels forLanguage(String lang) {
        return lang.startsWith("zh") ? chinese() : english();
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
