package io.truecount.sim.msp;

/** Just enough of a YAML writer for {@link SampleConfig}: indented lines, list items, double-quoted scalars. */
final class YamlText {

    private final StringBuilder text = new StringBuilder();

    YamlText comment(String comment) {
        text.append("# ").append(comment).append('\n');
        return this;
    }

    YamlText blank() {
        text.append('\n');
        return this;
    }

    YamlText line(int depth, String content) {
        text.append("  ".repeat(depth)).append(content).append('\n');
        return this;
    }

    YamlText entry(int depth, String key, String value) {
        return line(depth, key + ": " + value);
    }

    /** A list item whose first key is {@code key}; its other keys follow at {@code depth + 1}. */
    YamlText item(int depth, String key, String value) {
        return line(depth - 1, "  - " + key + ": " + value);
    }

    /** A double-quoted scalar; the escapes JSON uses are valid in YAML's double-quoted style. */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
