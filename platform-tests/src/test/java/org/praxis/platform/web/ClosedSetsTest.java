package org.praxis.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class ClosedSetsTest {
    private static final List<String> STATUSES = List.of("open", "closed");

    @Test
    void propertiesListsAndParametersTakeTheDomainsValues() {
        OpenAPI doc = document();
        new ClosedSets()
                .property("Thing", "status", STATUSES)
                .property("Thing", "statuses", STATUSES)
                .parameter("listThings", "status", STATUSES)
                .declareIn(doc);
        Schema thing = doc.getComponents().getSchemas().get("Thing");
        assertEquals(STATUSES, thing.getProperties().get("status").getEnumeration());
        assertEquals(STATUSES, thing.getProperties().get("statuses").getItems().getEnumeration());
        assertEquals(
                STATUSES,
                doc.getPaths()
                        .getPathItem("/things")
                        .getGET()
                        .getParameters()
                        .get(0)
                        .getSchema()
                        .getEnumeration());
    }

    @Test
    void aListAnswerTakesTheValuesAndIsBoundedByThem() {
        OpenAPI doc = document();
        new ClosedSets().response("listThings", STATUSES).declareIn(doc);
        Schema answer = doc.getPaths()
                .getPathItem("/things")
                .getGET()
                .getResponses()
                .getAPIResponse("200")
                .getContent()
                .getMediaType("application/json")
                .getSchema();
        assertEquals(STATUSES, answer.getItems().getEnumeration());
        assertEquals(STATUSES.size(), answer.getMaxItems());
        assertThrows(
                IllegalStateException.class,
                () -> new ClosedSets().response("getThing", STATUSES).declareIn(document()));
    }

    @Test
    void whatIsNotInTheDocumentFailsTheBuild() {
        assertThrows(
                IllegalStateException.class,
                () -> new ClosedSets().property("Thing", "state", STATUSES).declareIn(document()));
        assertThrows(
                IllegalStateException.class,
                () -> new ClosedSets().property("Other", "status", STATUSES).declareIn(document()));
        assertThrows(
                IllegalStateException.class,
                () -> new ClosedSets().parameter("getThing", "status", STATUSES).declareIn(document()));
        assertThrows(
                IllegalStateException.class,
                () -> new ClosedSets().property("Thing", "count", STATUSES).declareIn(document()));
    }

    private static OpenAPI document() {
        Schema thing = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("status", string())
                .addProperty(
                        "statuses",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(string()))
                .addProperty("count", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("Thing", thing))
                .paths(
                        OASFactory.createPaths()
                                .addPathItem(
                                        "/things",
                                        OASFactory.createPathItem()
                                                .GET(
                                                        OASFactory.createOperation()
                                                                .operationId("listThings")
                                                                .addParameter(OASFactory.createParameter()
                                                                        .name("status")
                                                                        .in(
                                                                                org.eclipse.microprofile.openapi.models
                                                                                        .parameters.Parameter.In.QUERY)
                                                                        .schema(string()))
                                                                .responses(
                                                                        OASFactory.createAPIResponses()
                                                                                .addAPIResponse(
                                                                                        "200",
                                                                                        OASFactory.createAPIResponse()
                                                                                                .content(
                                                                                                        OASFactory
                                                                                                                .createContent()
                                                                                                                .addMediaType(
                                                                                                                        "application/json",
                                                                                                                        OASFactory
                                                                                                                                .createMediaType()
                                                                                                                                .schema(
                                                                                                                                        OASFactory
                                                                                                                                                .createSchema()
                                                                                                                                                .addType(
                                                                                                                                                        Schema
                                                                                                                                                                .SchemaType
                                                                                                                                                                .ARRAY)
                                                                                                                                                .items(
                                                                                                                                                        string())))))))));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
