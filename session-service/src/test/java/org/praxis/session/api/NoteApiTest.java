package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.ActiveEngagements;
import org.praxis.session.MonitoredEngagements;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

@QuarkusTest
class NoteApiTest {
    private static final String SECRET = "client spoke about panic attacks on the train";

    private final TestTenant t = new TestTenant();

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

    private String note(String engagement, String kind, String body) {
        return as(t.coach)
                .body(Map.of("kind", kind, "body", body))
                .when()
                .post("/v1/engagements/" + engagement + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void noPlaintextOfANoteIsInTheDatabase() {
        String id = engagement();
        String noteId = note(id, "private", SECRET);
        assertEquals(
                1, EmbeddedPostgres.shared().count("select count(*) from session_note where id = ?::uuid", noteId));
        assertEquals(0, EmbeddedPostgres.shared().count("select count(*) from session_note where body like '%panic%'"));
        // Sealed in the row-bound scheme (v2: the tenant's data key, bound to table, column, tenant and row).
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count("select count(*) from session_note where id = ?::uuid and body like 'v2:%'", noteId));
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/notes/" + noteId)
                .then()
                .statusCode(200)
                .body("body", is(SECRET));
    }

    @Test
    void aSealedNoteBodyCopiedToAnotherNoteDoesNotOpenThere() {
        String id = engagement();
        String first = note(id, "private", SECRET);
        String second = note(id, "private", "talked about the new job offer");
        EmbeddedPostgres.shared()
                .execute("update session_note set body = (select body from session_note where id = '" + first
                        + "') where id = '" + second + "'");

        String failed = as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/notes/" + second)
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("status", is(500))
                .body("errorId", notNullValue())
                .body("body", nullValue())
                .extract()
                .asString();
        for (String plaintext : List.of("panic", "train", "job offer")) {
            assertFalse(failed.contains(plaintext), "no plaintext in the error: " + plaintext);
        }
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/notes/" + first)
                .then()
                .statusCode(200)
                .body("body", is(SECRET));
    }

    @Test
    void aSignedNoteRefusesEditsAndAddendaKeepTheirOrder() {
        String id = engagement();
        String noteId = note(id, "private", "first draft");
        String path = "/v1/engagements/" + id + "/notes/" + noteId;
        as(t.coach).body(Map.of("body", "second draft")).when().put(path).then().statusCode(428);
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("body", "second draft"))
                .when()
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("body", is("second draft"));
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("body", "stale"))
                .when()
                .put(path)
                .then()
                .statusCode(412);
        as(t.coach)
                .body(Map.of("body", "too early"))
                .when()
                .post(path + "/addenda")
                .then()
                .statusCode(409);
        // Signing names the version read: none is 428, the one before the edit 412 (its text was never read).
        as(t.coach).when().post(path + "/signature").then().statusCode(428);
        as(t.coach)
                .header("If-Match", "\"0\"")
                .when()
                .post(path + "/signature")
                .then()
                .statusCode(412);
        as(t.coach).when().get(path).then().body("signedAt", nullValue());
        as(t.coach)
                .header("If-Match", "\"1\"")
                .when()
                .post(path + "/signature")
                .then()
                .statusCode(200)
                .body("id", is(noteId))
                .body("signedAt", notNullValue());
        as(t.coach)
                .header("If-Match", "\"2\"")
                .when()
                .post(path + "/signature")
                .then()
                .statusCode(409);
        as(t.coach)
                .header("If-Match", "\"1\"")
                .body(Map.of("body", "rewrite history"))
                .when()
                .put(path)
                .then()
                .statusCode(409);
        for (String text : List.of("one", "two", "three")) {
            as(t.coach)
                    .body(Map.of("body", text))
                    .when()
                    .post(path + "/addenda")
                    .then()
                    .statusCode(201);
        }
        as(t.coach)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("body", is("second draft"))
                .body("addenda.seq", is(List.of(1, 2, 3)))
                .body("addenda.body", is(List.of("one", "two", "three")));
    }

    @Test
    void clientsSeeSharedSummariesOnlyAndSupervisorsNeedAReason() {
        String id = engagement();
        String privateNote = note(id, "private", SECRET);
        String shared = note(id, "shared", "We agreed on two small experiments");
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(shared))
                .body("items.id", not(hasItem(privateNote)));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/notes/" + shared)
                .then()
                .statusCode(200);
        // Every read of a note is audited, a shared summary's too (DESIGN); the list carries no bodies.
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where resource_id = ? and action = 'read'"
                                        + " and resource_type = 'shared-note' and actor = ?",
                                shared,
                                t.client.subject()));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/notes/" + privateNote)
                .then()
                .statusCode(404);

        as(t.supervisor)
                .body(Map.of("reason", "case review"))
                .when()
                .post("/v1/engagements/" + id + "/notes/" + privateNote + "/reads")
                .then()
                .statusCode(404);
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .when()
                .get("/v1/engagements/" + id + "/notes/" + privateNote)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reason"));
        // A reason in the URL is not taken (proxies log URLs): the read stays refused.
        as(t.supervisor)
                .queryParam("reason", "case review after a complaint")
                .when()
                .get("/v1/engagements/" + id + "/notes/" + privateNote)
                .then()
                .statusCode(422);
        as(t.supervisor)
                .body(Map.of("reason", " "))
                .when()
                .post("/v1/engagements/" + id + "/notes/" + privateNote + "/reads")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reason"));
        as(t.supervisor)
                .body(Map.of("reason", "case review after a complaint"))
                .when()
                .post("/v1/engagements/" + id + "/notes/" + privateNote + "/reads")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("body", is(SECRET));
        // The read is audited with the supervisor's reason, sealed like other free text.
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where resource_id = ?"
                                        + " and action = 'read' and reason is not null and reason not like '%complaint%'",
                                privateNote));

        as(t.client)
                .body(Map.of("kind", "shared", "body", "x"))
                .when()
                .post("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(403);
        as(t.user("coach"))
                .body(Map.of("kind", "private", "body", "x"))
                .when()
                .post("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(404);
        as(TestTenant.another().supervisor)
                .body(Map.of("reason", "curious"))
                .when()
                .post("/v1/engagements/" + id + "/notes/" + privateNote + "/reads")
                .then()
                .statusCode(404);
        as(t.client)
                .body(Map.of("reason", "curious"))
                .when()
                .post("/v1/engagements/" + id + "/notes/" + privateNote + "/reads")
                .then()
                .statusCode(404);
        as(t.user("sponsor"))
                .body(Map.of("reason", "curious"))
                .when()
                .post("/v1/engagements/" + id + "/notes/" + privateNote + "/reads")
                .then()
                .statusCode(403);
        as(t.user("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/notes")
                .then()
                .statusCode(403);
    }

    @Test
    void aRiskConcernPublishesRiskNotedWithoutWords() {
        String id = engagement();
        as(t.coach)
                .body(Map.of("level", "whatever"))
                .when()
                .post("/v1/engagements/" + id + "/risk-concerns")
                .then()
                .statusCode(422);
        // A session of another engagement, or one that exists nowhere: refused, nothing recorded or published.
        String elsewhere = MonitoredEngagements.scheduled(t, ActiveEngagements.open(t));
        for (String session : List.of(elsewhere, UUID.randomUUID().toString())) {
            as(t.coach)
                    .body(Map.of("level", "serious", "sessionId", session))
                    .when()
                    .post("/v1/engagements/" + id + "/risk-concerns")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        assertEquals(
                0,
                EmbeddedPostgres.shared().count("select count(*) from risk_concern where engagement_id = ?::uuid", id));
        as(t.coach)
                .body(Map.of("level", "serious"))
                .when()
                .post("/v1/engagements/" + id + "/risk-concerns")
                .then()
                .statusCode(201)
                .body("level", is("serious"));
        var noted = TopicProbe.read(
                "session.events",
                r -> id.equals(r.key()) && "org.praxis.session.risk.noted.v1".equals(TopicProbe.header(r, "ce_type")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, noted.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.session.risk.noted.v1", noted.get(0).value()));
        as(t.client)
                .body(Map.of("level", "serious"))
                .when()
                .post("/v1/engagements/" + id + "/risk-concerns")
                .then()
                .statusCode(403);
        as(t.client).when().get("/v1/engagements/" + id + "/notes").then().body("items", hasSize(0));
    }
}
