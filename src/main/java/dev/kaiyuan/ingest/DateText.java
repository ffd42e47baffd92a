package dev.kaiyuan.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;

/** Full dates as news pages print them: {@code 2025-08-21}, {@code 2025/8/21}, {@code 2025年8月21日}. */
final class DateText {
    private DateText() {
    }

    static Optional<LocalDate> parse(String text) {
        Matcher m = Byline.DATE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                    Integer.parseInt(m.group("d"))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
