package dev.kaiyuan.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Draws {@link ChartRow}s as a stacked bar chart in SVG. Vertical sizes are exact decimals: the
 * scale is 240 / (n · step) with n ≤ 6 and step 1, 2 or 5 times a power of ten, which always
 * terminates, so a bar's segments add up to exactly its total times the scale. Colours are CSS
 * custom properties with fallbacks ({@code --chart-cn}, {@code --chart-us}, {@code --chart-eu},
 * {@code --chart-other}, {@code --chart-grid}, {@code --chart-text}) so a theme can restyle it.
 */
final class ChartSvg {
    static final int WIDTH = 720;
    static final int HEIGHT = 308;
    static final int PLOT_LEFT = 44;
    static final int PLOT_RIGHT = 712;
    static final int PLOT_TOP = 40;
    static final int PLOT_HEIGHT = 240;
    static final int BASELINE = PLOT_TOP + PLOT_HEIGHT;
    private static final int MAX_TICKS = 6;
    private static final int LEGEND_SPACING = 160;
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final String TEXT_FILL = "var(--chart-text, currentColor)";

    private final List<ChartRow> rows;
    private final String idPrefix;
    private final ChartLegend legend;
    private final Scale scale;
    private final StringBuilder out = new StringBuilder();

    ChartSvg(List<ChartRow> rows, String idPrefix, ChartLegend legend) {
        if (!ID.matcher(idPrefix).matches()) {
            throw new IllegalArgumentException("id prefix must be a letter then letters, digits, - or _: " + idPrefix);
        }
        this.rows = rows;
        this.idPrefix = idPrefix;
        this.legend = legend;
        this.scale = Scale.forMax(rows.stream().mapToInt(ChartRow::total).max().orElse(0));
    }

    String render(String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(idPrefix).append("-title ")
                .append(idPrefix).append("-desc\" class=\"release-chart\" font-size=\"12\">\n");
        out.append("<title id=\"").append(idPrefix).append("-title\">").append(Xml.text(title)).append("</title>\n");
        out.append("<desc id=\"").append(idPrefix).append("-desc\">").append(Xml.text(description)).append("</desc>\n");
        gridlines();
        legend();
        bars();
        xLabels();
        return out.append("</svg>\n").toString();
    }

    /** Horizontal lines at each integer tick, labelled on the left; the one at zero is the axis. */
    private void gridlines() {
        out.append("<g class=\"chart-grid\">\n");
        for (int k = 0; k <= scale.ticks(); k++) {
            int value = k * scale.step();
            String y = fmt(yOf(value));
            out.append("<line x1=\"").append(PLOT_LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(PLOT_RIGHT).append("\" y2=\"").append(y)
                    .append("\" stroke=\"var(--chart-grid, #c8c8c8)\" stroke-width=\"1\"/>\n");
            out.append("<text class=\"chart-tick\" x=\"").append(PLOT_LEFT - 6).append("\" y=\"").append(y)
                    .append("\" dy=\"0.32em\" text-anchor=\"end\" fill=\"").append(TEXT_FILL).append("\">")
                    .append(value).append("</text>\n");
        }
        out.append("</g>\n");
    }

    private void legend() {
        out.append("<g class=\"chart-legend\">\n");
        int i = 0;
        for (CountryGroup g : CountryGroup.values()) {
            int x = PLOT_LEFT + i++ * LEGEND_SPACING;
            out.append("<rect x=\"").append(x).append("\" y=\"10\" width=\"12\" height=\"12\" ")
                    .append(fill(g)).append("/>\n");
            out.append("<text x=\"").append(x + 18).append("\" y=\"20\" fill=\"").append(TEXT_FILL).append("\">")
                    .append(Xml.text(g.label(legend))).append("</text>\n");
        }
        out.append("</g>\n");
    }

    private void bars() {
        for (int i = 0; i < rows.size(); i++) {
            bar(rows.get(i), i);
        }
    }

    /** One group per quarter: its segments stack bottom-up in {@link CountryGroup} order. */
    private void bar(ChartRow row, int index) {
        out.append("<g class=\"chart-bar\" data-quarter=\"").append(row.quarter()).append("\" data-total=\"")
                .append(row.total()).append("\">\n<title>").append(row.quarter()).append(": ")
                .append(row.total()).append("</title>\n");
        BigDecimal top = BigDecimal.valueOf(BASELINE);
        for (CountryGroup g : CountryGroup.values()) {
            int count = row.count(g);
            if (count > 0) {
                BigDecimal height = scale.unit().multiply(BigDecimal.valueOf(count));
                top = top.subtract(height);
                segment(row.quarter(), g, count, index, top, height);
            }
        }
        out.append("</g>\n");
    }

    private void segment(String quarter, CountryGroup g, int count, int index, BigDecimal y, BigDecimal height) {
        out.append("<rect class=\"chart-").append(g.key()).append("\" x=\"").append(fmt(barX(index)))
                .append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(barWidth()))
                .append("\" height=\"").append(fmt(height)).append("\" ").append(fill(g)).append("><title>")
                .append(quarter).append(' ').append(Xml.text(g.label(legend))).append(": ").append(count)
                .append("</title></rect>\n");
    }

    /** The year under each first quarter; if the range has no first quarter, every quarter's name. */
    private void xLabels() {
        boolean anyFirst = rows.stream().anyMatch(r -> r.quarter().endsWith("Q1"));
        out.append("<g class=\"chart-x\">\n");
        for (int i = 0; i < rows.size(); i++) {
            String q = rows.get(i).quarter();
            if (anyFirst && !q.endsWith("Q1")) {
                continue;
            }
            String label = anyFirst ? q.substring(0, 4) : q;
            out.append("<text x=\"").append(fmt(barX(i).add(barWidth().divide(BigDecimal.valueOf(2)))))
                    .append("\" y=\"").append(BASELINE + 18).append("\" text-anchor=\"middle\" fill=\"")
                    .append(TEXT_FILL).append("\">").append(label).append("</text>\n");
        }
        out.append("</g>\n");
    }

    private static String fill(CountryGroup g) {
        return "fill=\"var(--chart-" + g.key() + ", " + colour(g) + ")\"";
    }

    /** Fallback colours: distinguishable with the common colour-vision deficiencies (Okabe–Ito). */
    private static String colour(CountryGroup g) {
        return switch (g) {
            case CHINA -> "#d55e00";
            case UNITED_STATES -> "#0072b2";
            case EUROPE -> "#009e73";
            case OTHER -> "#999999";
        };
    }

    private BigDecimal yOf(int value) {
        return BigDecimal.valueOf(BASELINE).subtract(scale.unit().multiply(BigDecimal.valueOf(value)));
    }

    private BigDecimal slot() {
        return BigDecimal.valueOf(PLOT_RIGHT - PLOT_LEFT).divide(BigDecimal.valueOf(rows.size()), 3,
                RoundingMode.HALF_EVEN);
    }

    private BigDecimal barWidth() {
        return slot().multiply(new BigDecimal("0.7")).setScale(3, RoundingMode.HALF_EVEN);
    }

    private BigDecimal barX(int index) {
        BigDecimal gap = slot().subtract(barWidth()).divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_EVEN);
        return BigDecimal.valueOf(PLOT_LEFT).add(slot().multiply(BigDecimal.valueOf(index))).add(gap);
    }

    /** Shortest plain decimal: no exponent, no trailing zeros. */
    static String fmt(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /**
     * The y axis: {@code ticks} steps of {@code step} releases, {@code unit} pixels per release.
     * The step is the smallest of 1, 2, 5, 10, 20, 50 … that needs at most six ticks.
     */
    record Scale(int step, int ticks, BigDecimal unit) {
        static Scale forMax(int max) {
            int step = stepFor(max);
            int ticks = Math.max(1, ceilDiv(max, step));
            BigDecimal unit = BigDecimal.valueOf(PLOT_HEIGHT).divide(BigDecimal.valueOf((long) ticks * step));
            return new Scale(step, ticks, unit);
        }

        private static int stepFor(int max) {
            for (int power = 1; ; power *= 10) {
                for (int m : new int[] {1, 2, 5}) {
                    if (ceilDiv(max, m * power) <= MAX_TICKS) {
                        return m * power;
                    }
                }
            }
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }
}
