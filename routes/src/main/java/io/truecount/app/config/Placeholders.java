package io.truecount.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a YAML string by environment variables. As in a POSIX
 * shell, the default applies when the variable is unset or empty.
 */
final class Placeholders {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> env;

    Placeholders(Function<String, String> env) {
        this.env = env;
    }

    /**
     * @param value the text with every reference replaced (meaningless when {@code problems} is not empty)
     * @param variables the names of the variables referenced, in order
     * @param problems what went wrong, never quoting a variable's value or default
     */
    record Resolution(String value, List<String> variables, List<String> problems) {}

    Resolution resolve(String raw) {
        StringBuilder out = new StringBuilder();
        List<String> variables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int from = 0;
        int start;
        while ((start = raw.indexOf("${", from)) >= 0) {
            out.append(raw, from, start);
            int end = raw.indexOf('}', start);
            if (end < 0) {
                problems.add("unclosed '${': write ${NAME} or ${NAME:-default}");
                return new Resolution(raw, variables, problems);
            }
            String reference = raw.substring(start + 2, end);
            int colon = reference.indexOf(":-");
            String name = colon < 0 ? reference : reference.substring(0, colon);
            if (!NAME.matcher(name).matches()) {
                problems.add("invalid variable reference: write ${NAME} or ${NAME:-default}");
            } else {
                variables.add(name);
                String value = env.apply(name);
                if (colon >= 0 && (value == null || value.isEmpty())) {
                    value = reference.substring(colon + 2);
                }
                if (value == null) {
                    problems.add("environment variable " + name + " is not set");
                } else {
                    out.append(value);
                }
            }
            from = end + 1;
        }
        out.append(raw.substring(from));
        return new Resolution(out.toString(), variables, problems);
    }
}
