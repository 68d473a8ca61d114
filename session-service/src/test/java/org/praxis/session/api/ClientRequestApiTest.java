package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.ActiveEngagements;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;

/**
 * Issue 22: the client asks to pause or end their engagement, or for another coach; a supervisor of the
 * practitioner decides. The practitioner sees pauses and ends, never a request for another coach.
 */
@QuarkusTest
class ClientRequestApiTest {
    private final TestTenant t = new TestTenant();

    private String activeEngagement() {
        return ActiveEngagements.open(t);
    }

    private String request(String engagement, String kind, String reason) {
        return as(t.client)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("kind", kind, "reason", reason))
                .when()
                .post("/v1/engagements/" + engagement + "/client-requests")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", is("open"))
                .extract()
                .path("id");
    }

    private static Map<String, Object> decision(String decision, String newCoach) {
        Map<String, Object> body = new HashMap<>(Map.of("decision", decision, "note", "Talked it through"));
        if (newCoach != null) {
            body.put("newCoach", newCoach);
        }
        return body;
    }

    private long requests(String engagement) {
        return EmbeddedPostgres.shared()
                .count("select count(*) from client_request where engagement_id = ?::uuid", engagement);
    }

    @Test
    void theClientAsksToPauseAndTheSupervisorGrantsIt() {
        String id = activeEngagement();
        String path = "/v1/engagements/" + id + "/client-requests";

        // Bad input, other roles and other people are refused and nothing is written.
        as(t.client)
                .body(Map.of("kind", "holiday", "reason", "x"))
                .when()
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.client)
                .body(Map.of("kind", "pause", "reason", "x".repeat(2_001)))
                .when()
                .post(path)
                .then()
                .statusCode(422);
        as(t.client)
                .body(Map.of("kind", "pause", "reason", "x", "preferredCoach", "c"))
                .when()
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        Map<String, String> pause = Map.of("kind", "pause", "reason", "Exams");
        as(t.coach).body(pause).when().post(path).then().statusCode(403);
        as(t.otherClient).body(pause).when().post(path).then().statusCode(404);
        as(t.sponsor).body(pause).when().post(path).then().statusCode(403);
        as(t.admin).body(pause).when().post(path).then().statusCode(403);
        as(TestTenant.another().client).body(pause).when().post(path).then().statusCode(404);
        assertEquals(0, requests(id));

        String request = request(id, "pause", "Exams in June");
        as(t.client).body(pause).when().post(path).then().statusCode(409);
        assertEquals(1, requests(id));
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from client_request where reason like '%Exams%'"));

        // Who sees it: the client, the practitioner (a pause), a supervisor of the practitioner only.
        as(t.client).when().get(path + "/" + request).then().statusCode(200).body("reason", is("Exams in June"));
        as(t.coach).when().get(path + "/" + request).then().statusCode(200).body("kind", is("pause"));
        as(t.otherCoach).when().get(path + "/" + request).then().statusCode(404);
        as(t.supervisor).when().get(path + "/" + request).then().statusCode(404);
        as(t.otherClient).when().get(path + "/" + request).then().statusCode(404);
        as(t.sponsor).when().get(path + "/" + request).then().statusCode(403);
        as(TestTenant.another().supervisor)
                .when()
                .get(path + "/" + request)
                .then()
                .statusCode(404);
        as(t.supervisor)
                .when()
                .get("/v1/client-requests?status=open")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(request)));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .when()
                .get("/v1/client-requests?status=open")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(request));
        as(t.otherSupervisor)
                .when()
                .get("/v1/client-requests")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(request)));
        as(t.client)
                .when()
                .get("/v1/client-requests?limit=1")
                .then()
                .statusCode(200)
                .body("items[0].id", is(request));
        as(t.admin).when().get("/v1/client-requests").then().statusCode(403);
        as(t.sponsor).when().get("/v1/client-requests").then().statusCode(403);
        as(TestTenant.another().supervisor)
                .when()
                .get("/v1/client-requests")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(request)));

        // Only the supervisor decides, with If-Match, once.
        String decide = path + "/" + request + "/decision";
        for (var refused : List.of(t.sponsor, t.admin)) {
            as(refused)
                    .header("If-Match", "\"0\"")
                    .body(decision("granted", null))
                    .when()
                    .post(decide)
                    .then()
                    .statusCode(403);
        }
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(decision("granted", null))
                .when()
                .post(decide)
                .then()
                .statusCode(403);
        as(t.client)
                .header("If-Match", "\"0\"")
                .body(decision("granted", null))
                .when()
                .post(decide)
                .then()
                .statusCode(403);
        as(TestTenant.another().supervisor)
                .header("If-Match", "\"0\"")
                .body(decision("granted", null))
                .when()
                .post(decide)
                .then()
                .statusCode(404);
        as(t.supervisor)
                .body(decision("granted", null))
                .when()
                .post(decide)
                .then()
                .statusCode(428);
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(decision("maybe", null))
                .when()
                .post(decide)
                .then()
                .statusCode(422);
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(decision("granted", "coach-x"))
                .when()
                .post(decide)
                .then()
                .statusCode(422);
        as(t.client).when().get("/v1/engagements/" + id).then().body("status", is("active"));
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(decision("granted", null))
                .when()
                .post(decide)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", is("granted"))
                .body("decisionNote", is("Talked it through"));
        as(t.supervisor)
                .header("If-Match", "\"1\"")
                .body(decision("declined", null))
                .when()
                .post(decide)
                .then()
                .statusCode(409);
        as(t.client).when().get("/v1/engagements/" + id).then().body("status", is("paused"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where resource_id = ? and action = 'granted'",
                                request));
        // Decided, so another pause may be asked for later.
        request(id, "pause", "Again");
    }

    @Test
    void theCoachNeverSeesARequestForAnotherCoach() {
        String id = activeEngagement();
        String path = "/v1/engagements/" + id + "/client-requests";
        String request = as(t.client)
                .body(Map.of("kind", "change-coach", "reason", "We do not get on", "preferredCoach", "coach-b"))
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .body("preferredCoach", is("coach-b"))
                .extract()
                .path("id");
        as(t.coach).when().get(path + "/" + request).then().statusCode(404);
        as(t.coach).when().get("/v1/client-requests").then().statusCode(200).body("items.id", not(hasItem(request)));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        String decide = path + "/" + request + "/decision";
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(decision("granted", null))
                .when()
                .post(decide)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(decision("granted", t.coach.subject()))
                .when()
                .post(decide)
                .then()
                .statusCode(422);
        as(t.client).when().get(path + "/" + request).then().body("status", is("open"));
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(decision("granted", t.otherCoach.subject()))
                .when()
                .post(decide)
                .then()
                .statusCode(200)
                .body("newCoach", is(t.otherCoach.subject()));
        as(t.client).when().get("/v1/client-requests").then().body("items[0].status", is("granted"));
    }

    @Test
    void aGrantedEndIsClosedByThePractitionersEndReview() {
        String id = activeEngagement();
        String request = request(id, "end", "I have what I came for");
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.coach).when().get("/v1/engagements/" + id).then().body("endRequestedAt", nullValue());
        as(t.supervisor)
                .header("If-Match", "\"0\"")
                .body(decision("granted", null))
                .when()
                .post("/v1/engagements/" + id + "/client-requests/" + request + "/decision")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .body("status", is("active"))
                .body("endRequestedAt", notNullValue());
        as(t.coach)
                .body(Map.of("kind", "end"))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(201);
        as(t.client).when().get("/v1/engagements/" + id).then().body("status", is("closed"));
        as(t.client)
                .body(Map.of("kind", "pause", "reason", "x"))
                .when()
                .post("/v1/engagements/" + id + "/client-requests")
                .then()
                .statusCode(409);
    }

    @Test
    void erasingTheClientOverwritesTheirReasons() {
        String id = activeEngagement();
        String request = request(id, "pause", "A private reason");
        assertEquals(
                1,
                ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "session.events")
                        .size());
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/client-requests/" + request)
                .then()
                .statusCode(200)
                .body("reason", nullValue());
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from client_request where requested_by = ?", t.client.subject()));
    }
}
