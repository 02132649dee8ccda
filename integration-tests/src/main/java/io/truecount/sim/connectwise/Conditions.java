package io.truecount.sim.connectwise;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The subset of ConnectWise's {@code conditions} language (vendor-apis.md §3.1) a connector needs: clauses
 * {@code field op value} joined by {@code and}, with operators {@code = != < <= > >= in}, dates in brackets
 * ({@code [2026-10-01T00:00:00Z]}), strings in quotes, whole numbers, and lists in parentheses for {@code in}.
 * Anything else is refused as ConnectWise refuses a bad condition: with a 400, never by ignoring it.
 */
final class Conditions {

    private record Clause(String field, String op, Object value) {}

    private final List<Clause> clauses;

    private Conditions(List<Clause> clauses) {
        this.clauses = clauses;
    }

    static final Conditions NONE = new Conditions(List.of());

    /** @throws IllegalArgumentException naming what cannot be read */
    static Conditions parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Reader reader = new Reader(text);
        List<Clause> clauses = new ArrayList<>();
        do {
            String field = reader.word();
            String op = reader.operator();
            Object value = op.equals("in") ? reader.list() : reader.value();
            clauses.add(new Clause(field, op, value));
        } while (reader.and());
        reader.end();
        return new Conditions(List.copyOf(clauses));
    }

    /** The ids of a lone {@code id in (..)} clause, which can be looked up; null for any other conditions. */
    List<Long> ids() {
        if (clauses.size() != 1
                || !clauses.get(0).op().equals("in")
                || !clauses.get(0).field().equals("id")) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        for (Object value : (List<?>) clauses.get(0).value()) {
            if (!(value instanceof Long id)) {
                throw new IllegalArgumentException("id in (..) takes whole numbers, not " + value);
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * @param valueOf a record's value of a field (an {@link Instant}, {@link Long} or {@link String}); throws
     *     {@link IllegalArgumentException} for a field the endpoint does not know
     */
    boolean test(Function<String, Object> valueOf) {
        for (Clause clause : clauses) {
            if (!holds(valueOf.apply(clause.field()), clause)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Object actual, Clause clause) {
        if (actual == null) {
            return clause.op().equals("!=");
        }
        if (clause.op().equals("in")) {
            return ((List<?>) clause.value()).contains(actual);
        }
        if (actual.getClass() != clause.value().getClass()) {
            throw new IllegalArgumentException(
                    "the value of " + clause.field() + " cannot be compared with " + clause.value());
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        int order = ((Comparable) actual).compareTo(clause.value());
        return switch (clause.op()) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    /** A small tokenizer over the condition text. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        String word() {
            skipSpaces();
            int start = at;
            while (at < text.length()
                    && (Character.isLetterOrDigit(text.charAt(at)) || "_/".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            if (start == at) {
                throw problem("a field name");
            }
            return text.substring(start, at);
        }

        String operator() {
            skipSpaces();
            for (String op : new String[] {">=", "<=", "!=", "=", "<", ">"}) {
                if (text.startsWith(op, at)) {
                    at += op.length();
                    return op;
                }
            }
            if (text.regionMatches(true, at, "in", 0, 2)) {
                at += 2;
                return "in";
            }
            throw problem("an operator");
        }

        Object value() {
            skipSpaces();
            if (at >= text.length()) {
                throw problem("a value");
            }
            char c = text.charAt(at);
            if (c == '[') {
                String date = until(']');
                try {
                    return OffsetDateTime.parse(date).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + date + "' is not a date-time");
                }
            }
            if (c == '"') {
                return until('"');
            }
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
                at++;
            }
            if (start == at) {
                throw problem("a value");
            }
            return Long.parseLong(text.substring(start, at));
        }

        List<Object> list() {
            skipSpaces();
            if (at >= text.length() || text.charAt(at) != '(') {
                throw problem("a list in parentheses");
            }
            at++;
            List<Object> values = new ArrayList<>();
            while (true) {
                values.add(value());
                skipSpaces();
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                } else if (at < text.length() && text.charAt(at) == ')') {
                    at++;
                    return values;
                } else {
                    throw problem("',' or ')'");
                }
            }
        }

        boolean and() {
            skipSpaces();
            if (text.regionMatches(true, at, "and ", 0, 4)) {
                at += 4;
                return true;
            }
            return false;
        }

        void end() {
            skipSpaces();
            if (at < text.length()) {
                throw problem("'and' or the end");
            }
        }

        private String until(char close) {
            int end = text.indexOf(close, at + 1);
            if (end < 0) {
                throw problem("a closing " + close);
            }
            String inside = text.substring(at + 1, end);
            at = end + 1;
            return inside;
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        private IllegalArgumentException problem(String expected) {
            return new IllegalArgumentException("expected " + expected + " at position " + at + " of '" + text + "'");
        }
    }
}
