package org.praxis.assessment.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;
import static org.praxis.testsupport.TestTenant.export;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** Profiles and who reaches them; erasure. */
@QuarkusTest
class PractitionerApiTest {
    private final AssessmentTenant t = new AssessmentTenant();

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    private io.restassured.response.ValidatableResponse assignSupervisor(
            Tokens by, String practitioner, String supervisor) {
        String etag = as(by).when()
                .get("/v1/practitioners/" + practitioner)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return as(by).header("If-Match", etag)
                .body(Map.of("supervisorId", supervisor))
                .when()
                .put("/v1/practitioners/" + practitioner + "/supervisor")
                .then();
    }

    @Test
    void twoCreatesOfOneProfileAtOnceGiveOneProfileAndAConflict() throws Exception {
        java.util.concurrent.ExecutorService taps = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Tokens coach = t.user("coach");
                java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(2);
                List<java.util.concurrent.Future<Integer>> creates = new java.util.ArrayList<>();
                for (int tap = 0; tap < 2; tap++) {
                    creates.add(taps.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return as(coach)
                                .body(Map.of("displayName", "Casey Coach"))
                                .when()
                                .post("/v1/practitioners")
                                .statusCode();
                    }));
                }
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var create : creates) {
                    statuses.add(create.get());
                }
                java.util.Collections.sort(statuses);
                assertEquals(List.of(201, 409), statuses, "a double tap");
            }
        } finally {
            taps.shutdown();
        }
    }

    @Test
    void supervisionRunsOneWayAndNoAdminChoosesTheirOwnSupervisor() {
        t.supervised(); // the supervisor supervises the coach
        as(t.supervisor)
                .body(Map.of("displayName", "Sam Supervisor", "roles", List.of("coach")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        // The coach does not become their own supervisor's supervisor: each would rate and verify the other.
        assignSupervisor(t.admin, t.supervisor.subject(), t.coach.subject())
                .statusCode(422)
                .body("errors.message", hasItem("must not be one this practitioner supervises"));
        assignSupervisor(t.admin, t.supervisor.subject(), t.otherSupervisor.subject())
                .statusCode(200)
                .body("supervisorId", is(t.otherSupervisor.subject()));

        // An admin who practises does not choose their own supervisor; another admin does.
        Tokens practisingAdmin = t.user("admin", "supervisor");
        as(practisingAdmin)
                .body(Map.of("subject", practisingAdmin.subject(), "displayName", "Ada Admin"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        assignSupervisor(practisingAdmin, practisingAdmin.subject(), t.supervisor.subject())
                .statusCode(403);
        assignSupervisor(t.admin, practisingAdmin.subject(), t.supervisor.subject())
                .statusCode(200)
                .body("supervisorId", is(t.supervisor.subject()));
    }

    @Test
    void profilesBelongToTheirPractitionerTheirSupervisorAndAdminsOnly() {
        as(t.coach)
                .body(Map.of("subject", t.otherCoach.subject(), "displayName", "Someone else"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("subject"));
        as(t.coach)
                .body(Map.of("displayName", "Casey Coach", "roles", List.of("coach")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201)
                .body("id", is(t.coach.subject()));
        as(t.coach)
                .body(Map.of("displayName", "Casey again"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(409);
        as(t.coach)
                .body(Map.of("displayName", "Casey", "roles", List.of("wizard")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(422);
        as(t.admin)
                .body(Map.of("subject", t.otherCoach.subject(), "displayName", "Olly Other"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);

        // Before the admin names a supervisor, the supervisor reaches nothing.
        as(t.supervisor).when().get(path("")).then().statusCode(404);
        as(t.supervisor).when().get(path("/eligibility")).then().statusCode(404);
        String etag = as(t.admin)
                .when()
                .get(path(""))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(t.admin)
                .body(Map.of("supervisorId", t.supervisor.subject()))
                .when()
                .put(path("/supervisor"))
                .then()
                .statusCode(428);
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of("supervisorId", t.coach.subject()))
                .when()
                .put(path("/supervisor"))
                .then()
                .statusCode(403);
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("supervisorId", t.coach.subject()))
                .when()
                .put(path("/supervisor"))
                .then()
                .statusCode(422);
        // A blank supervisor names nobody: refused, rather than a supervisor no one is (whom sessions would wait for).
        for (String blank : List.of("", "   ")) {
            as(t.admin)
                    .header("If-Match", etag)
                    .body(Map.of("supervisorId", blank))
                    .when()
                    .put(path("/supervisor"))
                    .then()
                    .statusCode(422)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("supervisorId"));
        }
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("supervisorId", t.supervisor.subject()))
                .when()
                .put(path("/supervisor"))
                .then()
                .statusCode(200)
                .body("supervisorId", is(t.supervisor.subject()));
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("supervisorId", t.supervisor.subject()))
                .when()
                .put(path("/supervisor"))
                .then()
                .statusCode(412);
        var changed = TopicProbe.read(
                "assessment.events",
                r -> t.coach.subject().equals(r.key())
                        && "org.praxis.assessment.practitioner.supervisor-changed.v1"
                                .equals(TopicProbe.header(r, "ce_type")),
                f -> !f.isEmpty(),
                Duration.ofSeconds(20));
        assertEquals(1, changed.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.assessment.practitioner.supervisor-changed.v1",
                        changed.get(0).value()));
        assertEquals(t.id, TopicProbe.header(changed.get(0), "ce_tenant"));

        as(t.supervisor).when().get(path("/eligibility")).then().statusCode(200);
        as(t.supervisor).when().get("/v1/practitioners").then().body("items.id", contains(t.coach.subject()));
        as(t.otherSupervisor).when().get(path("/profile")).then().statusCode(404);
        as(t.otherCoach).when().get(path("")).then().statusCode(404);
        as(t.otherCoach).when().get(path("/evidence")).then().statusCode(404);
        as(t.otherCoach).when().get("/v1/practitioners").then().body("items.id", contains(t.otherCoach.subject()));
        as(t.admin).when().get("/v1/practitioners").then().body("items", hasSize(2));
        as(t.admin).when().get(path("/profile")).then().statusCode(403);
        as(t.admin).when().get(path("/eligibility")).then().statusCode(403);
        for (Tokens denied : List.of(t.client, t.sponsor)) {
            as(denied).when().get(path("")).then().statusCode(403);
            as(denied).when().get(path("/profile")).then().statusCode(403);
            as(denied).when().get("/v1/practitioners").then().statusCode(403);
            as(denied)
                    .body(Map.of("displayName", "x"))
                    .when()
                    .post("/v1/practitioners")
                    .then()
                    .statusCode(403);
            as(denied).when().get("/v1/assessment-settings").then().statusCode(403);
        }

        String coachTag = as(t.coach).when().get(path("")).then().extract().header("ETag");
        as(t.coach)
                .header("If-Match", coachTag)
                .body(Map.of("displayName", "Casey C.", "roles", List.of("coach", "therapist")))
                .when()
                .put(path(""))
                .then()
                .statusCode(200)
                .body("displayName", is("Casey C."));
        as(t.supervisor)
                .header("If-Match", "\"2\"")
                .body(Map.of("displayName", "Renamed by supervisor"))
                .when()
                .put(path(""))
                .then()
                .statusCode(403);

        // Registrations are the practitioner's own business.
        Map<String, String> registration = Map.of(
                "kind",
                "therapy-register",
                "body",
                "Example Register",
                "number",
                "R-1",
                "expiresOn",
                LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        as(t.supervisor)
                .body(registration)
                .when()
                .post(path("/registrations"))
                .then()
                .statusCode(403);
        as(t.coach)
                .body(Map.of("kind", "fan-club", "body", "x", "number", "1", "expiresOn", "2030-01-01"))
                .when()
                .post(path("/registrations"))
                .then()
                .statusCode(422);
        as(t.coach)
                .body(registration)
                .when()
                .post(path("/registrations"))
                .then()
                .statusCode(201);

        // Another tenant's people reach nothing of it, even under the same subject.
        AssessmentTenant other = new AssessmentTenant();
        as(other.admin).when().get(path("")).then().statusCode(404);
        Tokens sameSubject = Tokens.of(t.coach.subject()).tenant(other.id).roles("coach");
        as(sameSubject).when().get(path("")).then().statusCode(404);
        as(sameSubject).when().get(path("/eligibility")).then().statusCode(404);
        as(other.supervisor)
                .body(Map.of("heldOn", "2026-11-01", "durationMinutes", 60))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(404);
    }

    /** A list filter that is an "or" of relations stays one condition beside the page's cursor. */
    @Test
    void aSupervisorPagesThroughTheirOwnAndTheirSuperviseesProfilesEachOnce() {
        AssessmentTenant t = new AssessmentTenant().supervised();
        as(t.supervisor)
                .body(Map.of("displayName", "Sam Supervisor", "roles", List.of("coach")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        as(t.otherCoach)
                .body(Map.of("displayName", "Other Coach", "roles", List.of("coach")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = as(t.supervisor)
                    .when()
                    .get("/v1/practitioners?limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(page.<List<String>>path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() < 10);
        assertEquals(2, seen.size(), "own profile and the supervisee's, once each: " + seen);
        assertEquals(java.util.Set.of(t.supervisor.subject(), t.coach.subject()), java.util.Set.copyOf(seen));
    }

    @Test
    void erasureForgetsTheNameAndCommentsKeepsLevelsUnderAPseudonymAndWithdrawsEligibility() {
        t.supervised();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        as(t.coach)
                .body(Map.of("kind", "reflective-log", "occurredOn", today, "description", "What I learnt"))
                .when()
                .post(path("/evidence"))
                .then()
                .statusCode(201);
        String a = t.openAssessment();
        as(t.coach)
                .body(Map.of("competenceCode", "D1.A1.1.1", "level", "competent", "comment", "My view"))
                .when()
                .post("/v1/assessments/" + a + "/self-ratings")
                .then()
                .statusCode(200);
        String request = t.exportRequest(t.coach.subject());
        export(t.admin, t.coach.subject(), request)
                .statusCode(200)
                .body("profile[0].displayName", is("Casey Coach"))
                .body("evidence", hasSize(1))
                .body("ratings[0].comment", is("My view"));
        export(t.supervisor, t.coach.subject(), request).statusCode(403);

        var confirmations = ErasureRequests.eraseRedelivered(t.id, t.coach.subject(), "assessment.events");
        assertEquals(1, confirmations.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.assessment.subject.erased.v1",
                        confirmations.get(0).value()));
        // The request made before names the pseudonym now; an export after the erasure takes a new one.
        export(t.admin, t.coach.subject(), request).statusCode(422);
        as(t.admin)
                .when()
                .get("/v1/export-requests/" + request)
                .then()
                .statusCode(200)
                .body("uses", is(1))
                .body("subject", startsWith("erased-"));
        export(t.admin, t.coach.subject(), t.exportRequest(t.coach.subject()))
                .statusCode(200)
                .body("profile", hasSize(0))
                .body("evidence", hasSize(0));
        as(t.supervisor)
                .when()
                .get("/v1/practitioners")
                .then()
                .body("items", hasSize(1))
                .body("items[0].id", startsWith("erased-"))
                .body("items[0].displayName", is("erased"));
        assertTrue(EmbeddedPostgres.shared()
                        .count("select count(*) from rating where tenant_id = ? and comment is null", t.id)
                == 1);
    }
}
