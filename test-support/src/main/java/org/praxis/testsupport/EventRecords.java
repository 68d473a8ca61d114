package org.praxis.testsupport;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A service's event records against the schemas in {@code docs/events}: each record it publishes (an
 * {@code OutgoingEvent}) reads its golden example, and what it writes conforms to its schema and carries
 * every property of it, no other; each payload record a handler reads (a {@code SingleTypeHandler}'s) names
 * only properties of the producer's schema, as the JSON type the schema gives, and requires only what the
 * schema requires.
 */
public final class EventRecords {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventRecords() {}

    /**
     * What does not match, empty when all does.
     *
     * @param typePrefix the {@code ce_type} prefix of what the service publishes, e.g. {@code org.praxis.intake}
     */
    public static List<String> mismatches(String rootPackage, String typePrefix) {
        Class<?> outgoing = platform("org.praxis.platform.events.OutgoingEvent");
        Class<?> handler = platform("org.praxis.platform.events.SingleTypeHandler");
        List<String> problems = new ArrayList<>();
        int published = 0;
        for (JavaClass c : ProductionClasses.under(rootPackage)) {
            Class<?> type = c.reflect();
            if (type.isRecord() && outgoing.isAssignableFrom(type)) {
                published++;
                problems.addAll(published(type, typePrefix));
            } else if (handler.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                problems.addAll(consumed(type));
            }
        }
        if (published == 0) {
            problems.add("no published record (OutgoingEvent) under " + rootPackage);
        }
        return problems;
    }

    private static List<String> published(Class<?> record, String typePrefix) {
        String ceType = typePrefix + "." + call(sample(record), "type");
        List<String> problems = new ArrayList<>();
        JsonNode schema = schema(ceType);
        if (schema == null) {
            return List.of(record.getName() + ": no schema for " + ceType);
        }
        Object example;
        try {
            example = JSON.treeToValue(EventContracts.goldenExampleJson(ceType), record);
        } catch (IOException e) {
            return List.of(
                    record.getName() + ": the golden example of " + ceType + " does not read: " + e.getMessage());
        }
        JsonNode written = JSON.valueToTree(example);
        EventContracts.violations(ceType, written.toString())
                .forEach(v -> problems.add(record.getName() + " writes what " + ceType + " refuses: " + v));
        Set<String> produced = new TreeSet<>();
        written.fieldNames().forEachRemaining(produced::add);
        Set<String> properties = properties(schema);
        if (!produced.equals(properties)) {
            problems.add(record.getName() + " writes " + produced + ", the schema of " + ceType + " has " + properties);
        }
        return problems;
    }

    private static List<String> consumed(Class<?> handlerType) {
        Object handler;
        try {
            handler = handlerType.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            return List.of(handlerType.getName() + ": cannot be made for the check: " + e);
        }
        String ceType = (String) call(handler, "type");
        Class<?> payload = (Class<?>) call(handler, "payloadType");
        JsonNode schema = schema(ceType);
        if (schema == null) {
            return List.of(handlerType.getName() + ": no schema for " + ceType);
        }
        Set<String> properties = properties(schema);
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> problems = new ArrayList<>();
        for (RecordComponent c : payload.getRecordComponents()) {
            JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
            String name = p != null && !p.value().isEmpty() ? p.value() : c.getName();
            if (!properties.contains(name)) {
                problems.add(payload.getName() + " reads " + name + ", which " + ceType + " does not have");
            } else if ((p != null && p.required() || c.getType().isPrimitive()) && !required.contains(name)) {
                problems.add(payload.getName() + " requires " + name + ", which " + ceType + " may leave out");
            } else if (!readable(
                    c.getType(), schema.path("properties").path(name).path("type"))) {
                problems.add(payload.getName() + " reads " + name + " as "
                        + c.getType().getSimpleName() + ", but " + ceType + " writes it as "
                        + schema.path("properties").path(name).path("type"));
            }
        }
        return problems;
    }

    /** Whether a record component of {@code type} can read every non-null JSON type the schema allows. */
    private static boolean readable(Class<?> type, JsonNode schemaType) {
        Set<String> written = new HashSet<>();
        if (schemaType.isTextual()) {
            written.add(schemaType.asText());
        }
        schemaType.forEach(t -> written.add(t.asText()));
        written.remove("null");
        return written.isEmpty() || readsAs(type).containsAll(written); // no type given: nothing to compare
    }

    private static Set<String> readsAs(Class<?> type) {
        if (type == String.class
                || type == UUID.class
                || type.isEnum()
                || type.getName().startsWith("java.time.")) {
            return Set.of("string");
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return Set.of("integer");
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return Set.of("number", "integer");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Set.of("boolean");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Set.of("array");
        }
        return Set.of("object");
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode schema(String ceType) {
        Path file = EventContracts.directory().resolve(ceType + ".schema.json");
        try {
            return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instance with every component empty (null, 0, false): enough to ask a record its type. */
    private static Object sample(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = !types[i].isPrimitive() ? null : types[i] == boolean.class ? false : zero(types[i]);
        }
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make an empty " + record.getName(), e);
        }
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0d;
        }
        return 0; // int: the events carry no other primitive numbers
    }

    private static Object call(Object target, String method) {
        try {
            var m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass().getName() + "." + method + "()", e);
        }
    }

    private static Class<?> platform(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the class path: the check runs in a service's tests", e);
        }
    }
}
