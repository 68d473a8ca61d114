package org.praxis.platform.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Keeps the document free of what SDK generators warn about. The components the scanner writes for
 * JDK value types (Instant, LocalDate, OffsetDateTime, UUID) are inlined as plain string schemas and
 * removed: their names are a framework's, not the contract's, and clash with generated Java types
 * (ModelLocalDate). A {@code type} or {@code format} the scanner writes beside a {@code $ref} goes:
 * generators clear it with a warning, the referenced schema says it.
 */
public final class ValueTypeSchemas {
    private static final String PREFIX = "#/components/schemas/";
    private static final Set<String> JDK_TYPES = Set.of("Instant", "LocalDate", "OffsetDateTime", "UUID");

    private final Map<String, Schema> inlined = new HashMap<>();

    private ValueTypeSchemas() {}

    public static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        ValueTypeSchemas document = new ValueTypeSchemas();
        for (String name : JDK_TYPES) {
            if (schemas.containsKey(name)) {
                document.inlined.put(PREFIX + name, schemas.get(name));
            }
        }
        JDK_TYPES.forEach(openAPI.getComponents()::removeSchema);
        openAPI.getComponents().getSchemas().values().forEach(document::fix);
        if (openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(document::fix);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                if (op.getParameters() != null) {
                    op.getParameters().stream().map(Parameter::getSchema).forEach(document::fix);
                }
                if (op.getRequestBody() != null) {
                    document.fix(op.getRequestBody().getContent());
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    for (APIResponse response :
                            op.getResponses().getAPIResponses().values()) {
                        document.fix(response.getContent());
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(document::fix);
                        }
                    }
                }
            }
        }
    }

    private void fix(Header header) {
        fix(header.getSchema());
    }

    private void fix(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).forEach(this::fix);
        }
    }

    private void fix(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            Schema value = inlined.get(schema.getRef());
            // The property keeps its own description, bounds and examples; the value type adds the rest.
            schema.setType(value == null ? null : value.getType());
            schema.setFormat(value == null ? null : value.getFormat());
            if (value != null) {
                schema.setRef(null);
                schema.setPattern(schema.getPattern() == null ? value.getPattern() : schema.getPattern());
                schema.setMaxLength(schema.getMaxLength() == null ? value.getMaxLength() : schema.getMaxLength());
                schema.setExamples(schema.getExamples() == null ? value.getExamples() : schema.getExamples());
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(this::fix);
        }
        fix(schema.getItems());
        fix(schema.getAdditionalPropertiesSchema());
        fixAll(schema.getAllOf());
        fixAll(schema.getAnyOf());
        fixAll(schema.getOneOf());
    }

    private void fixAll(Collection<Schema> schemas) {
        if (schemas != null) {
            schemas.forEach(this::fix);
        }
    }
}
