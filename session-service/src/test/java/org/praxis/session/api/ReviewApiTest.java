package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

@QuarkusTest
class ReviewApiTest {
    @Inject
    SessionFactory sessionFactory;

    private final TestTenant t = new TestTenant();

    /** The coach proposes a contract version between the client and themselves. */
    private void propose(String id, String purpose, int reviewEveryWeeks) {
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        purpose,
                        "reviewEveryWeeks",
                        reviewEveryWeeks,
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                                Map.of("role", "coach", "subject", t.coach.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
    }

    private String activeEngagement() {
        String id = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        propose(id, "Clarity", 4);
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
        return id;
    }

    @Test
    void aReviewIsDueByTheContractsScheduleUntilItIsHeld() {
        String id = activeEngagement();
        as(t.coach)
                .queryParam("due", true)
                .when()
                .get("/v1/reviews")
                .then()
                .statusCode(200)
                .body("items.engagementId", not(hasItem(id)));
        // Activated five weeks ago: the four-weekly review is a week overdue.
        EmbeddedPostgres.shared()
                .execute("update engagement set activated_at = now() - interval '35 days',"
                        + " review_due_on = current_date - 7 where id = '" + id + "'");
        as(t.coach)
                .queryParam("due", true)
                .when()
                .get("/v1/reviews")
                .then()
                .statusCode(200)
                .body("items.engagementId", hasItem(id));
        as(t.user("coach"))
                .queryParam("due", true)
                .when()
                .get("/v1/reviews")
                .then()
                .body("items.engagementId", not(hasItem(id)));
        Tokens supervisor = t.user("supervisor");
        as(supervisor)
                .queryParam("due", true)
                .when()
                .get("/v1/reviews")
                .then()
                .body("items.engagementId", not(hasItem(id)));
        SupervisionEvents.assign(t.id, t.coach.subject(), supervisor.subject());
        as(supervisor).queryParam("due", true).when().get("/v1/reviews").then().body("items.engagementId", hasItem(id));
        as(t.client).queryParam("due", true).when().get("/v1/reviews").then().statusCode(403);

        as(t.coach)
                .body(Map.of(
                        "kind",
                        "periodic",
                        "heldOn",
                        LocalDate.now(ZoneOffset.UTC).toString(),
                        "whatChanged",
                        "More sleep"))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(201);
        as(t.coach)
                .queryParam("due", true)
                .when()
                .get("/v1/reviews")
                .then()
                .body("items.engagementId", not(hasItem(id)));
        as(t.coach).when().get("/v1/reviews").then().statusCode(400);
    }

    @Test
    void theEndReviewClosesTheEngagementWithTheGoalsTheClientJudgedMet() {
        String id = activeEngagement();
        String met = as(t.client)
                .body(Map.of(
                        "title",
                        "Sleep before midnight",
                        "horizon",
                        "proximal",
                        "orientation",
                        "performance",
                        "direction",
                        "approach",
                        "selfConcordant",
                        true))
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.client)
                .body(Map.of(
                        "title",
                        "Run a half marathon",
                        "horizon",
                        "distal",
                        "orientation",
                        "performance",
                        "direction",
                        "approach",
                        "selfConcordant",
                        false))
                .when()
                .post("/v1/engagements/" + id + "/goals")
                .then()
                .statusCode(201);
        as(t.coach)
                .body(Map.of(
                        "kind", "end", "goalsMet", List.of(UUID.randomUUID().toString())))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(422);
        // A goal met twice would count twice in the outcome published at the close.
        as(t.coach)
                .body(Map.of("kind", "end", "goalsMet", List.of(met, met)))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("goalsMet"));
        as(t.client).when().get("/v1/engagements/" + id).then().body("status", is("active"));
        // A new version proposed before the close, still pending at it.
        propose(id, "Clarity, longer", 6);
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/2/acceptance")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of(
                        "kind",
                        "end",
                        "whatChanged",
                        "Calmer evenings",
                        "goalsMet",
                        List.of(met),
                        "followUpOffered",
                        true,
                        "boosterSessionsOffered",
                        2))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(201);
        as(t.client).when().get("/v1/engagements/" + id).then().body("status", is("closed"));
        // ...does not come into force after it.
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/2/acceptance")
                .then()
                .statusCode(409);
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/contracts/2")
                .then()
                .statusCode(200)
                .body("parties.find { it.role == 'client' }.acceptedAt", nullValue());
        // A version that does not exist and one that does read alike to whom may not see it.
        as(t.user("sponsor"))
                .when()
                .get("/v1/engagements/" + id + "/contracts/2")
                .then()
                .statusCode(404)
                .body("detail", is("Contract version 2 was not found."));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/goals")
                .then()
                .body("items.find { it.id == '" + met + "' }.status", is("met"));
        as(t.coach)
                .body(Map.of("kind", "periodic"))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(409);
        as(t.client)
                .body(Map.of("kind", "end"))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(403);

        var closed = TopicProbe.read(
                "session.events",
                r -> id.equals(r.key())
                        && "org.praxis.session.engagement.closed.v1".equals(TopicProbe.header(r, "ce_type")),
                f -> !f.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, closed.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.session.engagement.closed.v1", closed.get(0).value()));
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from review where what_changed like '%Calmer%'"));
    }

    @Test
    void theReviewDateFollowsActivationHeldReviewsAndTheIntervalInForce() {
        String id = activeEngagement();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(today.plusWeeks(4), reviewDueOn(id), "four weeks from activation");
        // A review not held yet is not recorded: dated ahead, it would put the next due date off at will.
        as(t.coach)
                .body(Map.of("kind", "periodic", "heldOn", today.plusDays(2).toString()))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("heldOn"));
        assertEquals(today.plusWeeks(4), reviewDueOn(id), "unchanged by the refused review");
        as(t.coach)
                .body(Map.of("kind", "periodic", "heldOn", today.minusDays(3).toString()))
                .when()
                .post("/v1/engagements/" + id + "/reviews")
                .then()
                .statusCode(201);
        assertEquals(today.minusDays(3).plusWeeks(4), reviewDueOn(id), "four weeks from the review held");
        // A new version every required party accepted brings its own interval, counted from the last review.
        as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Clarity",
                        "reviewEveryWeeks",
                        2,
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
                .post("/v1/engagements/" + id + "/contracts/2/acceptance")
                .then()
                .statusCode(200);
        assertEquals(today.minusDays(3).plusWeeks(4), reviewDueOn(id), "not in force until everyone accepted");
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/2/acceptance")
                .then()
                .statusCode(200);
        assertEquals(today.minusDays(3).plusWeeks(2), reviewDueOn(id));
    }

    private static LocalDate reviewDueOn(String engagement) {
        try (var c = EmbeddedPostgres.shared().connect();
                var s = c.prepareStatement("select review_due_on from engagement where id = ?::uuid")) {
            s.setString(1, engagement);
            try (var rows = s.executeQuery()) {
                rows.next();
                return rows.getObject(1, LocalDate.class);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDueListRunsTheSameFewStatementsWhateverTheNumberOfEngagements() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(activeEngagement());
        }
        EmbeddedPostgres.shared()
                .execute("update engagement set review_due_on = current_date - 1 where tenant_id = '" + t.id + "'");
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            List<String> due = as(t.coach)
                    .queryParam("due", true)
                    .queryParam("limit", 100)
                    .when()
                    .get("/v1/reviews")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items.engagementId");
            long statements = statistics.getPrepareStatementCount();
            assertEquals(java.util.Set.copyOf(ids), java.util.Set.copyOf(due));
            // Whom the caller supervises, and the page: a query per engagement would be 30 or more.
            assertTrue(statements <= 3, statements + " statements for " + due.size() + " due reviews");
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}
