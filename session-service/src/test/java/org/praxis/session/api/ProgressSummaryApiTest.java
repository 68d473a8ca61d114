package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * Issue 21: the practitioner drafts progress summaries for the sponsor, the client approves or rejects
 * them, and the sponsor report carries only the approved ones, only when the contract discloses them.
 */
@QuarkusTest
class ProgressSummaryApiTest {
    private final TestTenant t = new TestTenant();

    /** An active engagement with a sponsor party, whose contract discloses summaries or not. */
    private String sponsored(boolean discloseSummaries) {
        String id = as(t.coach)
                .body(Map.of(
                        "clientSubject", t.client.subject(), "pathway", "coaching", "sponsorOrganisation", "acme-hr"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Map<String, Object>> parties = new ArrayList<>(List.of(
                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                Map.of("role", "coach", "subject", t.coach.subject(), "required", true),
                Map.of("role", "sponsor", "subject", t.sponsor.subject(), "required", true)));
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Grow as a leader",
                        "disclosure",
                        Map.of("attendance", true, "progressSummaries", discloseSummaries),
                        "parties",
                        parties))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        for (Tokens party : List.of(t.client, t.coach, t.sponsor)) {
            as(party)
                    .when()
                    .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    private String draft(String engagement, String body) {
        return as(t.coach)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("body", body))
                .when()
                .post("/v1/engagements/" + engagement + "/progress-summaries")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", is("draft"))
                .body("body", is(body))
                .extract()
                .path("id");
    }

    private String summary(String engagement, String id) {
        return "/v1/engagements/" + engagement + "/progress-summaries/" + id;
    }

    private void decide(String engagement, String id, String decision) {
        as(t.client)
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", decision))
                .when()
                .post(summary(engagement, id) + "/decision")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", is(decision));
    }

    private Map<String, Object> report(String engagement) {
        return as(t.sponsor)
                .when()
                .get("/v1/engagements/" + engagement + "/sponsor-report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @Test
    void theSponsorSeesOnlyWhatTheClientApproved() {
        String id = sponsored(true);
        String approved = draft(id, "Leads the team meeting with confidence");
        String rejected = draft(id, "Talked about the divorce");
        draft(id, "Still a draft");
        String withdrawn = draft(id, "Withdrawn before the client saw it");
        assertEquals(List.of(), report(id).get("progressSummaries"));

        decide(id, approved, "approved");
        decide(id, rejected, "rejected");
        as(t.coach)
                .header("If-Match", "\"0\"")
                .when()
                .post(summary(id, withdrawn) + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", is("withdrawn"));

        assertEquals(
                List.of("Leads the team meeting with confidence"), report(id).get("progressSummaries"));
        // The client and the practitioner see every summary with its status; the sponsor reads none of them.
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/progress-summaries")
                .then()
                .statusCode(200)
                .body("items.size()", is(4))
                .body("items.status", hasItem("rejected"));
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/progress-summaries")
                .then()
                .statusCode(403);
        as(t.sponsor).when().get(summary(id, approved)).then().statusCode(403);

        // Once the client is erased, the report carries none: not even a placeholder that tells the sponsor so.
        org.praxis.testsupport.ErasureRequests.erase(t.id, t.client.subject(), "session.events");
        assertEquals(List.of(), report(id).get("progressSummaries"));

        // A contract that does not disclose summaries: an approved one stays out of the report.
        String closed = sponsored(false);
        decide(closed, draft(closed, "Approved but not disclosed"), "approved");
        assertFalse(report(closed).containsKey("progressSummaries"));
    }

    @Test
    void onlyTheClientDecidesOnlyTheDraftsAndOnlyAtTheCurrentVersion() {
        String id = sponsored(true);
        String s = draft(id, "Sleeps better, delegates more");
        String decision = summary(id, s) + "/decision";
        as(t.client)
                .body(Map.of("decision", "approved"))
                .when()
                .post(decision)
                .then()
                .statusCode(428);
        as(t.client)
                .header("If-Match", "\"7\"")
                .body(Map.of("decision", "approved"))
                .when()
                .post(decision)
                .then()
                .statusCode(412);
        as(t.client)
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "maybe"))
                .when()
                .post(decision)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "approved"))
                .when()
                .post(decision)
                .then()
                .statusCode(403);
        as(t.user("client"))
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "approved"))
                .when()
                .post(decision)
                .then()
                .statusCode(404);
        as(TestTenant.another().client)
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "approved"))
                .when()
                .post(decision)
                .then()
                .statusCode(404);
        as(t.client)
                .header("If-Match", "\"0\"")
                .when()
                .post(summary(id, s) + "/withdrawal")
                .then()
                .statusCode(403);
        // Nothing above changed it.
        as(t.coach)
                .when()
                .get(summary(id, s))
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", is("draft"))
                .body("decidedAt", is((Object) null));

        decide(id, s, "approved");
        as(t.client)
                .header("If-Match", "\"1\"")
                .body(Map.of("decision", "rejected"))
                .when()
                .post(decision)
                .then()
                .statusCode(409);
        as(t.coach)
                .header("If-Match", "\"1\"")
                .when()
                .post(summary(id, s) + "/withdrawal")
                .then()
                .statusCode(409);
        assertEquals(
                2,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where resource_id = ? and action in ('draft', 'approve')",
                                s));
    }

    @Test
    void eachRoleReachesOnlyItsOwnEngagementsSummaries() {
        String id = sponsored(true);
        String s = draft(id, "Asks for feedback weekly");
        String list = "/v1/engagements/" + id + "/progress-summaries";
        as(t.client)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("body", "I wrote this myself"))
                .when()
                .post(list)
                .then()
                .statusCode(403);
        as(t.user("coach"))
                .body(Map.of("body", "Not my engagement"))
                .when()
                .post(list)
                .then()
                .statusCode(404);
        as(t.coach).body(Map.of("body", "")).when().post(list).then().statusCode(422);
        as(t.coach)
                .body(Map.of("body", "x".repeat(10_001)))
                .when()
                .post(list)
                .then()
                .statusCode(422);
        as(t.client).when().get(summary(id, s)).then().statusCode(200).header("ETag", "\"0\"");
        for (Tokens stranger : List.of(t.user("coach"), t.user("client"), t.user("supervisor"))) {
            as(stranger).when().get(summary(id, s)).then().statusCode(404);
            as(stranger).when().get(list).then().statusCode(404);
        }
        Tokens other = TestTenant.another().user("coach", "client", "supervisor");
        as(other).when().get(summary(id, s)).then().statusCode(404);
        as(other).when().get(list).then().statusCode(404);
        as(t.admin).when().get(list).then().statusCode(403);

        Tokens supervisor = t.user("supervisor");
        SupervisionEvents.assign(t.id, t.coach.subject(), supervisor.subject());
        as(supervisor).when().get(list).then().statusCode(200).body("items.id", hasItem(s));
        as(supervisor)
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "approved"))
                .when()
                .post(summary(id, s) + "/decision")
                .then()
                .statusCode(403);
        as(t.coach)
                .queryParam("limit", 1)
                .when()
                .get(list)
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("nextCursor", is((Object) null));
        // The text is sealed at rest.
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from progress_summary where body like '%feedback weekly%'"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count("select count(*) from progress_summary where id = ?::uuid and body like 'v2:%'", s));
    }
}
