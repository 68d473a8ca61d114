package org.praxis.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class DocumentedHeadersTest {
    private static final String VIEW = "#/components/schemas/ThingView";

    @Test
    void createsLocateChangesNeedIfMatchAndVersionedViewsCarryTheirETag() {
        Operation open = operation("openThing", "201", VIEW);
        Operation get = operation("getThing", "200", VIEW);
        Operation move = operation("moveThing", "200", VIEW)
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER));
        move.getResponses().addAPIResponse("428", OASFactory.createAPIResponse().description("If-Match required"));
        Operation list = operation("listThings", "200", "#/components/schemas/PageThingView");
        OpenAPI doc = OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/things",
                                OASFactory.createPathItem().POST(open).GET(list))
                        .addPathItem(
                                "/things/{id}",
                                OASFactory.createPathItem().GET(get).PUT(move)));

        DocumentedHeaders.apply(doc);

        assertTrue(response(open, "201").getHeaders().containsKey("Location"));
        assertTrue(response(open, "201").getHeaders().containsKey("ETag"));
        assertTrue(response(get, "200").getHeaders().containsKey("ETag"));
        assertTrue(response(move, "200").getHeaders().containsKey("ETag"));
        assertNull(response(list, "200").getHeaders());
        assertEquals(Boolean.TRUE, move.getParameters().get(0).getRequired());
    }

    private static Operation operation(String id, String code, String ref) {
        return OASFactory.createOperation()
                .operationId(id)
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(
                                code,
                                OASFactory.createAPIResponse()
                                        .description("ok")
                                        .content(OASFactory.createContent()
                                                .addMediaType(
                                                        "application/json",
                                                        OASFactory.createMediaType()
                                                                .schema(OASFactory.createSchema()
                                                                        .ref(ref))))));
    }

    private static APIResponse response(Operation op, String code) {
        return op.getResponses().getAPIResponse(code);
    }
}
