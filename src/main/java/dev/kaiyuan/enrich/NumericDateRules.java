package dev.kaiyuan.enrich;

import static dev.kaiyuan.enrich.DateRule.mention;

import dev.kaiyuan.model.DateMention;
import dev.kaiyuan.model.DateMention.Qualifier;
import dev.kaiyuan.model.DatePrecision;
import java.util.List;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * All-digit dates, year first, in any language: {@code 2025-08-05}, {@code 2025/8/5},
 * {@code 2025.8.5}. The two separators must agree, and the date must not sit inside a longer
 * run of digits, dots or dashes (versions, phone numbers, ranges such as {@code 2023-2025}).
 * An ISO time may follow ({@code 2025-08-05T10:00}). Day-first and month-first forms
 * ({@code 05/08/2025}) are ambiguous and not read.
 */
final class NumericDateRules {
    static final List<DateRule> RULES = List.of(DateRule.of(DateCues.NUMERIC_DATE,
            "(?<![0-9A-Za-z_.\\-/])(?<y>[0-9]{4})(?<sep>[-/.])(?<m>[0-9]{1,2})\\k<sep>(?<d>[0-9]{1,2})"
                    + "(?:(?=T[0-9])|(?![0-9A-Za-z_%]|[.\\-/][0-9]))",
            NumericDateRules::day));

    private NumericDateRules() {
    }

    private static @Nullable DateMention day(Matcher m, DateAnchor anchor) {
        return mention(m, anchor.day(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                Integer.parseInt(m.group("d"))), DatePrecision.DAY, Qualifier.NONE);
    }
}
