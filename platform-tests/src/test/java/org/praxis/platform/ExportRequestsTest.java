package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.privacy.PlatformRecords;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.testsupport.Tokens;

/** An export runs only on a recorded request, approved by a second admin where the tenant asks for four eyes. */
@QuarkusTest
class ExportRequestsTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    PlatformRecords records;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin =
            Tokens.of("admin-a").tenant(tenant).roles("admin").bearer();
    private final String secondAdmin =
            Tokens.of("admin-b").tenant(tenant).roles("admin").bearer();
    private final String otherTenantAdmin =
            Tokens.of("admin-a").tenant(tenant + "-x").roles("admin").bearer();
    private final String coach =
            Tokens.of("coach-1").tenant(tenant).roles("coach").bearer();

    private String request(String token, String subject, String reason) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "reason", reason, "reference", "DSAR-2026-114"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private io.restassured.response.ValidatableResponse export(String token, String subject, String request) {
        var spec = given().header("Authorization", token);
        if (request != null) {
            spec = spec.queryParam("request", request);
        }
        return spec.when().get("/test/widgets/subjects/" + subject + "/export").then();
    }

    @Test
    void aRequestRetriedWithItsIdempotencyKeyIsRecordedOnce() {
        String key = "retry-" + UUID.randomUUID();
        Map<String, String> body = Map.of("subject", "client-7", "reason", "Asked for a copy", "reference", "DSAR-7");
        String first = given().header("Authorization", admin)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .extract()
                .path("id");
        given().header("Authorization", admin)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("id", is(first));
        given().header("Authorization", admin)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "client-8", "reason", "Asked for a copy"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(1, Db.count("select count(*) from export_request where tenant_id = ?", tenant));
    }

    @Test
    void anExportWithoutARecordedRequestIsRefusedAndAudited() {
        export(admin, "client-1", null).statusCode(422).contentType(PROBLEM).body("errors[0].field", is("request"));
        export(admin, "client-1", UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
        assertEquals(0, Db.count("select count(*) from audit_event where tenant_id = ? and action = 'export'", tenant));

        String id = request(admin, "client-1", "The client asked for a copy of their records");
        export(admin, "client-2", id).statusCode(422).body("errors[0].field", is("request"));
        export(admin, "client-1", id).statusCode(200).body("subject", is("client-1"));
        assertEquals(
                1,
                Db.count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'export'"
                                + " and resource_id = 'client-1'",
                        tenant));
        given().header("Authorization", admin)
                .when()
                .get("/v1/export-requests/" + id)
                .then()
                .statusCode(200)
                .body("uses", is(1))
                .body("state", is("ready"))
                .body("reason", is("The client asked for a copy of their records"));
        // The export's audit names the request and its reason (sealed at rest, shown to admins).
        given().header("Authorization", admin)
                .queryParam("resourceType", "subject")
                .when()
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items[0].reason", containsString(id))
                .body("items[0].reason", containsString("copy of their records"));
        assertEquals(0, Db.count("select count(*) from export_request where reason like '%copy of their records%'"));
        assertEquals(0, Db.count("select count(*) from audit_event where reason like '%copy of their records%'"));
    }

    @Test
    void fourEyesNeedsASecondAdminsApproval() {
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("fourEyes", true))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200)
                .body("fourEyes", is(true));
        String id = request(admin, "client-3", "Court order 12/2026");
        export(admin, "client-3", id)
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("awaiting-approval"));
        given().header("Authorization", admin)
                .when()
                .post("/v1/export-requests/" + id + "/approval")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        given().header("Authorization", otherTenantAdmin)
                .when()
                .post("/v1/export-requests/" + id + "/approval")
                .then()
                .statusCode(404);
        given().header("Authorization", secondAdmin)
                .when()
                .post("/v1/export-requests/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("state", is("ready"))
                .body("approvedBy", is("admin-b"));
        export(secondAdmin, "client-3", id).statusCode(403).contentType(PROBLEM);
        export(admin, "client-3", id).statusCode(200);
        assertEquals(
                1,
                Db.count("select count(*) from audit_event where tenant_id = ? and action = 'approve-export'", tenant));

        // Turning four eyes off takes two admins as well; until then a new request still needs approval.
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("fourEyes", false))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200)
                .body("fourEyes", is(true))
                .body("offRequestedBy", is("admin-a"));
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("fourEyes", false))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200)
                .body("fourEyes", is(true));
        String pending = request(admin, "client-3", "Second court order");
        export(admin, "client-3", pending).statusCode(409);
        given().header("Authorization", secondAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("fourEyes", false))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200)
                .body("fourEyes", is(false));
        export(admin, "client-3", pending).statusCode(409); // made under four eyes, it keeps needing approval
        export(admin, "client-3", request(admin, "client-3", "Fourth court order"))
                .statusCode(200);
        // A request made while it was off needs approval once it is on again.
        String made = request(admin, "client-3", "Third court order");
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("fourEyes", true))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200)
                .body("fourEyes", is(true));
        export(admin, "client-3", made).statusCode(409);
    }

    /**
     * An admin's request to turn four eyes off goes with their erasure: under a pseudonym, that admin would pass for
     * the second one and confirm their own request.
     */
    @Test
    void aPendingRequestToTurnFourEyesOffGoesWithItsAskersErasure() {
        settings(admin, true).body("fourEyes", is(true));
        settings(admin, false).body("fourEyes", is(true)).body("offRequestedBy", is("admin-a"));

        QuarkusTransaction.requiringNew().run(() -> records.erase(tenant, "admin-a", Pseudonyms.of(tenant, "admin-a")));

        settings(admin, false).body("fourEyes", is(true)).body("offRequestedBy", is("admin-a"));
        settings(secondAdmin, false).body("fourEyes", is(false));
    }

    private io.restassured.response.ValidatableResponse settings(String token, boolean fourEyes) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(Map.of("fourEyes", fourEyes))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200);
    }

    @Test
    void onlyAdminsOfTheTenantSeeOrMakeRequests() {
        String id = request(admin, "client-4", "Subject access request");
        given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "client-4", "reason", "curious"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(403);
        given().header("Authorization", coach)
                .when()
                .get("/v1/export-requests/" + id)
                .then()
                .statusCode(403);
        given().header("Authorization", otherTenantAdmin)
                .when()
                .get("/v1/export-requests/" + id)
                .then()
                .statusCode(404);
        given().header("Authorization", otherTenantAdmin)
                .when()
                .get("/v1/export-requests")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        export(otherTenantAdmin, "client-4", id).statusCode(404);
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "client-4", "reason", "x".repeat(2001)))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(422)
                .body("errors[0].field", containsString("reason"));
    }

    @Test
    void aBodyOverTheServiceCapIs413AsProblemJson() throws Exception {
        // Java's client streams the 20 MB with its length declared, as any HTTP client does.
        byte[] big = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + io.restassured.RestAssured.port + "/test/widgets"))
                        .header("Authorization", coach)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(big))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
        assertFalse(response.body().contains("aaaa"));
        assertEquals(0, Db.count("select count(*) from widget where tenant_id = ?", tenant));
    }
}
