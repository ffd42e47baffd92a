package dev.kaiyuan.render;

import com.ibm.icu.text.Transliterator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.UnaryOperator;

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
        String poweredBy,
        String timeline,
        String mentions,
        String quotes,
        String events,
        String openWeights,
        String closed,
        String license,
        String parameters,
        String organization,
        String country,
        String released,
        String mentionedIn,
        String all,
        String exports,
        String chartTitle,
        String chartDescription,
        String china,
        String unitedStates,
        String europe,
        String other,
        String quarter,
        String total,
        String aliases,
        String releases,
        String partial,
        String notMentioned,
        String modality,
        String access,
        String role,
        String issue,
        String issues,
        String archive,
        String newer,
        String older,
        String page,
        String feed,
        String search,
        String searchPlaceholder,
        String noResults,
        String results,
        String searchLoading,
        String notFound,
        String notFoundText,
        String moreMentions) {

    /** English, Simplified or Traditional Chinese (converted with ICU) by the site's language. */
    public static Labels forLanguage(String lang) {
        if (!lang.startsWith("zh")) {
            return english();
        }
        boolean traditional = lang.contains("Hant") || lang.endsWith("TW") || lang.endsWith("HK") || lang.endsWith("MO");
        if (!traditional) {
            return chinese();
        }
        Transliterator t = Transliterator.getInstance("Hans-Hant");
        return chinese().map(t::transliterate);
    }

    static Labels english() {
        return new Labels("Home", "Latest", "Undated", "Reading time", "min", "Source", "By",
                "c.", "Approximate date, inferred by the editor", "Figures", "Rights", "Tags",
                "Parts of this text were damaged before it reached us and are marked.",
                "Title taken from the opening of the article.",
                "No articles yet. Add one to seeds/ and build again.", "Back to the digest",
                "Built with Kaiyuan", "Timeline", "Mentioned", "Key quotes", "Releases reported",
                "Open weights", "Closed", "License", "Parameters", "Organization", "Country", "Released",
                "Mentioned in", "All", "Data", "Open-weight releases per quarter, by country",
                "Stacked bars: the number of open-weight model releases in each quarter, split into China, "
                        + "the United States, Europe and other countries.",
                "China", "United States", "Europe", "Other", "Quarter", "Total", "Also known as", "Releases",
                "Partly verified", "No article mentions it yet.", "Modality", "Access", "Role",
                "Issue", "Issues", "Archive", "Newer", "Older", "Page", "Feed",
                "Search", "Search the digest", "No articles match.", "Results", "Loading the articles…",
                "Page not found", "There is no page at this address. Try the search or the archive.",
                "and {n} more");
    }

    static Labels chinese() {
        return new Labels("首页", "最新", "日期不详", "阅读时间", "分钟", "来源", "作者",
                "约", "日期为编辑推定，仅供参考", "图片说明", "版权", "标签",
                "原文部分文字在转载中已损坏，已标出。",
                "标题取自正文开头。",
                "还没有文章。把文章放进 seeds/ 再构建一次。", "返回首页",
                "由 Kaiyuan 生成", "时间线", "提及", "要点引述", "文中提到的发布",
                "开放权重", "闭源", "许可证", "参数量", "机构", "国家/地区", "发布日期",
                "提及的文章", "全部", "数据下载", "各季度开放权重模型发布数（按国家/地区）",
                "堆叠柱状图：每季度开放权重模型的发布数量，分为中国、美国、欧洲和其他国家/地区。",
                "中国", "美国", "欧洲", "其他", "季度", "合计", "别名", "发布",
                "部分核实", "暂无文章提及。", "模态", "获取方式", "职务",
                "期", "往期", "归档", "较新", "较早", "页", "订阅",
                "搜索", "搜索文章", "没有找到相关文章。", "搜索结果", "正在加载文章……",
                "找不到页面", "这个地址没有页面。试试搜索或归档。",
                "另有 {n} 篇");
    }

    /** The same labels with every word passed through {@code f}. */
    Labels map(UnaryOperator<String> f) {
        RecordComponent[] parts = Labels.class.getRecordComponents();
        Object[] words = new Object[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                words[i] = f.apply((String) parts[i].getAccessor().invoke(this));
            }
            Class<?>[] types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return Labels.class.getDeclaredConstructor(types).newInstance(words);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy labels", e);
        }
    }

}
