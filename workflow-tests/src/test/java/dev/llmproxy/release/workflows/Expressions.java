package dev.llmproxy.release.workflows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small evaluator for the GitHub Actions expression language, as far as our workflows use it.
 *
 * <p>Supported (GitHub docs "Evaluate expressions in workflows and actions"): literals ({@code 'text'} with
 * {@code ''} escapes, numbers, {@code true}, {@code false}, {@code null}), context paths ({@code a.b}, {@code a['b']}),
 * {@code !}, {@code ==}, {@code !=} (strings compared ignoring case, other mixed types as numbers), {@code &&} and
 * {@code ||} (returning an operand, not a boolean), parentheses, and the functions {@code success()},
 * {@code failure()}, {@code always()}, {@code cancelled()}, {@code startsWith}, {@code endsWith}, {@code contains}.
 * Anything else throws {@link IllegalArgumentException} naming the expression, so a workflow that needs more
 * fails the test loudly instead of being evaluated wrongly.
 *
 * <p>Values are {@code null}, {@link String}, {@link Boolean}, {@link Double} and {@link Map} (contexts).
 */
final class Expressions {
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<string>'(?:[^']|'')*')|(?<number>-?[0-9]+(?:\\.[0-9]+)?)|(?<ident>[A-Za-z_][A-Za-z0-9_-]*)"
                    + "|(?<op>==|!=|&&|\\|\\||[!().,\\[\\]]))");

    private Expressions() {
    }

    /**
     * Replaces every {@code ${{ expr }}} in {@code template} by the string form of its value.
     *
     * @param template text, possibly without any expression
     * @param contexts root names ({@code github}, {@code inputs}, ...) to their values; unknown roots are an error
     * @param status   {@code success()}, {@code failure()}, ... by name
     * @return the text with each expression replaced
     */
    static String interpolate(String template, Map<String, Object> contexts, Function<String, Boolean> status) {
        Matcher matcher = TEMPLATE.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            Object value = evaluate(matcher.group(1), contexts, status);
            matcher.appendReplacement(result, Matcher.quoteReplacement(asString(value)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /**
     * Evaluates an {@code if:} condition: with or without the {@code ${{ }}} wrapper, as GitHub allows.
     *
     * @return the truthiness of the value (false, 0, '' and null are false)
     */
    static boolean condition(String text, Map<String, Object> contexts, Function<String, Boolean> status) {
        String trimmed = text.strip();
        if (trimmed.startsWith("${{") && trimmed.endsWith("}}")) {
            trimmed = trimmed.substring(3, trimmed.length() - 2);
        }
        return truthy(evaluate(trimmed, contexts, status));
    }

    /** Evaluates one expression (the text between {@code ${{} and {@code }}}). */
    static Object evaluate(String expression, Map<String, Object> contexts, Function<String, Boolean> status) {
        Parser parser = new Parser(expression, contexts, status);
        Object value = parser.or();
        if (parser.peek() != null) {
            throw new IllegalArgumentException("Unsupported expression '" + expression + "': unexpected '" + parser.peek() + "'");
        }
        return value;
    }

    /** GitHub's truthiness: false, 0, -0, NaN, '' and null are false; everything else is true. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    /** The string GitHub substitutes for a value: '' for null, 'true'/'false', integers without '.0'. */
    static String asString(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : d.toString();
        }
        return value.toString();
    }

    private static boolean looselyEqual(Object left, Object right) {
        if (left instanceof String l && right instanceof String r) {
            return l.toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT));
        }
        if (left == null || right == null || left instanceof Map<?, ?> || right instanceof Map<?, ?>) {
            return left == right;
        }
        return number(left) == number(right);
    }

    private static double number(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Double d) {
            return d;
        }
        String text = value.toString().strip();
        try {
            return text.isEmpty() ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static final class Parser {
        private final String expression;
        private final List<String> tokens = new ArrayList<>();
        private final Map<String, Object> contexts;
        private final Function<String, Boolean> status;
        private int position;

        Parser(String expression, Map<String, Object> contexts, Function<String, Boolean> status) {
            this.expression = expression;
            this.contexts = contexts;
            this.status = status;
            Matcher matcher = TOKEN.matcher(expression);
            int end = 0;
            while (matcher.lookingAt()) {
                tokens.add(matcher.group().strip());
                end = matcher.end();
                matcher.region(end, expression.length());
            }
            if (!expression.substring(end).isBlank()) {
                throw new IllegalArgumentException("Unsupported expression '" + expression + "' at '" + expression.substring(end) + "'");
            }
        }

        String peek() {
            return position < tokens.size() ? tokens.get(position) : null;
        }

        private String next() {
            String token = peek();
            if (token == null) {
                throw new IllegalArgumentException("Unsupported expression '" + expression + "': ends too early");
            }
            position++;
            return token;
        }

        private void expect(String token) {
            String actual = next();
            if (!actual.equals(token)) {
                throw new IllegalArgumentException("Unsupported expression '" + expression + "': expected '" + token + "', got '" + actual + "'");
            }
        }

        Object or() {
            Object value = and();
            while ("||".equals(peek())) {
                next();
                Object right = and();
                value = truthy(value) ? value : right;
            }
            return value;
        }

        private Object and() {
            Object value = equality();
            while ("&&".equals(peek())) {
                next();
                Object right = equality();
                value = truthy(value) ? right : value;
            }
            return value;
        }

        private Object equality() {
            Object value = unary();
            if ("==".equals(peek()) || "!=".equals(peek())) {
                boolean equal = next().equals("==");
                return looselyEqual(value, unary()) == equal;
            }
            return value;
        }

        private Object unary() {
            if ("!".equals(peek())) {
                next();
                return !truthy(unary());
            }
            return postfix();
        }

        private Object postfix() {
            Object value = primary();
            while (".".equals(peek()) || "[".equals(peek())) {
                String key;
                if (next().equals(".")) {
                    key = next();
                } else {
                    key = asString(or());
                    expect("]");
                }
                value = value instanceof Map<?, ?> map ? lookup(map, key) : null;
            }
            return value;
        }

        private Object primary() {
            String token = next();
            if (token.equals("(")) {
                Object value = or();
                expect(")");
                return value;
            }
            if (token.startsWith("'")) {
                return token.substring(1, token.length() - 1).replace("''", "'");
            }
            if (Character.isDigit(token.charAt(0)) || token.startsWith("-")) {
                return Double.parseDouble(token);
            }
            switch (token) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "null":
                    return null;
                default:
                    break;
            }
            if ("(".equals(peek())) {
                return call(token);
            }
            if (!contexts.containsKey(token)) {
                throw new IllegalArgumentException("Unsupported expression '" + expression + "': unknown context '" + token + "'");
            }
            return contexts.get(token);
        }

        private Object call(String function) {
            expect("(");
            List<Object> arguments = new ArrayList<>();
            while (!")".equals(peek())) {
                arguments.add(or());
                if (",".equals(peek())) {
                    next();
                }
            }
            expect(")");
            switch (function) {
                case "success", "failure", "always", "cancelled":
                    return status.apply(function);
                case "startsWith":
                    return ignoringCase(arguments, String::startsWith);
                case "endsWith":
                    return ignoringCase(arguments, String::endsWith);
                case "contains":
                    return ignoringCase(arguments, String::contains);
                default:
                    throw new IllegalArgumentException("Unsupported expression '" + expression + "': unknown function '" + function + "'");
            }
        }

        private static boolean ignoringCase(List<Object> arguments, BiPredicate<String, String> test) {
            return test.test(asString(arguments.get(0)).toLowerCase(Locale.ROOT), asString(arguments.get(1)).toLowerCase(Locale.ROOT));
        }

        private static Object lookup(Map<?, ?> map, String key) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey().toString().equalsIgnoreCase(key)) {
                    return entry.getValue();
                }
            }
            return null;
        }
    }
}
