package org.praxis.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Declares a service's closed sets (statuses, levels, kinds…) as enums in its OpenAPI document, with the
 * values taken from the domain's one list, so generated clients get enum types and the list is never
 * re-typed in an annotation. A service calls it from its own filter, run when the document is built:
 *
 * <pre>{@code
 * @OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
 * public class IntakeClosedSets implements OASFilter {
 *     public void filterOpenAPI(OpenAPI openAPI) {
 *         new ClosedSets()
 *                 .property("RiskFlagView", "status", RiskFlagLifecycle.STATUSES)
 *                 .parameter("listRiskFlags", "status", RiskFlagLifecycle.STATUSES)
 *                 .declareIn(openAPI);
 *     }
 * }
 * }</pre>
 *
 * A schema, property, operation or parameter that is not in the document fails the build: a renamed
 * record must not silently lose its enum. A property that is a list of strings gets the enum on its items.
 */
public final class ClosedSets {
    private record Target(String owner, String name, List<String> values) {}

    private final List<Target> properties = new ArrayList<>();
    private final List<Target> parameters = new ArrayList<>();
    private final List<Target> responses = new ArrayList<>();

    /** Property {@code property} of component schema {@code schema} takes one of {@code values}. */
    public ClosedSets property(String schema, String property, List<String> values) {
        properties.add(new Target(schema, property, List.copyOf(values)));
        return this;
    }

    /** Parameter {@code parameter} of the operation {@code operationId} takes one of {@code values}. */
    public ClosedSets parameter(String operationId, String parameter, List<String> values) {
        parameters.add(new Target(operationId, parameter, List.copyOf(values)));
        return this;
    }

    /** The 200 answer of {@code operationId} is a list of some of {@code values} (each at most once). */
    public ClosedSets response(String operationId, List<String> values) {
        responses.add(new Target(operationId, "200", List.copyOf(values)));
        return this;
    }

    public void declareIn(OpenAPI openAPI) {
        Map<String, Schema> schemas =
                openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        for (Target t : properties) {
            Schema owner = schemas == null ? null : schemas.get(t.owner());
            Schema property = owner == null || owner.getProperties() == null
                    ? null
                    : owner.getProperties().get(t.name());
            enumerate(property, t, "schema " + t.owner() + " has no property " + t.name());
        }
        for (Target t : parameters) {
            enumerate(parameterSchema(openAPI, t), t, "operation " + t.owner() + " has no parameter " + t.name());
        }
        for (Target t : responses) {
            Schema list = responseSchema(openAPI, t);
            enumerate(list, t, "operation " + t.owner() + " has no JSON 200 answer");
            list.setMaxItems(t.values().size());
        }
    }

    private static Schema responseSchema(OpenAPI openAPI, Target t) {
        Operation op = operation(openAPI, t.owner());
        var answer = op == null || op.getResponses() == null
                ? null
                : op.getResponses().getAPIResponse(t.name());
        var json = answer == null || answer.getContent() == null
                ? null
                : answer.getContent().getMediaType("application/json");
        return json == null ? null : json.getSchema();
    }

    private static Operation operation(OpenAPI openAPI, String operationId) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return null;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                if (operationId.equals(op.getOperationId())) {
                    return op;
                }
            }
        }
        return null;
    }

    private static Schema parameterSchema(OpenAPI openAPI, Target t) {
        Operation op = operation(openAPI, t.owner());
        if (op != null && op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (t.name().equals(p.getName())) {
                    return p.getSchema();
                }
            }
        }
        return null;
    }

    private static void enumerate(Schema schema, Target t, String missing) {
        if (schema == null) {
            throw new IllegalStateException("Closed set not declared: " + missing);
        }
        Schema strings = isType(schema, Schema.SchemaType.ARRAY) ? schema.getItems() : schema;
        if (strings == null || !isType(strings, Schema.SchemaType.STRING)) {
            throw new IllegalStateException(
                    "Closed set not declared: " + t.owner() + "." + t.name() + " is not a string or a list of strings");
        }
        strings.setEnumeration(new ArrayList<>(t.values()));
    }

    private static boolean isType(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }
}
