package org.praxis.platform.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Declares in the OpenAPI document the bounds the platform itself enforces, so a service declares
 * only its own fields: the serialised size of UUIDs, instants and dates; a page holds at most
 * {@link PageRequest#MAX_LIMIT} items with a cursor of at most {@link Bounds#CURSOR} characters;
 * {@code limit}, {@code cursor}, {@code Idempotency-Key}, {@code If-Match} and {@code If-None-Match}
 * parameters are checked by {@link PageRequest}, {@link IdempotencyKeys} and {@link ETags}.
 */
public final class SchemaBounds {
    private static final Map<String, Integer> FORMAT_LENGTH =
            Map.of("uuid", Bounds.UUID, "date-time", Bounds.INSTANT, "date", Bounds.DATE);
    private static final Set<String> TIME_SCHEMAS = Set.of("Instant", "LocalDate", "OffsetDateTime");

    private SchemaBounds() {}

    public static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            for (Map.Entry<String, Schema> e :
                    openAPI.getComponents().getSchemas().entrySet()) {
                Schema schema = e.getValue();
                if (TIME_SCHEMAS.contains(e.getKey()) && schema.getMaxLength() == null && isString(schema)) {
                    schema.setMaxLength(e.getKey().equals("LocalDate") ? Bounds.DATE : Bounds.INSTANT);
                }
                if (e.getKey().startsWith("Page") && schema.getProperties() != null) {
                    Schema items = schema.getProperties().get("items");
                    if (items != null && items.getMaxItems() == null) {
                        items.setMaxItems(PageRequest.MAX_LIMIT);
                    }
                    Schema cursor = schema.getProperties().get("nextCursor");
                    if (cursor != null && cursor.getMaxLength() == null) {
                        cursor.setMaxLength(Bounds.CURSOR);
                    }
                }
                walk(schema);
            }
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                if (op.getParameters() == null) {
                    continue;
                }
                for (Parameter parameter : op.getParameters()) {
                    Schema schema = parameter.getSchema();
                    if (schema == null) {
                        continue;
                    }
                    switch (parameter.getName()) {
                        case "limit" -> {
                            if (schema.getMinimum() == null) {
                                schema.setMinimum(BigDecimal.ONE);
                            }
                            if (schema.getMaximum() == null) {
                                schema.setMaximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT));
                            }
                        }
                        case "cursor" -> setMaxLength(schema, Bounds.CURSOR);
                        case IdempotencyKeys.HEADER -> setMaxLength(schema, Bounds.IDEMPOTENCY_KEY);
                        case "If-Match", "If-None-Match" -> setMaxLength(schema, Bounds.ETAG_HEADER);
                        default -> {}
                    }
                    walk(schema);
                }
            }
        }
    }

    private static void setMaxLength(Schema schema, int max) {
        if (schema.getMaxLength() == null && isString(schema)) {
            schema.setMaxLength(max);
        }
    }

    private static boolean isString(Schema schema) {
        List<Schema.SchemaType> type = schema.getType();
        return type != null && type.contains(Schema.SchemaType.STRING);
    }

    /** Formats with a fixed serialised size, wherever they sit in a schema. */
    private static void walk(Schema schema) {
        if (schema == null) {
            return;
        }
        if (isString(schema)
                && schema.getMaxLength() == null
                && schema.getFormat() != null
                && FORMAT_LENGTH.containsKey(schema.getFormat())) {
            schema.setMaxLength(FORMAT_LENGTH.get(schema.getFormat()));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(SchemaBounds::walk);
        }
        walk(schema.getItems());
        if (schema.getAdditionalPropertiesSchema() != null) {
            walk(schema.getAdditionalPropertiesSchema());
        }
        walkAll(schema.getAllOf());
        walkAll(schema.getAnyOf());
        walkAll(schema.getOneOf());
    }

    private static void walkAll(Collection<Schema> schemas) {
        if (schemas != null) {
            schemas.forEach(SchemaBounds::walk);
        }
    }
}
