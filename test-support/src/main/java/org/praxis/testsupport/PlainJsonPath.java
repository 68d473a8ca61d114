package org.praxis.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A RestAssured JSON path that is only names, list indexes and a final {@code size()}, such as
 * {@code items[0].riskFlags.code}, read the way Groovy's GPath reads it over parsed JSON: a name on a map is the
 * map's value, a name on a list is that name on each element (nulls skipped, nested lists kept), an index counts
 * from the end when negative and gives null past the end, and a name or an index on null makes the whole path null
 * (RestAssured's reading of Groovy's "on null object" errors).
 *
 * <p>Anything else (closures, parameters, methods, names a list answers itself such as {@code empty}, values that
 * are neither maps nor lists) is not plain: {@link #read} says {@link #NOT_PLAIN} and Groovy evaluates the path.
 */
final class PlainJsonPath {
    static final Object NOT_PLAIN = new Object();

    /** Names a list or a map could answer as a bean property or a keyword rather than as JSON. */
    private static final Set<String> NOT_JSON_NAMES = Set.of(
            "class",
            "empty",
            "first",
            "last",
            "metaClass",
            "properties",
            "as",
            "in",
            "def",
            "var",
            "new",
            "null",
            "true",
            "false",
            "this",
            "super",
            "instanceof",
            "it");

    private static final PlainJsonPath NONE = new PlainJsonPath(null);

    private sealed interface Step permits Name, Index, Size {}

    private record Name(String name) implements Step {}

    private record Index(int index) implements Step {}

    private record Size() implements Step {}

    private final List<Step> steps;

    private PlainJsonPath(List<Step> steps) {
        this.steps = steps;
    }

    /** The steps of {@code expression} after {@code root}, or a path whose every read is {@link #NOT_PLAIN}. */
    static PlainJsonPath parse(String expression, String root) {
        if (!expression.startsWith(root)) {
            return NONE;
        }
        List<Step> steps = new ArrayList<>();
        int at = root.length();
        while (at < expression.length()) {
            char c = expression.charAt(at);
            if (expression.startsWith(".size()", at) && at + ".size()".length() == expression.length()) {
                steps.add(new Size());
                at = expression.length();
            } else if (c == '.' && at + 1 < expression.length() && expression.charAt(at + 1) == '\'') {
                int end = expression.indexOf('\'', at + 2);
                String name = end < 0 ? "" : expression.substring(at + 2, end);
                if (name.isEmpty() || name.indexOf('\\') >= 0 || NOT_JSON_NAMES.contains(name)) {
                    return NONE;
                }
                steps.add(new Name(name));
                at = end + 1;
            } else if (c == '.') {
                int end = at + 1;
                while (end < expression.length() && isNamePart(expression.charAt(end), end == at + 1)) {
                    end++;
                }
                String name = expression.substring(at + 1, end);
                if (name.isEmpty() || NOT_JSON_NAMES.contains(name)) {
                    return NONE;
                }
                steps.add(new Name(name));
                at = end;
            } else if (c == '[') {
                int end = expression.indexOf(']', at);
                // No leading zero: Groovy reads [01] as an octal literal and [09] not at all.
                if (end < 0 || !expression.substring(at + 1, end).matches("-?(0|[1-9]\\d{0,8})")) {
                    return NONE;
                }
                steps.add(new Index(Integer.parseInt(expression.substring(at + 1, end))));
                at = end + 1;
            } else {
                return NONE;
            }
        }
        return new PlainJsonPath(List.copyOf(steps));
    }

    private static boolean isNamePart(char c, boolean first) {
        return c == '_' || c == '$' || (c < 128 && (Character.isLetter(c) || (!first && Character.isDigit(c))));
    }

    /** The value at this path in parsed JSON, or {@link #NOT_PLAIN} when Groovy has to say. */
    Object read(Object json) {
        if (steps == null) {
            return NOT_PLAIN;
        }
        Object value = json;
        for (Step step : steps) {
            if (step instanceof Size) {
                value = size(value);
            } else if (value == null) {
                return null;
            } else if (step instanceof Name name) {
                value = property(value, name.name());
            } else {
                value = element(value, ((Index) step).index());
            }
            if (value == NOT_PLAIN) {
                return NOT_PLAIN;
            }
        }
        return value;
    }

    private static Object size(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        return value instanceof String text ? text.length() : NOT_PLAIN;
    }

    private static Object property(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (!isJsonList(value)) {
            return NOT_PLAIN;
        }
        List<Object> each = new ArrayList<>();
        for (Object element : (List<?>) value) {
            if (element != null) {
                Object property = property(element, name);
                if (property == NOT_PLAIN) {
                    return NOT_PLAIN;
                }
                each.add(property);
            }
        }
        return each;
    }

    private static Object element(Object value, int index) {
        if (!isJsonList(value)) {
            return NOT_PLAIN;
        }
        List<?> list = (List<?>) value;
        int at = index < 0 ? index + list.size() : index;
        if (at < 0) {
            return NOT_PLAIN;
        }
        return at < list.size() ? list.get(at) : null;
    }

    /** The lists a JSON parser makes; another list class may have bean properties Groovy reads first. */
    private static boolean isJsonList(Object value) {
        return value != null && value.getClass() == ArrayList.class;
    }
}
