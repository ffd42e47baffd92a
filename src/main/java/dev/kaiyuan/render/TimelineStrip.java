package dev.kaiyuan.render;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A compact timeline drawn at build time as inline SVG: the dated models an article mentions
 * placed on a time axis, with the article's own date marked. Names are escaped here, since the
 * SVG is embedded as markup. Deterministic: the same input draws the same bytes.
 */
final class TimelineStrip {
    /** One model on the strip; {@code url} is a site path, {@code open} draws it filled. */
    record Point(String name, String url, LocalDate date, boolean open) {
    }

    private static final int WIDTH = 640;
    private static final int LEFT = 18;
    private static final int RIGHT = 18;
    private static final int AXIS_Y = 44;
    private static final int ROW = 14;

    private TimelineStrip() {
    }

    /**
     * @param root      relative path from the page to the site root, for the links
     * @param label     accessible name of the figure
     * @param dateLabel the word for the article's own date
     * @return "" when there is nothing to place
     */
    static String svg(List<Point> points, Optional<LocalDate> article, String root, String label, String dateLabel) {
        if (points.isEmpty()) {
            return "";
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(Point::date).thenComparing(Point::name));
        LocalDate first = sorted.get(0).date();
        LocalDate last = sorted.get(sorted.size() - 1).date();
        if (article.isPresent()) {
            first = article.get().isBefore(first) ? article.get() : first;
            last = article.get().isAfter(last) ? article.get() : last;
        }
        LocalDate from = first.withDayOfYear(1);
        LocalDate to = last.withDayOfYear(1).plusYears(1);
        int height = AXIS_Y + 20 + ROW * sorted.size();
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"timeline-strip\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(escape(label)).append("\">");
        s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(AXIS_Y).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(AXIS_Y)
                .append("\" stroke=\"currentColor\" stroke-opacity=\"0.4\"/>");
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            double x = x(LocalDate.of(year, 1, 1), from, to);
            s.append("<text class=\"year\" x=\"").append(fmt(x)).append("\" y=\"").append(AXIS_Y - 30)
                    .append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"currentColor\">").append(year)
                    .append("</text>");
        }
        article.ifPresent(d -> {
            double x = x(d, from, to);
            s.append("<g class=\"article-date\"><title>").append(escape(dateLabel + " " + d)).append("</title>")
                    .append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(AXIS_Y - 18).append("\" x2=\"")
                    .append(fmt(x)).append("\" y2=\"").append(AXIS_Y + 6)
                    .append("\" stroke=\"var(--accent, #b03a2e)\" stroke-width=\"2\"/></g>");
        });
        for (int i = 0; i < sorted.size(); i++) {
            point(s, sorted.get(i), i, from, to, root);
        }
        return s.append("</svg>").toString();
    }

    private static void point(StringBuilder s, Point p, int i, LocalDate from, LocalDate to, String root) {
        double x = x(p.date(), from, to);
        // A row of its own for each label, so that none covers another; on the side of its point
        // with more room, and moved in as far as its estimated width needs to stay on the strip.
        int labelY = AXIS_Y + 18 + ROW * i;
        double width = labelWidth(p.name());
        boolean before = x > WIDTH / 2.0;
        String anchor = before ? "end" : "start";
        double labelX = before ? Math.min(WIDTH, Math.max(width, x - 4)) : Math.max(0, Math.min(WIDTH - width, x + 4));
        s.append("<a href=\"").append(escape(root + p.url())).append("\"><title>").append(escape(p.name() + " · " + p.date()))
                .append("</title><circle cx=\"").append(fmt(x)).append("\" cy=\"").append(AXIS_Y)
                .append("\" r=\"4\" stroke=\"currentColor\" fill=\"").append(p.open() ? "currentColor" : "none")
                .append("\"/><text x=\"").append(fmt(labelX)).append("\" y=\"").append(labelY)
                .append("\" font-size=\"10\" text-anchor=\"").append(anchor).append("\" fill=\"currentColor\">")
                .append(escape(p.name())).append("</text></a>");
    }

    /**
     * A generous estimate of a label's width at the strip's font size (10): a wide character (CJK,
     * full-width forms) an em, a space under a third, any other character two thirds, more than
     * the average Latin letter of the sans-serif fonts browsers pick.
     */
    static double labelWidth(String label) {
        double width = 0;
        for (int i = 0; i < label.length(); ) {
            int c = label.codePointAt(i);
            i += Character.charCount(c);
            width += c == ' ' ? 3 : isWide(c) ? 10 : 6.5;
        }
        return width;
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
    }

    private static double x(LocalDate d, LocalDate from, LocalDate to) {
        double span = ChronoUnit.DAYS.between(from, to);
        return LEFT + (WIDTH - LEFT - RIGHT) * ChronoUnit.DAYS.between(from, d) / span;
    }

    /**
     * One decimal, rounded half up, as {@code String.format("%.1f")} writes it (which was most of a
     * strip's cost): the decimal {@link Double#toString} gives, rounded. A coordinate of the strip
     * (positive, and written without an exponent) is rounded on that string's digits; anything else
     * through {@link java.math.BigDecimal}, which rounds the same decimal (a tenth of a build's
     * strips went to making one for every number).
     */
    static String fmt(double v) {
        if (Double.doubleToRawLongBits(v) >= 0 && v >= 1e-3 && v < 1e7) {
            String decimal = Double.toString(v);
            int dot = decimal.indexOf('.');
            if (decimal.length() - dot == 2) {
                return decimal;
            }
            long tenths = Long.parseLong(decimal, 0, dot, 10) * 10 + decimal.charAt(dot + 1) - '0';
            if (decimal.charAt(dot + 2) >= '5') {
                tenths++;
            }
            return tenths / 10 + "." + tenths % 10;
        }
        String rounded = java.math.BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        return v < 0 && rounded.equals("0.0") ? "-0.0" : rounded;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
