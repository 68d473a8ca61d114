package org.praxis.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What keeps an OpenAPI document from generating a working client (issue 20), as one finding per
 * operation and fault. The faults:
 * <ul>
 *   <li>no 2xx response; a 2xx other than 204/304 without content or with an empty schema;
 *   <li>a 201 without a {@code Location} header or without an {@code Idempotency-Key} parameter;
 *   <li>a 428 response while {@code If-Match} is not a required parameter;
 *   <li>a framework type ({@link #FRAMEWORK_TYPES}) in a schema the operation uses;
 *   <li>an object schema of a success response (or nested in one) with properties but no {@code required};
 *   <li>a string property or parameter named like a closed set ({@link #CLOSED_SET_WORDS}: the name is
 *       one of them or ends with one, e.g. {@code recommendedPathway}) without {@code enum}.
 * </ul>
 */
public final class GeneratorFitness {
    static final Set<String> FRAMEWORK_TYPES =
            Set.of("JsonNode", "ObjectNode", "ArrayNode", "Response", "Object", "MapStringObject");
    static final List<String> CLOSED_SET_WORDS =
            List.of("status", "state", "pathway", "level", "kind", "model", "relation", "decision");
    private static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> schemas;
    private final Set<String> findings = new TreeSet<>();

    private GeneratorFitness(Map<String, Object> document) {
        Map<String, Object> components = map(document.get("components"));
        this.schemas = components == null || map(components.get("schemas")) == null
                ? Map.of()
                : map(components.get("schemas"));
    }

    /** Every finding in {@code document} (the parsed JSON of /q/openapi), sorted; empty when fit. */
    public static List<String> findings(Map<String, Object> document) {
        GeneratorFitness check = new GeneratorFitness(document);
        Map<String, Object> paths = map(document.get("paths"));
        if (paths != null) {
            for (var path : paths.entrySet()) {
                Map<String, Object> item = map(path.getValue());
                for (var op : item.entrySet()) {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        Map<String, Object> operation = map(op.getValue());
                        String where = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " ("
                                + operation.get("operationId") + ")";
                        check.operation(where, operation, list(item.get("parameters")));
                    }
                }
            }
        }
        return new ArrayList<>(check.findings);
    }

    private void operation(String where, Map<String, Object> op, List<Object> pathParameters) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Object p : concat(pathParameters, list(op.get("parameters")))) {
            parameters.add(map(p));
        }
        Map<String, Object> responses = map(op.get("responses")) == null ? Map.of() : map(op.get("responses"));
        Set<Map<String, Object>> used = new LinkedHashSet<>();
        Set<Map<String, Object>> returned = new LinkedHashSet<>();
        boolean success = false;
        for (var response : responses.entrySet()) {
            String code = response.getKey();
            Map<String, Object> body = map(response.getValue());
            if (!code.startsWith("2")) {
                continue;
            }
            success = true;
            Map<String, Object> content = map(body.get("content"));
            if (!code.equals("204") && !code.equals("304")) {
                if (content == null || content.isEmpty()) {
                    findings.add(where + ": " + code + " declares no content");
                }
                for (var media : (content == null ? Map.<String, Object>of() : content).entrySet()) {
                    Map<String, Object> schema = map(map(media.getValue()).get("schema"));
                    if (schema == null || schema.isEmpty()) {
                        findings.add(where + ": " + code + " " + media.getKey() + " has an empty schema");
                    } else {
                        reach(schema, returned);
                    }
                }
            }
            if (code.equals("201")) {
                Map<String, Object> headers = map(body.get("headers"));
                if (headers == null || !headers.containsKey("Location")) {
                    findings.add(where + ": 201 declares no Location header");
                }
                if (parameters.stream().noneMatch(p -> "Idempotency-Key".equals(p.get("name")))) {
                    findings.add(where + ": 201 without an Idempotency-Key parameter");
                }
            }
        }
        if (!success) {
            findings.add(where + ": no 2xx response");
        }
        if (responses.containsKey("428")
                && parameters.stream()
                        .noneMatch(p -> "If-Match".equals(p.get("name")) && Boolean.TRUE.equals(p.get("required")))) {
            findings.add(where + ": answers 428 but If-Match is not required");
        }
        used.addAll(returned);
        Map<String, Object> requestBody = map(op.get("requestBody"));
        if (requestBody != null && map(requestBody.get("content")) != null) {
            for (Object media : map(requestBody.get("content")).values()) {
                reach(map(map(media).get("schema")), used);
            }
        }
        for (Map<String, Object> p : parameters) {
            Map<String, Object> schema = map(p.get("schema"));
            if (closedSetName(String.valueOf(p.get("name"))) && isString(schema) && schema.get("enum") == null) {
                findings.add(where + ": parameter " + p.get("name") + " is a string without enum");
            }
            reach(schema, used);
        }
        for (Map<String, Object> schema : used) {
            String name = nameOf(schema);
            if (FRAMEWORK_TYPES.contains(name)) {
                findings.add(where + ": uses the framework type " + name);
            }
            Map<String, Object> properties = map(schema.get("properties"));
            if (properties == null) {
                continue;
            }
            if (returned.contains(schema) && !properties.isEmpty() && schema.get("required") == null) {
                findings.add(where + ": response schema " + name + " has no required properties");
            }
            for (var property : properties.entrySet()) {
                Map<String, Object> value = map(property.getValue());
                Map<String, Object> strings = isType(value, "array") ? map(value.get("items")) : value;
                if (closedSetName(property.getKey()) && isString(strings) && strings.get("enum") == null) {
                    findings.add(where + ": " + name + "." + property.getKey() + " is a string without enum");
                }
            }
        }
    }

    /** Adds {@code schema} and every schema inside it (through references too) to {@code into}. */
    private void reach(Map<String, Object> schema, Set<Map<String, Object>> into) {
        if (schema == null) {
            return;
        }
        Object ref = schema.get("$ref");
        if (ref instanceof String r && r.startsWith(REF_PREFIX)) {
            Map<String, Object> target = map(schemas.get(r.substring(REF_PREFIX.length())));
            if (target == null) {
                into.add(Map.of("x-name", r.substring(REF_PREFIX.length())));
                return;
            }
            schema = target;
        }
        if (!into.add(schema)) {
            return;
        }
        Map<String, Object> properties = map(schema.get("properties"));
        if (properties != null) {
            properties.values().forEach(p -> reach(map(p), into));
        }
        reach(map(schema.get("items")), into);
        if (schema.get("additionalProperties") instanceof Map<?, ?> extra) {
            reach(map(extra), into);
        }
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            list(schema.get(combined)).forEach(s -> reach(map(s), into));
        }
    }

    private String nameOf(Map<String, Object> schema) {
        for (var e : schemas.entrySet()) {
            if (e.getValue() == schema) {
                return e.getKey();
            }
        }
        return schema.containsKey("x-name") ? String.valueOf(schema.get("x-name")) : "(inline schema)";
    }

    static boolean closedSetName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return CLOSED_SET_WORDS.stream().anyMatch(lower::endsWith);
    }

    private static boolean isString(Map<String, Object> schema) {
        return isType(schema, "string");
    }

    private static boolean isType(Map<String, Object> schema, String type) {
        if (schema == null) {
            return false;
        }
        Object t = schema.get("type");
        return type.equals(t) || t instanceof List<?> types && types.contains(type);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
