package org.praxis.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.export;
import static org.praxis.testsupport.TestTenant.exportRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** Subject access export (on a recorded export request) and erasure on subject.erasure-requested. */
@QuarkusTest
class PrivacyTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();
    private final String subject = "person-" + UUID.randomUUID();

    private String intakeWithHistory() {
        String id = given().header("Authorization", t.coach.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "displayName",
                        "Robin Private",
                        "clientSubject",
                        subject,
                        "presentingConcerns",
                        "grief after a loss"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", t.coach.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "instrument",
                        "PHQ-9",
                        "answers",
                        Map.of("1", 2, "2", 2, "3", 1, "4", 1, "5", 0, "6", 0, "7", 0, "8", 0, "9", 1)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        return id;
    }

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    @Test
    void anAdminExportsEverythingHeldAboutThePerson() {
        String id = intakeWithHistory();
        String request = exportRequest(t.admin, subject);
        export(t.admin, subject, request)
                .statusCode(200)
                .body("intakes", hasSize(1))
                .body("intakes[0].presentingConcerns", is("grief after a loss"))
                .body("intakes[0].displayName", is("Robin Private"))
                .body("screenings[0].total", is(7))
                .body("screenings[0].answers", containsString("\"9\":1"))
                .body("riskFlags[0].code", is("self-harm-thoughts"));
        export(t.coach, subject, request).statusCode(403);
        // Another tenant's admin reaches nothing: not this tenant's request, and with its own, no rows.
        Tokens otherAdmin = TestTenant.another().admin;
        export(otherAdmin, subject, request).statusCode(404);
        export(otherAdmin, subject, exportRequest(otherAdmin, subject))
                .statusCode(200)
                .body("intakes", hasSize(0));
        // The export's audit names the request; the reason is in it, sealed at rest.
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'export'"
                                + " and resource_id = ?",
                        t.id,
                        subject));
        given().header("Authorization", t.admin.bearer())
                .when()
                .get("/v1/export-requests/" + request)
                .then()
                .statusCode(200)
                .body("uses", is(1));
        assertFalse(id.isEmpty());
    }

    @Test
    void anExportWithoutARecordedRequestIsRefusedAndWritesNoExportAudit() {
        intakeWithHistory();
        export(t.admin, subject, null)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", is("request"))
                .body(not(containsString("grief")));
        export(t.admin, subject, UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
        export(t.admin, subject, exportRequest(t.admin, "someone-else"))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", is("request"));
        export(t.admin, "x".repeat(300), exportRequest(t.admin, subject))
                .statusCode(422)
                .contentType(PROBLEM);
        assertEquals(0, count("select count(*) from audit_event where tenant_id = ? and action = 'export'", t.id));
    }

    @Test
    void erasureRemovesWhatIdentifiesThePersonOnceAndConfirms() {
        String id = intakeWithHistory();
        List<ConsumerRecord<String, String>> confirmations =
                ErasureRequests.eraseRedelivered(t.id, subject, "intake.events");
        assertEquals(1, confirmations.size(), "erased and confirmed once");
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.intake.subject.erased.v1",
                        confirmations.get(0).value()));

        export(t.admin, subject, exportRequest(t.admin, subject))
                .statusCode(200)
                .body("intakes", hasSize(0))
                .body("screenings", hasSize(0));
        // Changed by issue 16: admins no longer read intakes or scores (export only); the coach's supervisor checks.
        t.supervisorSupervisesCoach();
        Tokens supervisor = t.supervisor;
        var intake = given().header("Authorization", supervisor.bearer())
                .when()
                .get("/v1/intakes/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("erased", intake.getString("displayName"));
        assertEquals(null, intake.getString("presentingConcerns"));
        assertTrue(intake.getString("clientSubject").startsWith("erased-"));
        // Scores stay under the retention rule; the answers do not.
        String sid = given().header("Authorization", supervisor.bearer())
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .body("items[0].total", is(7))
                .extract()
                .path("items[0].id");
        given().header("Authorization", t.coach.bearer())
                .when()
                .get("/v1/intakes/" + id + "/screenings/" + sid)
                .then()
                .statusCode(200)
                .body("total", is(7))
                .body("answers.size()", is(0));
    }
}
