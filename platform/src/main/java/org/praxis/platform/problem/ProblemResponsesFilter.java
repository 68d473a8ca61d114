package org.praxis.platform.problem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.praxis.platform.security.TokenSchemes;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.DocumentedHeaders;
import org.praxis.platform.web.SchemaBounds;
import org.praxis.platform.web.ValueTypeSchemas;

/**
 * Documents the problem+json errors on every operation, so each one lists what it can answer
 * besides success: 400/422 where it takes input, 401/403 everywhere, 404 on a resource by id,
 * 500 always; 409/412 stay declared by the operations that can give them.
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() != null) {
            describeErrors(openAPI);
        }
        SchemaBounds.apply(openAPI);
        ValueTypeSchemas.apply(openAPI);
        DocumentedHeaders.apply(openAPI);
        TokenSchemes.apply(openAPI);
        org.praxis.platform.ratelimit.RateLimitDocs.apply(openAPI);
    }

    private static void describeErrors(OpenAPI openAPI) {
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            boolean byId = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().getOperations().entrySet()) {
                Operation op = entry.getValue();
                boolean takesInput = op.getRequestBody() != null
                        || op.getParameters() != null && !op.getParameters().isEmpty();
                APIResponses responses =
                        op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
                if (takesInput) {
                    add(responses, "400", "Malformed JSON or parameter");
                    add(responses, "422", "Invalid fields or refused by the rules; `errors` lists each field");
                }
                add(responses, "401", "No valid bearer token");
                add(responses, "403", "The caller's roles or tenant do not allow this");
                if (byId) {
                    add(responses, "404", "Not found, also for another tenant's id");
                }
                add(responses, "500", "Unexpected error; the body has an error id");
                keepExtensionsOnTheOperation(op, responses);
                op.setResponses(responses);
            }
        }
    }

    /**
     * SmallRye puts a method's {@code @Extension} on its responses as well as on the operation; there Swagger UI
     * takes the key for a status code and shows no answer to "Try it out". The operation keeps it.
     */
    private static void keepExtensionsOnTheOperation(Operation op, APIResponses responses) {
        if (responses.getExtensions() == null) {
            return;
        }
        for (String name : List.copyOf(responses.getExtensions().keySet())) {
            if (op.getExtensions() == null || !op.getExtensions().containsKey(name)) {
                op.addExtension(name, responses.getExtensions().get(name));
            }
            responses.removeExtension(name);
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        var existing = responses.getAPIResponse(code);
        var content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(REF)));
        if (existing == null) {
            responses.addAPIResponse(
                    code,
                    OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null) {
            existing.setContent(content);
        }
    }

    private static Schema problemSchema() {
        // Problem texts are written by the services, never echo input at length (Bounds.REASON at most).
        Schema string =
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(Bounds.REASON);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("message", string);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .maxLength(Bounds.URI))
                .addProperty("title", string)
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(BigDecimal.valueOf(400))
                                .maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(fieldError)
                                .maxItems(Problem.MAX_FIELD_ERRORS))
                .addProperty("errorId", string)
                .example(Map.of(
                        "type",
                        Problem.TYPE_PREFIX + ProblemMappers.VALIDATION,
                        "title",
                        ProblemMappers.VALIDATION_TITLE,
                        "status",
                        422,
                        "detail",
                        "The request has 1 invalid field(s).",
                        "errors",
                        List.of(Map.of("field", "answers[9]", "message", "must not be null"))));
    }
}
