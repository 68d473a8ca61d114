package org.praxis.session.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;
import static org.praxis.testsupport.TestTenant.export;
import static org.praxis.testsupport.TestTenant.exportRequest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.MonitoredEngagements;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** Subject access export (on a recorded export request), erasure, and free text sealed at rest. */
@QuarkusTest
class SessionPrivacyTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();

    /** The client's goal with one milestone: its title and the milestone's are the client's own words. */
    private static final Map<String, Object> GOAL_WITH_MILESTONE = Map.of(
            "title",
            "Leave work by six",
            "horizon",
            "proximal",
            "orientation",
            "performance",
            "direction",
            "approach",
            "selfConcordant",
            true,
            "milestones",
            List.of(Map.of("title", "Tell the manager")));

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    private String engagement() {
        return as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void exportThenErasureKeepsOnlySignedNotesUnderAPseudonym() {
        String id = engagement();
        String signed = as(t.coach)
                .body(Map.of("kind", "private", "body", "signed record"))
                .when()
                .post("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .header("If-Match", "\"0\"")
                .when()
                .post("/v1/engagements/" + id + "/notes/" + signed + "/signature")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("kind", "private", "body", "draft thoughts"))
                .when()
                .post("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(201);
        as(t.client)
                .body(Map.of(
                        "title",
                        "Find a new role",
                        "horizon",
                        "distal",
                        "orientation",
                        "performance",
                        "direction",
                        "approach",
                        "selfConcordant",
                        true,
                        "milestones",
                        List.of(Map.of("title", "Update the CV"))))
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(201);

        String request = exportRequest(t.admin, t.client.subject());
        export(t.admin, t.client.subject(), request)
                .statusCode(200)
                .body("engagements", hasSize(1))
                .body("notes", hasSize(2))
                .body("goals[0].title", is("Find a new role"))
                .body("notes.body", hasItem("signed record"));
        export(t.coach, t.client.subject(), request).statusCode(403);
        // Another tenant's admin reaches nothing: not this tenant's request, and with its own, no rows.
        Tokens otherAdmin = TestTenant.another().admin;
        export(otherAdmin, t.client.subject(), request).statusCode(404);
        export(otherAdmin, t.client.subject(), exportRequest(otherAdmin, t.client.subject()))
                .statusCode(200)
                .body("engagements", hasSize(0));
        // The export is audited once, naming the request; the request counts its use.
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'export'"
                                + " and resource_id = ?",
                        t.id,
                        t.client.subject()));
        as(t.admin)
                .when()
                .get("/v1/export-requests/" + request)
                .then()
                .statusCode(200)
                .body("uses", is(1));
        as(t.admin)
                .queryParam("resourceType", "subject")
                .when()
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items[0].reason", containsString(request))
                .body("items[0].reason", containsString("copy of their records"));

        var confirmations = ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "session.events");
        assertEquals(1, confirmations.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.session.subject.erased.v1",
                        confirmations.get(0).value()));
        assertTrue(
                confirmations.get(0).value().contains("\"signedNotesRetained\": 1"),
                confirmations.get(0).value());

        export(t.admin, t.client.subject(), exportRequest(t.admin, t.client.subject()))
                .statusCode(200)
                .body("engagements", hasSize(0));
        as(t.coach).when().get("/v1/engagements/" + id + "/notes").then().body("items", hasSize(1));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/goals")
                .then()
                .body("items[0].title", is("erased"))
                .body("items[0].milestones[0].title", is("erased"));
        // The erased title is stored sealed like any other (a substring test on ciphertext, as before, can
        // match base64 by chance): the milestone holds no unsealed text and opens to "erased" above.
        assertEquals(
                0,
                count(
                        "select count(*) from goal_milestone m join goal g on g.id = m.goal_id"
                                + " where g.engagement_id = ?::uuid and m.title not like 'v2:%'",
                        id));
        String pseudonym =
                as(t.coach).when().get("/v1/engagements/" + id).then().extract().path("clientSubject");
        assertTrue(pseudonym.startsWith("erased-"), pseudonym);
    }

    @Test
    void anExportWithoutARecordedRequestIsRefusedAndWritesNoExportAudit() {
        String id = engagement();
        as(t.coach)
                .body(Map.of("kind", "private", "body", "worries about the night shifts"))
                .when()
                .post("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(201);
        export(t.admin, t.client.subject(), null)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", is("request"))
                .body(not(containsString("night shifts")));
        export(t.admin, t.client.subject(), UUID.randomUUID().toString())
                .statusCode(404)
                .contentType(PROBLEM);
        export(t.admin, t.client.subject(), exportRequest(t.admin, "someone-else"))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", is("request"));
        export(t.admin, "x".repeat(300), exportRequest(t.admin, t.client.subject()))
                .statusCode(422)
                .contentType(PROBLEM);
        assertEquals(0, count("select count(*) from audit_event where tenant_id = ? and action = 'export'", t.id));
    }

    @Test
    void theExportHoldsMilestonesPartiesConcernsAndMonitoring() {
        String id = MonitoredEngagements.decided(t, MonitoredEngagements.newIntake(), "coaching-with-monitoring");
        String base = "/v1/engagements/" + id;
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("instruments", List.of("WHO-5"), "everySessions", 1))
                .when()
                .put(base + "/monitoring-plan")
                .then()
                .statusCode(200);
        MonitoredEngagements.activate(t, id);
        MonitoredEngagements.held(t, id);
        as(t.client)
                .body(GOAL_WITH_MILESTONE)
                .when()
                .post(base + "/goals")
                .then()
                .statusCode(201);
        as(t.coach)
                .body(Map.of("level", "low"))
                .when()
                .post(base + "/risk-concerns")
                .then()
                .statusCode(201);

        export(t.admin, t.client.subject(), exportRequest(t.admin, t.client.subject()))
                .statusCode(200)
                .body("goals[0].milestones[0].title", is("Tell the manager"))
                .body("contracts[0].parties.subject", hasItem(t.client.subject()))
                .body("contracts[0].parties.find { it.role == 'client' }.acceptedAt", not(nullValue()))
                .body("riskConcerns.level", contains("low"))
                .body("monitoringPlans[0].instruments", contains("WHO-5"))
                .body("monitoringMeasures.instrument", contains("WHO-5"))
                .body("monitoringMeasures[0].engagementId", is(id));
    }

    @Test
    void theEngagementsFreeTextIsSealedAtRest() {
        String id = engagement();
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Rebuild confidence after the burnout",
                        "goalsInScope",
                        "Saying no to overtime",
                        "confidentialityTerms",
                        "Nothing leaves the room",
                        "limitsOfConfidentiality",
                        "Danger to life is the exception",
                        "reviewEveryWeeks",
                        4,
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                                Map.of("role", "coach", "subject", t.coach.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        String note = as(t.coach)
                .body(Map.of("kind", "private", "body", "mentioned the divorce for the first time"))
                .when()
                .post("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .header("If-Match", "\"0\"")
                .when()
                .post("/v1/engagements/" + id + "/notes/" + note + "/signature")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("body", "the divorce was last spring"))
                .when()
                .post("/v1/engagements/" + id + "/notes/" + note + "/addenda")
                .then()
                .statusCode(201);
        as(t.client)
                .body(GOAL_WITH_MILESTONE)
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(201);
        as(t.client)
                .body(Map.of("title", "Write the boundary letter"))
                .when()
                .post("/v1/engagements/" + id + "/actions")
                .then()
                .statusCode(201);
        as(t.coach)
                .body(Map.of(
                        "kind",
                        "periodic",
                        "whatChanged",
                        "Fewer panic evenings",
                        "sharedSummary",
                        "You set two limits"))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(201);

        // No table holds the text in plaintext; every value is in the row-bound scheme (v2).
        assertEquals(
                0,
                count(
                        "select count(*) from contract where engagement_id = ?::uuid and (purpose like '%burnout%'"
                                + " or goals_in_scope like '%overtime%' or confidentiality_terms like '%room%'"
                                + " or limits_of_confidentiality like '%Danger%')",
                        id));
        assertEquals(
                1,
                count(
                        "select count(*) from contract where engagement_id = ?::uuid and purpose like 'v2:%'"
                                + " and goals_in_scope like 'v2:%' and confidentiality_terms like 'v2:%'"
                                + " and limits_of_confidentiality like 'v2:%'",
                        id));
        assertEquals(0, count("select count(*) from session_note where body like '%divorce%'"));
        assertEquals(1, count("select count(*) from session_note where id = ?::uuid and body like 'v2:%'", note));
        assertEquals(0, count("select count(*) from note_addendum where body like '%divorce%'"));
        assertEquals(1, count("select count(*) from note_addendum where note_id = ?::uuid and body like 'v2:%'", note));
        assertEquals(0, count("select count(*) from goal where title like '%by six%'"));
        assertEquals(1, count("select count(*) from goal where engagement_id = ?::uuid and title like 'v2:%'", id));
        assertEquals(0, count("select count(*) from goal_milestone where title like '%manager%'"));
        assertEquals(
                1,
                count(
                        "select count(*) from goal_milestone m join goal g on g.id = m.goal_id"
                                + " where g.engagement_id = ?::uuid and m.title like 'v2:%'",
                        id));
        assertEquals(0, count("select count(*) from action_item where title like '%boundary letter%'"));
        assertEquals(
                1, count("select count(*) from action_item where engagement_id = ?::uuid and title like 'v2:%'", id));
        assertEquals(
                0,
                count(
                        "select count(*) from review where what_changed like '%panic%' or shared_summary like '%two limits%'"));
        assertEquals(
                1,
                count(
                        "select count(*) from review where engagement_id = ?::uuid and what_changed like 'v2:%'"
                                + " and shared_summary like 'v2:%'",
                        id));

        // ... and all of it opens again for those who may read it.
        export(t.admin, t.client.subject(), exportRequest(t.admin, t.client.subject()))
                .statusCode(200)
                .body("contracts[0].purpose", is("Rebuild confidence after the burnout"))
                .body("contracts[0].goalsInScope", is("Saying no to overtime"))
                .body("contracts[0].confidentialityTerms", is("Nothing leaves the room"))
                .body("contracts[0].limitsOfConfidentiality", is("Danger to life is the exception"))
                .body("notes[0].body", is("mentioned the divorce for the first time"))
                .body("notes[0].addenda[0].body", is("the divorce was last spring"))
                .body("goals[0].title", is("Leave work by six"))
                .body("actions[0].title", is("Write the boundary letter"))
                .body("reviews[0].whatChanged", is("Fewer panic evenings"))
                .body("reviews[0].sharedSummary", is("You set two limits"));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("limitsOfConfidentiality", is("Danger to life is the exception"));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/notes/" + note)
                .then()
                .statusCode(200)
                .body("addenda[0].body", is("the divorce was last spring"));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(200)
                .body("items[0].milestones[0].title", is("Tell the manager"));

        // Erased, the contract's free text goes, its confidentiality terms too (they can name people and places).
        ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "session.events");
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("purpose", is("erased"))
                .body("goalsInScope", nullValue())
                .body("confidentialityTerms", nullValue())
                .body("limitsOfConfidentiality", nullValue());
    }
}
