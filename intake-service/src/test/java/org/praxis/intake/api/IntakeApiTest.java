package org.praxis.intake.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** intake-service through its REST API, with real PostgreSQL, Kafka and signed tokens. */
@QuarkusTest
class IntakeApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();
    private final Tokens stranger = TestTenant.another().supervisor;

    /** The tenant's supervisor supervises its coach: a supervisor reaches only the intakes of their supervisees. */
    @BeforeEach
    void supervision() {
        t.supervisorSupervisesCoach();
    }

    private String openIntake(Tokens who, String clientSubject) {
        return as(who).body(Map.of(
                        "clientSubject",
                        clientSubject,
                        "displayName",
                        "Pat Example",
                        "presentingConcerns",
                        "sleepless since the merger",
                        "hopedForOutcomes",
                        "calmer mornings"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> phq9(int... answers) {
        Map<String, Integer> a = new java.util.HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            a.put(Integer.toString(i + 1), answers[i]);
        }
        return Map.of("instrument", "PHQ-9", "answers", a);
    }

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    // ------------------------------------------------------------------ intakes

    @Test
    void aCoachOpensAnIntakeAssignedToThemAndReadsItBackWithAnETag() {
        String id = openIntake(t.coach, t.client.subject());
        String etag = as(t.coach)
                .when()
                .get("/v1/intakes/" + id)
                .then()
                .statusCode(200)
                .body("assignedCoach", is(t.coach.subject()))
                .body("presentingConcerns", is("sleepless since the merger"))
                .body("status", is("open"))
                .extract()
                .header("ETag");
        as(t.coach)
                .header("If-None-Match", etag)
                .when()
                .get("/v1/intakes/" + id)
                .then()
                .statusCode(304);
        // Every read of the presenting concerns is audited, the conditional one included.
        assertEquals(
                2,
                count(
                        "select count(*) from audit_event where tenant_id = ? and resource_id = ? and action = 'read'",
                        t.id,
                        id));
    }

    @Test
    void freeTextAndAnswersAreSealedAtRest() {
        String id = openIntake(t.coach, t.client.subject());
        String sid = as(t.client)
                .body(phq9(1, 2, 3, 0, 1, 2, 3, 0, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(
                0,
                count(
                        "select count(*) from intake where id = ?::uuid and (presenting_concerns like '%merger%'"
                                + " or display_name like '%Pat%' or hoped_for_outcomes like '%mornings%')",
                        id));
        // Every value in the row-bound scheme (v2: a tenant's data key, sealed to table, column, tenant and row).
        assertEquals(
                1,
                count(
                        "select count(*) from intake where id = ?::uuid and display_name like 'v2:%'"
                                + " and presenting_concerns like 'v2:%' and hoped_for_outcomes like 'v2:%'",
                        id));
        assertEquals(
                1,
                count(
                        "select count(*) from screening where id = ?::uuid and answers like 'v2:%'"
                                + " and answers not like '%\"9\"%' and answers not like '%{%'",
                        sid));
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id + "/screenings/" + sid)
                .then()
                .statusCode(200)
                .body("answers.3", is(3));
    }

    @Test
    void aSealedValueCopiedToAnotherIntakeDoesNotOpenThere() {
        String first = openIntake(t.coach, t.client.subject());
        String second = as(t.coach)
                .body(Map.of(
                        "clientSubject",
                        t.client.subject(),
                        "displayName",
                        "Sam Second",
                        "presentingConcerns",
                        "a different worry"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        EmbeddedPostgres.shared()
                .execute("update intake set presenting_concerns = (select presenting_concerns from intake"
                        + " where id = '" + first + "') where id = '" + second + "'");

        String failed = as(t.coach)
                .when()
                .get("/v1/intakes/" + second)
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("status", is(500))
                .body("errorId", notNullValue())
                .extract()
                .asString();
        for (String plaintext : List.of("merger", "different worry", "Pat Example", "Sam Second", "mornings")) {
            assertFalse(failed.contains(plaintext), "no plaintext in the error: " + plaintext);
        }
        as(t.coach)
                .when()
                .get("/v1/intakes/" + first)
                .then()
                .statusCode(200)
                .body("presentingConcerns", is("sleepless since the merger"))
                .body("displayName", is("Pat Example"));

        // Screening answers too: one screening's answers moved onto another's row do not open.
        String a = as(t.client)
                .body(phq9(3, 3, 3, 3, 3, 3, 3, 3, 0))
                .when()
                .post("/v1/intakes/" + first + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String b = as(t.client)
                .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + first + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        EmbeddedPostgres.shared()
                .execute("update screening set answers = (select answers from screening where id = '" + a
                        + "') where id = '" + b + "'");
        as(t.coach)
                .when()
                .get("/v1/intakes/" + first + "/screenings/" + b)
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("errorId", notNullValue())
                .body("answers", nullValue());
        as(t.coach)
                .when()
                .get("/v1/intakes/" + first + "/screenings/" + a)
                .then()
                .statusCode(200)
                .body("answers.1", is(3));
    }

    @Test
    void anInvalidIntakeIs422AndStoresNothing() {
        as(t.coach)
                .body(Map.of("displayName", ""))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("displayName"));
        assertEquals(0, count("select count(*) from intake where tenant_id = ?", t.id));
    }

    @Test
    void aClientOpensAnIntakeOnlyForThemselves() {
        as(t.client)
                .body(Map.of("displayName", "Me"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .body("clientSubject", is(t.client.subject()))
                .body("assignedCoach", nullValue());
        as(t.client)
                .body(Map.of("displayName", "Someone", "clientSubject", "someone-else"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
    }

    @Test
    void theSameIdempotencyKeyOpensOneIntake() {
        Map<String, String> body = Map.of("displayName", "Once", "clientSubject", t.client.subject());
        String first = as(t.coach)
                .header("Idempotency-Key", "open-1")
                .body(body)
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .header("Idempotency-Key", "open-1")
                .body(body)
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .body("id", is(first));
        as(t.coach)
                .header("Idempotency-Key", "open-1")
                .body(Map.of("displayName", "Other"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        assertEquals(1, count("select count(*) from intake where tenant_id = ?", t.id));
    }

    @Test
    void whoSeesWhichIntake() {
        String mine = openIntake(t.coach, t.client.subject());
        as(t.coach).when().get("/v1/intakes/" + mine).then().statusCode(200);
        as(t.supervisor).when().get("/v1/intakes/" + mine).then().statusCode(200);
        // Changed by issue 16: admins reach clinical content only through the recorded subject export.
        as(t.admin).when().get("/v1/intakes/" + mine).then().statusCode(403).contentType(PROBLEM);
        as(t.client).when().get("/v1/intakes/" + mine).then().statusCode(200);
        as(t.otherCoach)
                .when()
                .get("/v1/intakes/" + mine)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(t.user("client")).when().get("/v1/intakes/" + mine).then().statusCode(404);
        as(t.sponsor).when().get("/v1/intakes/" + mine).then().statusCode(403).contentType(PROBLEM);
        as(stranger).when().get("/v1/intakes/" + mine).then().statusCode(404).contentType(PROBLEM);

        as(t.otherCoach).when().get("/v1/intakes").then().statusCode(200).body("items.id", not(hasItem(mine)));
        as(t.supervisor).when().get("/v1/intakes").then().statusCode(200).body("items.id", hasItem(mine));
        as(stranger).when().get("/v1/intakes").then().statusCode(200).body("items", hasSize(0));
        as(t.sponsor).when().get("/v1/intakes").then().statusCode(403);
    }

    @Test
    void theIntakeListPagesWithACursorAndFilters() {
        for (int i = 0; i < 3; i++) {
            openIntake(t.coach, "c-" + i);
        }
        String cursor = as(t.supervisor)
                .queryParam("limit", 2)
                .when()
                .get("/v1/intakes")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .path("nextCursor");
        as(t.supervisor)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .when()
                .get("/v1/intakes")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());
        as(t.supervisor)
                .queryParam("status", "decided")
                .when()
                .get("/v1/intakes")
                .then()
                .body("items", hasSize(0));
        as(t.supervisor)
                .queryParam("assignedCoach", t.coach.subject())
                .when()
                .get("/v1/intakes")
                .then()
                .body("items", hasSize(3));
    }

    // ------------------------------------------------------------------ screenings

    @Test
    void theServerScoresAScreening() {
        String id = openIntake(t.coach, t.client.subject());
        as(t.client)
                .body(phq9(1, 1, 2, 2, 1, 1, 1, 1, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("instrument", is("PHQ-9"))
                .body("instrumentVersion", is(1))
                .body("scoringVersion", is("PHQ-9/sum/1"))
                .body("total", is(10))
                .body("severity", nullValue())
                .body("wording.text", is(ClientWordingApiTest.PHQ9_MODERATE))
                .body("riskFlags", nullValue())
                .body("wording.riskFlags", hasSize(0))
                .body("scoredAt", notNullValue());
        as(t.client)
                .body(Map.of("instrument", "WHO-5", "answers", Map.of("1", 3, "2", 3, "3", 3, "4", 2, "5", 2)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("total", is(13))
                .body("percent", is(52))
                .body("severity", nullValue())
                .body("wording.text", is("Your answers suggest your wellbeing has been reasonable lately."));
        as(t.client)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(200)
                .body("items.instrument", containsInAnyOrder("PHQ-9", "WHO-5"));
    }

    @Test
    void badAnswersAre422NamingEachItemAndStoreNothing() {
        String id = openIntake(t.coach, t.client.subject());
        Map<String, Integer> answers =
                new java.util.HashMap<>(Map.of("1", 0, "2", 4, "3", 0, "4", 0, "5", 0, "6", 0, "7", 0, "8", 0));
        answers.put("12", 1);
        as(t.coach)
                .body(Map.of("instrument", "PHQ-9", "answers", answers))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("answers.2", "answers.9", "answers.12"));
        as(t.coach)
                .body(Map.of("instrument", "NOPE-1", "answers", Map.of("1", 0)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("instrument"));
        assertEquals(0, count("select count(*) from screening where intake_id = ?::uuid", id));
    }

    @Test
    void answersAreForPractitionersAndEveryReadIsAudited() {
        String id = openIntake(t.coach, t.client.subject());
        String sid = as(t.client)
                .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id + "/screenings/" + sid)
                .then()
                .statusCode(200)
                .body("answers.9", is(0))
                .body("total", is(0));
        as(t.client)
                .when()
                .get("/v1/intakes/" + id + "/screenings/" + sid)
                .then()
                .statusCode(403);
        as(stranger)
                .when()
                .get("/v1/intakes/" + id + "/screenings/" + sid)
                .then()
                .statusCode(404);
        assertEquals(
                1, count("select count(*) from audit_event where resource_id = ? and action = 'read-answers'", sid));
        assertEquals(
                0,
                count("select count(*) from screening where id = ?::uuid and answers like '%\"9\"%'", sid),
                "answers are encrypted at rest");
    }

    @Test
    void anotherTenantCannotSubmitToOrReadAnIntake() {
        String id = openIntake(t.coach, t.client.subject());
        as(stranger)
                .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(stranger).when().get("/v1/intakes/" + id + "/recommendation").then().statusCode(404);
        as(TestTenant.another().coach)
                .body(Map.of("pathway", "coaching"))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(404);
        assertEquals(0, count("select count(*) from screening where intake_id = ?::uuid", id));
    }

    // ------------------------------------------------------------------ risk flags

    @Test
    void phq9Item9RaisesExactlyOneRiskFlagEventWithoutAnswers() {
        String id = openIntake(t.coach, t.client.subject());
        as(t.client)
                .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 1))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("total", is(1))
                .body("severity", nullValue())
                .body("riskFlags", nullValue())
                .body("wording.riskFlags", hasSize(1));
        String flagId = RaisedFlags.onlyFlagOf(id);
        as(t.supervisor)
                .when()
                .get("/v1/risk-flags/" + flagId)
                .then()
                .statusCode(200)
                .body("code", is("self-harm-thoughts"))
                .body("level", is("serious"));

        List<ConsumerRecord<String, String>> raised = TopicProbe.read(
                "intake.events",
                r -> id.equals(r.key())
                        && "org.praxis.intake.risk-flag.raised.v1".equals(TopicProbe.header(r, "ce_type")),
                found -> found.size() >= 1,
                Duration.ofSeconds(30));
        // Everything the screening's transaction wrote, once sent: a second copy would be among it.
        List<ConsumerRecord<String, String>> again = TopicProbe.readPublished(
                "intake.events",
                id,
                r -> "org.praxis.intake.risk-flag.raised.v1".equals(TopicProbe.header(r, "ce_type")));
        assertEquals(1, raised.size());
        assertEquals(1, again.size());
        String payload = raised.get(0).value();
        assertTrue(payload.contains(flagId));
        assertTrue(payload.contains("\"level\": \"serious\""), payload);
        assertFalse(payload.contains("answers"), payload);
        assertFalse(payload.contains("Pat Example") || payload.contains("merger"), payload);
        assertEquals(t.id, TopicProbe.header(raised.get(0), "ce_tenant"));

        as(t.supervisor)
                .queryParam("status", "raised")
                .when()
                .get("/v1/risk-flags")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(flagId));
        as(t.coach)
                .queryParam("status", "raised")
                .when()
                .get("/v1/risk-flags")
                .then()
                .body("items.id", hasItem(flagId));
        as(t.otherCoach)
                .queryParam("status", "raised")
                .when()
                .get("/v1/risk-flags")
                .then()
                .body("items.id", not(hasItem(flagId)));
        as(t.client).when().get("/v1/risk-flags").then().statusCode(403);
        as(t.sponsor).when().get("/v1/risk-flags").then().statusCode(403);
        as(stranger)
                .queryParam("status", "raised")
                .when()
                .get("/v1/risk-flags")
                .then()
                .body("items", hasSize(0));
        as(stranger).when().get("/v1/risk-flags/" + flagId).then().statusCode(404);
    }

    @Test
    void aRetriedScreeningWithTheSameKeyScoresOnceAndRaisesOneFlag() {
        String id = openIntake(t.coach, t.client.subject());
        Map<String, Object> body = phq9(0, 0, 0, 0, 0, 0, 0, 0, 3);
        String first = as(t.client)
                .header("Idempotency-Key", "phone-retry-1")
                .body(body)
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client)
                .header("Idempotency-Key", "phone-retry-1")
                .body(body)
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(first));
        assertEquals(1, count("select count(*) from screening where intake_id = ?::uuid", id));
        assertEquals(1, count("select count(*) from risk_flag where intake_id = ?::uuid", id));
        assertEquals(
                1,
                count(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type like '%risk-flag.raised%'",
                        id));
    }

    @Test
    void aRiskFlagMovesOnlyForwardWithNotes() {
        String id = openIntake(t.coach, t.client.subject());
        String flagId = as(t.coach)
                .body(Map.of("code", "coach-concern", "level", "elevated", "note", "mentioned hopelessness"))
                .when()
                .post("/v1/intakes/" + id + "/risk-flags")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String move = "/v1/risk-flags/" + flagId + "/transitions";
        as(t.supervisor)
                .body(Map.of("status", "closed"))
                .when()
                .post(move)
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        as(t.supervisor)
                .body(Map.of("status", "weird"))
                .when()
                .post(move)
                .then()
                .statusCode(422);
        as(t.supervisor)
                .header("If-Match", "\"99\"")
                .body(Map.of("status", "acknowledged"))
                .when()
                .post(move)
                .then()
                .statusCode(412);
        as(t.supervisor)
                .body(Map.of("status", "acknowledged", "note", "called the client"))
                .when()
                .post(move)
                .then()
                .statusCode(200)
                .body("status", is("acknowledged"));
        as(t.supervisor)
                .body(Map.of("status", "actioned", "note", "referred"))
                .when()
                .post(move)
                .then()
                .statusCode(200);
        // Closing says how the risk was dealt with: without a note it is refused and the flag stays open.
        for (Map<String, String> silent :
                List.of(Map.of("status", "closed"), Map.of("status", "closed", "note", " "))) {
            as(t.supervisor)
                    .body(silent)
                    .when()
                    .post(move)
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM)
                    .body("errors.field", equalTo(List.of("note")));
        }
        as(t.coach).when().get("/v1/risk-flags/" + flagId).then().body("status", is("actioned"));
        as(t.supervisor)
                .body(Map.of("status", "closed", "note", "seen by the crisis team; safe"))
                .when()
                .post(move)
                .then()
                .statusCode(200);
        as(t.supervisor)
                .body(Map.of("status", "acknowledged"))
                .when()
                .post(move)
                .then()
                .statusCode(409);
        as(t.coach)
                .when()
                .get("/v1/risk-flags/" + flagId)
                .then()
                .statusCode(200)
                .body("steps.status", equalTo(List.of("raised", "acknowledged", "actioned", "closed")))
                .body("steps[0].note", is("mentioned hopelessness"));
        as(t.client).body(Map.of("status", "closed")).when().post(move).then().statusCode(403);
        assertEquals(
                0,
                count(
                        "select count(*) from risk_flag_step where risk_flag_id = ?::uuid and note like '%hopeless%'",
                        flagId));
    }

    // ------------------------------------------------------------------ recommendation and decision

    @Test
    void theRecommendationListsEveryRuleAndAnOpenFlagMakesItUrgent() {
        String id = openIntake(t.coach, t.client.subject());
        as(t.client)
                .body(phq9(2, 2, 2, 2, 1, 1, 1, 1, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        as(t.client)
                .body(Map.of("instrument", "WSAS", "answers", Map.of("1", 4, "2", 2, "3", 2, "4", 1, "5", 1)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id + "/recommendation")
                .then()
                .statusCode(200)
                .body("pathway", is("integrated"))
                .body("reasons.rule", containsInAnyOrder("phq9-integrated", "wsas-impairment"));
        as(t.client).when().get("/v1/intakes/" + id + "/recommendation").then().statusCode(403);

        as(t.coach)
                .body(Map.of("code", "coach-concern", "level", "serious"))
                .when()
                .post("/v1/intakes/" + id + "/risk-flags")
                .then()
                .statusCode(201);
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id + "/recommendation")
                .then()
                .body("pathway", is("urgent"))
                .body("reasons.rule", hasItem("open-risk-flag"));
    }

    @Test
    void aDecisionAgainstTheRecommendationNeedsAReasonAndIsMadeOnce() {
        String id = openIntake(t.coach, t.client.subject());
        as(t.coach)
                .body(Map.of("pathway", "therapy"))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reason"));
        as(t.coach)
                .body(Map.of("pathway", "sideways"))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        as(t.coach)
                .body(Map.of("pathway", "coaching", "practitionerId", t.coach.subject()))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(201)
                .body("pathway", is("coaching"))
                .body("recommendedPathway", is("coaching"));
        as(t.coach)
                .body(Map.of("pathway", "coaching"))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(409);
        as(t.coach).when().get("/v1/intakes/" + id).then().body("status", is("decided"));

        List<ConsumerRecord<String, String>> decided = TopicProbe.read(
                "intake.events",
                r -> id.equals(r.key())
                        && "org.praxis.intake.intake.decided.v1".equals(TopicProbe.header(r, "ce_type")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, decided.size());
        assertTrue(
                decided.get(0).value().contains("\"pathway\": \"coaching\""),
                decided.get(0).value());
    }

    @Test
    void integratedWorkNeedsAPractitionerAssessmentServiceCallsEligible() {
        String id = openIntake(t.coach, t.client.subject());
        as(t.client)
                .body(phq9(2, 2, 2, 2, 1, 1, 1, 1, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        String practitioner = "practitioner-" + UUID.randomUUID();
        Map<String, String> decision = Map.of("pathway", "integrated", "practitionerId", practitioner);
        as(t.supervisor)
                .body(decision)
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));

        String eventId = UUID.randomUUID().toString();
        TopicProbe.send(
                "assessment.events",
                practitioner,
                "{\"practitionerId\":\"" + practitioner
                        + "\",\"eligibilities\":[\"core-coaching\",\"integrated-practice\"]}",
                Map.of(
                        "ce_id",
                        eventId,
                        "ce_type",
                        "org.praxis.assessment.eligibility.changed.v1",
                        "ce_source",
                        "/assessment-service",
                        "ce_tenant",
                        t.id,
                        "ce_time",
                        Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from practitioner_eligibility where tenant_id = ? and practitioner_id = ?",
                                t.id,
                                practitioner)
                        == 2);

        as(t.supervisor)
                .body(decision)
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(201)
                .body("pathway", is("integrated"))
                .body("practitionerId", is(practitioner));
    }

    @Test
    void eligibilityInOneTenantDoesNotCountInAnother() {
        String practitioner = "practitioner-" + UUID.randomUUID();
        TopicProbe.sendEvent(
                "assessment.events",
                "org.praxis.assessment.eligibility.changed.v1",
                "/assessment-service",
                "other-" + t.id,
                practitioner,
                "{\"practitionerId\":\"" + practitioner + "\",\"eligibilities\":[\"integrated-practice\"]}");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("select count(*) from practitioner_eligibility where practitioner_id = ?", practitioner)
                                == 1);
        String id = openIntake(t.coach, t.client.subject());
        // Changed by issue 16: a coach names only themselves, so a supervisor names the practitioner here.
        as(t.supervisor)
                .body(Map.of("pathway", "integrated", "practitionerId", practitioner, "reason", "wants both"))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
    }

    // ------------------------------------------------------------------ assignments and instruments

    @Test
    void anAssignedInstrumentIsOnTheClientsListUntilTheyAnswerIt() {
        String id = openIntake(t.coach, t.client.subject());
        String aid = as(t.coach)
                .body(Map.of("instrument", "GAD-7", "dueDate", "2030-01-31"))
                .when()
                .post("/v1/intakes/" + id + "/assignments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client)
                .when()
                .get("/v1/me/assignments")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(aid))
                .body("items.find { it.id == '" + aid + "' }.instrument", is("GAD-7"));
        as(t.client)
                .body(Map.of(
                        "instrument",
                        "GAD-7",
                        "answers",
                        Map.of("1", 1, "2", 1, "3", 1, "4", 1, "5", 1, "6", 0, "7", 0)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("severity", nullValue())
                .body("wording.text", is("Your answers suggest worry has been on your mind at times lately."));
        as(t.client).when().get("/v1/me/assignments").then().statusCode(200).body("items.id", not(hasItem(aid)));
        as(t.coach).when().get("/v1/me/assignments").then().statusCode(403);
        as(t.client)
                .body(Map.of("instrument", "GAD-7"))
                .when()
                .post("/v1/intakes/" + id + "/assignments")
                .then()
                .statusCode(403);
        as(t.coach)
                .body(Map.of("instrument", "NOPE"))
                .when()
                .post("/v1/intakes/" + id + "/assignments")
                .then()
                .statusCode(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client", "coach", "supervisor", "admin"})
    void everyRoleButSponsorsReadsTheInstruments(String role) {
        as(t.user(role))
                .when()
                .get("/v1/instruments")
                .then()
                .statusCode(200)
                .body(
                        "code",
                        containsInAnyOrder("PHQ-9", "PHQ-2", "GAD-7", "GAD-2", "WHO-5", "WSAS", "COACHING-READINESS"));
    }

    @Test
    void anInstrumentShowsItsItemsRangesAndRule() {
        as(t.client)
                .when()
                .get("/v1/instruments/WHO-5")
                .then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("items[0].max", is(5))
                .body("percentMultiplier", is(4))
                .body("lowItemRule", nullValue());
        as(t.coach).when().get("/v1/instruments/WHO-5").then().statusCode(200).body("lowItemRule.severity", is("poor"));
        as(t.client).when().get("/v1/instruments/NOPE").then().statusCode(404).contentType(PROBLEM);
        as(t.sponsor).when().get("/v1/instruments").then().statusCode(403);
    }
}
