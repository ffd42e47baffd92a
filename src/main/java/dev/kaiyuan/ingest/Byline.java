package dev.kaiyuan.ingest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byline or dateline at the top of a Chinese news text, e.g. {@code 【文/观察者网 阮佳琪】},
 * {@code 作者：张三}, {@code 来源：新华社}, {@code 新华社记者 王小明}, {@code 2025-08-21 10:33 来源: 观察者网}.
 */
public record Byline(Optional<String> source, Optional<String> author, Optional<String> dateText) {

    // The conventions of Chinese news bylines: 文/ (written by), 作者 (author), 来源 (source),
    // 记者 (reporter), 编辑/责编 (editor, dropped); Traditional and Simplified forms both.
    private static final Pattern WEN = Pattern.compile(
            "文\\s*[/／]\\s*(?<a>[^\\s】\\]]+)(?:\\s+(?<b>[^】\\]]+?))?\\s*(?=[】\\]]|$)");
    private static final Pattern AUTHOR = Pattern.compile(
            "作者\\s*[:：]\\s*(?<a>[\\p{IsHan}·]{2,8}|\\p{IsLatin}[\\p{IsLatin}.' ]*\\p{IsLatin})");
    private static final Pattern SOURCE = Pattern.compile("[来來]源\\s*[:：]\\s*(?<s>[^\\s|｜】\\]]+)");
    private static final Pattern REPORTER = Pattern.compile(
            "(?<s>[\\p{IsHan}]{2,8}?)?[记記]者\\s*[:：]?\\s*(?<a>[\\p{IsHan}·]{2,5}(?:\\s+[\\p{IsHan}·]{2,5})*)");
    private static final Pattern EDITOR = Pattern.compile("(?:[责責]?[编編]|[责責]任[编編][辑輯])\\s*[:：]\\s*\\S+");
    static final Pattern DATE = Pattern.compile(
            "(?<y>(?:19|20)\\d\\d)\\s*[-/.年]\\s*(?<m>\\d{1,2})\\s*[-/.月]\\s*(?<d>\\d{1,2})(?:\\s*日)?(?:\\s+\\d{1,2}:\\d\\d(?::\\d\\d)?)?");
    private static final int MAX_LENGTH = 80;
    /** After taking out what we understood, a byline line has at most this much left over. */
    private static final int MAX_LEFTOVER = 3;

    /** Reads a line as a byline, or returns empty when the line is ordinary text. */
    public static Optional<Byline> parse(String line) {
        String s = line.strip();
        if (s.isEmpty() || Cjk.length(s) > MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<String> source = Optional.empty();
        Optional<String> author = Optional.empty();
        Optional<String> date = Optional.empty();
        String rest = s;
        Matcher m = WEN.matcher(rest);
        if (m.find()) {
            boolean two = m.group("b") != null;
            source = two ? Optional.of(m.group("a")) : Optional.empty();
            author = Optional.of(two ? m.group("b").strip() : m.group("a"));
            rest = cut(rest, m);
        }
        Matcher au = AUTHOR.matcher(rest);
        if (au.find()) {
            author = author.or(() -> Optional.of(au.group("a").strip()));
            rest = cut(rest, au);
        }
        Matcher src = SOURCE.matcher(rest);
        if (src.find()) {
            source = source.or(() -> Optional.of(src.group("s")));
            rest = cut(rest, src);
        }
        Matcher rep = REPORTER.matcher(rest);
        if (rep.find()) {
            String agency = rep.group("s");
            source = source.or(() -> Optional.ofNullable(agency));
            author = author.or(() -> Optional.of(rep.group("a").strip()));
            rest = cut(rest, rep);
        }
        Matcher d = DATE.matcher(rest);
        if (d.find()) {
            date = Optional.of(d.group());
            rest = cut(rest, d);
        }
        rest = EDITOR.matcher(rest).replaceAll("").replaceAll("[\\s【】\\[\\]|｜()（）]", "");
        boolean understood = source.isPresent() || author.isPresent() || date.isPresent();
        return understood && Cjk.length(rest) <= MAX_LEFTOVER
                ? Optional.of(new Byline(source, author, date)) : Optional.empty();
    }

    private static String cut(String s, Matcher m) {
        return s.substring(0, m.start()) + " " + s.substring(m.end());
    }
}
