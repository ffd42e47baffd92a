package dev.kaiyuan.render;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small JSON tree and its writer, enough for the release exports. Objects keep their members in
 * the order given, so output is stable; the writer indents by two spaces and ends with a newline.
 */
sealed interface Json {
    /** One {@code "name": value} pair of an object. */
    record Member(String name, Json value) {
    }

    record Obj(List<Member> members) implements Json {
        public Obj {
            members = List.copyOf(members);
        }
    }

    record Arr(List<Json> items) implements Json {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value) implements Json {
    }

    record Bool(boolean value) implements Json {
    }

    /** JSON {@code null}. */
    enum Null implements Json {
        NULL
    }

    static Member member(String name, Json value) {
        return new Member(name, value);
    }

    static Member member(String name, String value) {
        return new Member(name, new Str(value));
    }

    /** A string, or {@code null} when absent or empty. */
    static Member member(String name, Optional<String> value) {
        return new Member(name, value.filter(v -> !v.isEmpty()).<Json>map(Str::new).orElse(Null.NULL));
    }

    static Obj object(Member... members) {
        return new Obj(List.of(members));
    }

    /** The value as pretty-printed JSON text with a final newline. */
    static String write(Json value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    private static void write(Json value, int depth, StringBuilder out) {
        if (value instanceof Obj o) {
            writeObject(o, depth, out);
        } else if (value instanceof Arr a) {
            writeArray(a, depth, out);
        } else if (value instanceof Str s) {
            quote(s.value(), out);
        } else if (value instanceof Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    private static void writeObject(Obj o, int depth, StringBuilder out) {
        if (o.members().isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String sep = "\n";
        for (Member m : o.members()) {
            out.append(sep).append("  ".repeat(depth + 1));
            quote(m.name(), out);
            out.append(": ");
            write(m.value(), depth + 1, out);
            sep = ",\n";
        }
        out.append('\n').append("  ".repeat(depth)).append('}');
    }

    private static void writeArray(Arr a, int depth, StringBuilder out) {
        if (a.items().isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String sep = "\n";
        for (Json item : a.items()) {
            out.append(sep).append("  ".repeat(depth + 1));
            write(item, depth + 1, out);
            sep = ",\n";
        }
        out.append('\n').append("  ".repeat(depth)).append(']');
    }

    /**
     * A JSON string (RFC 8259 §7): {@code "} and {@code \} escaped, control characters as short
     * or six-character hex escapes. Beyond the RFC, also escaped: U+2028 and U+2029 (line
     * terminators in JavaScript before ES2019), {@code < > &} (so the text can sit in an HTML
     * {@code <script>} element) and lone surrogates (not encodable in UTF-8).
     */
    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            escape(s, i, out);
        }
        out.append('"');
    }

    private static void escape(String s, int i, StringBuilder out) {
        char c = s.charAt(i);
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                boolean unicode = c < 0x20 || c == 0x2028 || c == 0x2029 || c == '<' || c == '>'
                        || c == '&' || loneSurrogate(s, i);
                out.append(unicode ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
    }

    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }
}
