package dev.kaiyuan.render;

import java.util.Locale;
import java.util.Set;

/**
 * The country groups of the release chart, in stacking order (bottom first). Only {@code CN} is
 * China: Hong Kong, Macao and Taiwan have their own ISO 3166-1 codes and count as Other, as the
 * data records them.
 */
public enum CountryGroup {
    CHINA("cn"), UNITED_STATES("us"), EUROPE("eu"), OTHER("other");

    /**
     * EU members (Greece is {@code GR} in ISO 3166-1, {@code EL} only in EU usage), the other EEA
     * states (IS, LI, NO), the United Kingdom and Switzerland.
     */
    private static final Set<String> EUROPE_CODES = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO", "GB", "CH");

    private final String key;

    CountryGroup(String key) {
        this.key = key;
    }

    /** The group of an ISO 3166-1 alpha-2 code, in any case; unknown codes are Other. */
    public static CountryGroup of(String country) {
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (code.equals("CN")) {
            return CHINA;
        }
        if (code.equals("US")) {
            return UNITED_STATES;
        }
        return EUROPE_CODES.contains(code) ? EUROPE : OTHER;
    }

    /** Short key used in CSS custom property names and class names: {@code --chart-cn}. */
    public String key() {
        return key;
    }

    /** This group's name in the legend. */
    public String label(ChartLegend legend) {
        return switch (this) {
            case CHINA -> legend.china();
            case UNITED_STATES -> legend.unitedStates();
            case EUROPE -> legend.europe();
            case OTHER -> legend.other();
        };
    }
}
