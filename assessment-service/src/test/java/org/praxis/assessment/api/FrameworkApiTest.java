package org.praxis.assessment.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.assessment.domain.CaseDocuments;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/** The built-in framework, CASE import and export, and the tenant's settings. */
@QuarkusTest
class FrameworkApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AssessmentTenant t = new AssessmentTenant();

    /** What makes two CASE documents the same framework: the document, every item and every association. */
    private static Set<String> essence(JsonNode doc) {
        Set<String> facts = new HashSet<>();
        facts.add("doc " + doc.at("/CFDocument/identifier").asText() + " "
                + doc.at("/CFDocument/title").asText());
        doc.get("CFItems")
                .forEach(i -> facts.add("item " + i.get("identifier").asText() + " "
                        + i.get("humanCodingScheme").asText() + " "
                        + i.get("CFItemType").asText() + " "
                        + i.get("fullStatement").asText()));
        doc.get("CFAssociations")
                .forEach(a -> facts.add("assoc " + a.get("associationType").asText() + " "
                        + a.at("/originNodeURI/identifier").asText() + " "
                        + a.at("/destinationNodeURI/identifier").asText()));
        return facts;
    }

    private JsonNode authoritativeWording() throws Exception {
        String builtIn = as(t.admin)
                .when()
                .get("/v1/frameworks/praxis-coaching/versions/1/case")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ObjectNode doc = (ObjectNode) JSON.readTree(builtIn);
        ((ObjectNode) doc.get("CFDocument"))
                .put("identifier", java.util.UUID.randomUUID().toString())
                .put("title", "Coaching competence framework (licensed wording)");
        for (JsonNode i : doc.get("CFItems")) {
            ((ObjectNode) i)
                    .put(
                            "fullStatement",
                            "Licensed text of " + i.get("humanCodingScheme").asText());
            ((ObjectNode) i.get("CFDocumentURI"))
                    .put("identifier", doc.at("/CFDocument/identifier").asText());
        }
        String docId = doc.at("/CFDocument/identifier").asText();
        String oldDoc = JSON.readTree(builtIn).at("/CFDocument/identifier").asText();
        for (JsonNode a : doc.get("CFAssociations")) {
            if (a.at("/destinationNodeURI/identifier").asText().equals(oldDoc)) {
                ((ObjectNode) a.get("destinationNodeURI")).put("identifier", docId);
            }
        }
        // A related-to association besides the tree, which the export must give back too.
        ObjectNode related = ((ArrayNode) doc.get("CFAssociations")).addObject();
        related.put("identifier", java.util.UUID.randomUUID().toString()).put("associationType", "isRelatedTo");
        related.putObject("originNodeURI")
                .put("identifier", doc.at("/CFItems/5/identifier").asText());
        related.putObject("destinationNodeURI")
                .put("identifier", doc.at("/CFItems/40/identifier").asText());
        return doc;
    }

    @Test
    void theBuiltInFrameworkIsReadableByPractitioners() {
        as(t.coach)
                .when()
                .get("/v1/frameworks")
                .then()
                .statusCode(200)
                .body("code", hasItem("praxis-coaching"))
                .body("find { it.code == 'praxis-coaching' }.builtIn", is(true));
        as(t.supervisor)
                .when()
                .get("/v1/frameworks/praxis-coaching")
                .then()
                .statusCode(200)
                .body("items.find { it.code == 'D1.A2.2.9' }.parentCode", is("D1.A2"))
                .body("items.findAll { it.type == 'Competence' }", hasSize(60));
        as(t.coach)
                .when()
                .get("/v1/frameworks/praxis-coaching?version=2")
                .then()
                .statusCode(404);
        for (Tokens denied : java.util.List.of(t.client, t.sponsor)) {
            as(denied).when().get("/v1/frameworks").then().statusCode(403);
        }
    }

    @Test
    void anImportedDocumentExportsAsAnEquivalentDocumentAndVersionsNeverChange() throws Exception {
        JsonNode doc = authoritativeWording();
        as(t.coach)
                .body(doc.toString())
                .when()
                .post("/v1/frameworks/licensed-coaching/versions")
                .then()
                .statusCode(403);
        as(t.admin)
                .body(doc.toString())
                .when()
                .post("/v1/frameworks/licensed-coaching/versions")
                .then()
                .statusCode(201)
                .body("version", is(1));
        String exported = as(t.coach)
                .when()
                .get("/v1/frameworks/licensed-coaching/versions/1/case")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(essence(doc), essence(JSON.readTree(exported)));

        ObjectNode changed = (ObjectNode) doc.deepCopy();
        ((ObjectNode) changed.get("CFDocument")).put("title", "Second edition");
        as(t.admin)
                .body(changed.toString())
                .when()
                .post("/v1/frameworks/licensed-coaching/versions")
                .then()
                .statusCode(201)
                .body("version", is(2));
        as(t.coach)
                .when()
                .get("/v1/frameworks/licensed-coaching?version=1")
                .then()
                .body("title", is("Coaching competence framework (licensed wording)"));
        as(t.coach)
                .when()
                .get("/v1/frameworks/licensed-coaching")
                .then()
                .body("version", is(2))
                .body("title", is("Second edition"));
        as(t.admin)
                .body(doc.toString())
                .when()
                .post("/v1/frameworks/praxis-coaching/versions")
                .then()
                .statusCode(422);

        // Another tenant sees none of it.
        AssessmentTenant other = new AssessmentTenant();
        as(other.coach).when().get("/v1/frameworks/licensed-coaching").then().statusCode(404);
        as(other.coach)
                .when()
                .get("/v1/frameworks/licensed-coaching/versions/1/case")
                .then()
                .statusCode(404);

        // The tenant can make it the current framework; an unknown version cannot be.
        String etag = as(t.admin)
                .when()
                .get("/v1/assessment-settings")
                .then()
                .body("defaults", is(true))
                .extract()
                .header("ETag");
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of(
                        "frameworkCode",
                        "licensed-coaching",
                        "frameworkVersion",
                        9,
                        "minPracticeHours",
                        50,
                        "minSupervisionHours",
                        5))
                .when()
                .put("/v1/assessment-settings")
                .then()
                .statusCode(422);
        as(t.admin)
                .body(Map.of(
                        "frameworkCode",
                        "licensed-coaching",
                        "frameworkVersion",
                        1,
                        "minPracticeHours",
                        50,
                        "minSupervisionHours",
                        5))
                .when()
                .put("/v1/assessment-settings")
                .then()
                .statusCode(428);
        as(t.supervisor)
                .header("If-Match", etag)
                .body(Map.of(
                        "frameworkCode",
                        "licensed-coaching",
                        "frameworkVersion",
                        1,
                        "minPracticeHours",
                        50,
                        "minSupervisionHours",
                        5))
                .when()
                .put("/v1/assessment-settings")
                .then()
                .statusCode(403);
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of(
                        "frameworkCode",
                        "licensed-coaching",
                        "frameworkVersion",
                        1,
                        "minPracticeHours",
                        50,
                        "minSupervisionHours",
                        5))
                .when()
                .put("/v1/assessment-settings")
                .then()
                .statusCode(200)
                .body("frameworkCode", is("licensed-coaching"))
                .body("minPracticeHours", is(50));
        as(other.admin).when().get("/v1/assessment-settings").then().body("frameworkCode", is("praxis-coaching"));
    }

    @Test
    void anAssociationWithoutAnIdentifierBetweenLongIdentifiersIsImportedReadably() throws Exception {
        ObjectNode doc = (ObjectNode) authoritativeWording();
        Map<String, String> urns = new HashMap<>();
        for (JsonNode i : doc.get("CFItems")) {
            String urn = "urn:example:coaching-competence:" + "x".repeat(80) + ":"
                    + i.get("identifier").asText();
            urns.put(i.get("identifier").asText(), urn);
            ((ObjectNode) i).put("identifier", urn);
        }
        ArrayNode associations = (ArrayNode) doc.get("CFAssociations");
        for (JsonNode a : associations) {
            for (String end : List.of("originNodeURI", "destinationNodeURI")) {
                String id = a.at("/" + end + "/identifier").asText();
                ((ObjectNode) a.get(end)).put("identifier", urns.getOrDefault(id, id));
            }
        }
        ((ObjectNode) associations.get(associations.size() - 1)).remove("identifier"); // the related-to one
        as(t.admin)
                .body(doc.toString())
                .when()
                .post("/v1/frameworks/long-urns/versions")
                .then()
                .statusCode(201);
        as(t.coach).when().get("/v1/frameworks").then().statusCode(200);
        as(t.coach)
                .when()
                .get("/v1/frameworks/long-urns/versions/1/case")
                .then()
                .statusCode(200)
                .body("CFAssociations.findAll { it.associationType == 'isRelatedTo' }.identifier[0].length()", is(36));
    }

    @Test
    void aMalformedImportIsRefusedNamingTheProblemAndStoresNothing() throws Exception {
        ObjectNode doc = (ObjectNode) authoritativeWording();
        ((ObjectNode) doc.get("CFItems").get(2))
                .put("humanCodingScheme", doc.at("/CFItems/1/humanCodingScheme").asText());
        ((ObjectNode) doc.get("CFItems").get(4)).remove("CFItemType");
        as(t.admin)
                .body(doc.toString())
                .when()
                .post("/v1/frameworks/broken/versions")
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("CFItems[2].humanCodingScheme", "CFItems[4].CFItemType"));
        as(t.admin)
                .body("{\"CFDocument\": ")
                .when()
                .post("/v1/frameworks/broken/versions")
                .then()
                .statusCode(400);
        as(t.admin)
                .body("{\"CFItems\": []}")
                .when()
                .post("/v1/frameworks/broken/versions")
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("CFDocument", "CFItems"));
        as(t.admin)
                .body(authoritativeWording().toString())
                .when()
                .post("/v1/frameworks/Bad Code!/versions")
                .then()
                .statusCode(422);
        as(t.admin).when().get("/v1/frameworks/broken").then().statusCode(404);
        as(t.admin).when().get("/v1/frameworks").then().body("code", org.hamcrest.Matchers.not(hasItem("broken")));
    }

    /** A document of {@code items} items, each a child of the one before when {@code chained}, else of the document. */
    private static ObjectNode generated(int items, boolean chained) {
        ObjectNode doc = JSON.createObjectNode();
        String docId = java.util.UUID.randomUUID().toString();
        doc.putObject("CFDocument").put("identifier", docId).put("title", "Generated framework");
        ArrayNode cfItems = doc.putArray("CFItems");
        ArrayNode associations = doc.putArray("CFAssociations");
        String parent = docId;
        for (int i = 0; i < items; i++) {
            String id = java.util.UUID.randomUUID().toString();
            cfItems.addObject()
                    .put("identifier", id)
                    .put("humanCodingScheme", "C" + i)
                    .put("CFItemType", "Competence")
                    .put("fullStatement", "Competence number " + i);
            ObjectNode a = associations.addObject().put("associationType", "isChildOf");
            a.putObject("originNodeURI").put("identifier", id);
            a.putObject("destinationNodeURI").put("identifier", chained ? parent : docId);
            parent = id;
        }
        return doc;
    }

    @Test
    void aDocumentBeyondItsBoundsIsRefusedNamingTheBoundAndStoresNothing() throws Exception {
        as(t.admin)
                .body(generated(CaseDocuments.MAX_ITEMS + 1, false).toString())
                .when()
                .post("/v1/frameworks/too-big/versions")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("CFItems"));
        as(t.admin)
                .body(generated(CaseDocuments.MAX_DEPTH + 1, true).toString())
                .when()
                .post("/v1/frameworks/too-big/versions")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("CFAssociations"));
        ObjectNode wordy = (ObjectNode) authoritativeWording();
        String statement = "s".repeat(CaseDocuments.MAX_STATEMENT + 1);
        ((ObjectNode) wordy.get("CFItems").get(3)).put("fullStatement", statement);
        ((ObjectNode) wordy.get("CFItems").get(4)).put("humanCodingScheme", "c".repeat(CaseDocuments.MAX_CODE + 1));
        as(t.admin)
                .body(wordy.toString())
                .when()
                .post("/v1/frameworks/too-big/versions")
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("CFItems[3].fullStatement", "CFItems[4].humanCodingScheme"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(statement)));
        as(t.admin).when().get("/v1/frameworks/too-big").then().statusCode(404);

        // At the bounds it is published.
        as(t.admin)
                .body(generated(CaseDocuments.MAX_ITEMS, false).toString())
                .when()
                .post("/v1/frameworks/large/versions")
                .then()
                .statusCode(201)
                .body("items", hasSize(CaseDocuments.MAX_ITEMS));
        as(t.admin)
                .body(generated(CaseDocuments.MAX_DEPTH, true).toString())
                .when()
                .post("/v1/frameworks/deep/versions")
                .then()
                .statusCode(201);
    }

    @Test
    void aPublishedVersionIsParsedOnceNotOnEveryRequest() throws Exception {
        as(t.admin)
                .body(authoritativeWording().toString())
                .when()
                .post("/v1/frameworks/read-once/versions")
                .then()
                .statusCode(201);
        int items = as(t.coach)
                .when()
                .get("/v1/frameworks/read-once")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
        // The stored document is no longer read: what was parsed at the first read answers from then on.
        EmbeddedPostgres.shared()
                .execute("update framework_version set document = '{}' where tenant_id = '" + t.id + "'");
        as(t.coach)
                .when()
                .get("/v1/frameworks/read-once")
                .then()
                .statusCode(200)
                .body("items", hasSize(items));
        as(t.coach)
                .when()
                .get("/v1/frameworks/read-once?version=1")
                .then()
                .statusCode(200)
                .body("items", hasSize(items));
        as(t.coach).when().get("/v1/frameworks").then().statusCode(200).body("code", hasItem("read-once"));
        as(t.coach)
                .when()
                .get("/v1/frameworks/read-once/versions/1/case")
                .then()
                .statusCode(200)
                .body("CFItems", hasSize(items));
    }
}
