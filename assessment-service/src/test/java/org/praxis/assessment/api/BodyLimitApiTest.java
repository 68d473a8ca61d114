package org.praxis.assessment.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.assessment.domain.CaseDocuments;
import org.praxis.testsupport.EmbeddedPostgres;

/**
 * assessment-service takes bodies up to 8 MB (CASE imports), not the platform's 1 MB; anything larger
 * is refused with 413 as problem+json before it is read.
 */
@QuarkusTest
class BodyLimitApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AssessmentTenant t = new AssessmentTenant();

    /** Java's client sends the body with its length declared, as any HTTP client does. */
    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                                .header("Authorization", t.admin.bearer())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** A valid CASE document of {@code items} competences, each with a statement of the longest allowed length. */
    private static byte[] caseDocument(int items) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        String documentId = UUID.randomUUID().toString();
        root.putObject("CFDocument").put("identifier", documentId).put("title", "A large licensed framework");
        ArrayNode cfItems = root.putArray("CFItems");
        ArrayNode associations = root.putArray("CFAssociations");
        for (int i = 0; i < items; i++) {
            String id = UUID.randomUUID().toString();
            String code = "C." + i;
            String statement =
                    (code + " ").repeat(CaseDocuments.MAX_STATEMENT).substring(0, CaseDocuments.MAX_STATEMENT);
            cfItems.addObject()
                    .put("identifier", id)
                    .put("humanCodingScheme", code)
                    .put("CFItemType", "Competence")
                    .put("fullStatement", statement);
            ObjectNode a = associations.addObject();
            a.put("identifier", UUID.randomUUID().toString()).put("associationType", CaseDocuments.IS_CHILD_OF);
            a.putObject("originNodeURI").put("identifier", id);
            a.putObject("destinationNodeURI").put("identifier", documentId);
        }
        return JSON.writeValueAsBytes(root);
    }

    @Test
    void aNineMegabyteBodyIs413AsProblemJsonAndNothingIsImported() throws Exception {
        byte[] big = new byte[9 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        HttpResponse<String> response = post("/v1/frameworks/huge/versions", big);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
        assertFalse(response.body().contains("aaaa"));
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from framework_version where tenant_id = ?", t.id));
    }

    @Test
    void aTwoMegabyteCaseDocumentIsImported() throws Exception {
        byte[] document = caseDocument(1_000);
        assertTrue(document.length > 2 * 1024 * 1024, "the document is " + document.length + " bytes");
        HttpResponse<String> response = post("/v1/frameworks/large-licensed/versions", document);
        assertEquals(
                201,
                response.statusCode(),
                response.body().substring(0, Math.min(500, response.body().length())));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from framework_version where tenant_id = ?"
                                        + " and code = 'large-licensed'",
                                t.id));
        String back = new String(
                RestAssured.given()
                        .header("Authorization", t.admin.bearer())
                        .when()
                        .get("/v1/frameworks/large-licensed/versions/1/case")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertEquals(1_000, JSON.readTree(back).get("CFItems").size());
    }
}
