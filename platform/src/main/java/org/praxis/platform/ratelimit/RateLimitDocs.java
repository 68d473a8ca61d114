package org.praxis.platform.ratelimit;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.praxis.platform.problem.Problem;

/**
 * Documents {@link RateLimiting} on every operation: a 429 problem with {@code Retry-After}, and the
 * {@code RateLimit-Policy} and {@code RateLimit} headers on each success and client-error answer.
 */
public final class RateLimitDocs {
    private static final String HEADERS = "#/components/headers/";
    private static final int HEADER_LENGTH = 200;
    private static final int MAX_RETRY_SECONDS = 86_400;

    private RateLimitDocs() {}

    public static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addHeader(
                        "RateLimit-Policy",
                        text("The budgets of this caller: `\"client\";q=<calls>;w=<seconds>, \"tenant\";q=...;w=...`"))
                .addHeader(
                        "RateLimit",
                        text(
                                "What is left of each budget and the seconds until it is full: `\"client\";r=<calls>;t=<seconds>`"))
                .addHeader(
                        "Retry-After",
                        OASFactory.createHeader()
                                .description("Seconds until the budget allows another call")
                                .schema(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.INTEGER)
                                        .format("int32")
                                        .minimum(BigDecimal.ONE)
                                        .maximum(BigDecimal.valueOf(MAX_RETRY_SECONDS))));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                APIResponses responses =
                        op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
                if (responses.getAPIResponse("429") == null) {
                    responses.addAPIResponse("429", tooManyRequests());
                }
                for (Map.Entry<String, APIResponse> response :
                        responses.getAPIResponses().entrySet()) {
                    if (response.getKey().startsWith("2") || response.getKey().startsWith("4")) {
                        response.getValue().addHeader("RateLimit-Policy", ref("RateLimit-Policy"));
                        response.getValue().addHeader("RateLimit", ref("RateLimit"));
                    }
                }
                op.setResponses(responses);
            }
        }
    }

    private static APIResponse tooManyRequests() {
        return OASFactory.createAPIResponse()
                .description("The client's or the tenant's budget of calls is used up; nothing was changed")
                .addHeader("Retry-After", ref("Retry-After"))
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }

    private static Header text(String description) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .maxLength(HEADER_LENGTH));
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(HEADERS + name);
    }
}
