package org.praxis.session.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.testsupport.EligibilityEvents;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureCast;
import org.praxis.testsupport.SupervisionEvents;

/**
 * Issue 24: after an erasure no column of session-service's database names the person, whatever roles they
 * had (client, coach, supervisor, admin); rows kept name their pseudonym; another person's rows are untouched.
 */
@QuarkusTest
class ErasureInEveryRoleTest {
    /** Every column the population below puts the person in. */
    private static final Set<String> ROLES = Set.of(
            "engagement.client_subject",
            "engagement.practitioner_id",
            "engagement.created_by",
            "contract.created_by",
            "contract_party.subject",
            "session_note.author",
            "note_addendum.author",
            "risk_concern.raised_by",
            "goal_progress.rated_by",
            "review.created_by",
            "monitoring_plan.updated_by",
            "monitoring_policy.updated_by",
            "progress_summary.drafted_by",
            "progress_summary.decided_by",
            "client_judgement.judged_by",
            "practitioner_eligibility.practitioner_id",
            "practitioner_supervisor.practitioner_id",
            "practitioner_supervisor.supervisor_id",
            "audit_event.actor",
            "audit_event.resource_id",
            "export_request.subject",
            "export_request.requested_by",
            "export_request.approved_by",
            "export_setting.changed_by",
            "idempotency_record.scope",
            "outbox_event.payload");
    /** Rows deleted rather than kept: the person's eligibility and own supervision, replay caches. */
    private static final Set<String> DELETED = Set.of(
            "practitioner_eligibility.practitioner_id",
            "practitioner_supervisor.practitioner_id",
            "idempotency_record.scope");

    private final ErasureCast cast = new ErasureCast();

    /** An engagement of {@code coach} with {@code client}, its contract accepted by both. */
    private String activeEngagement(String coach, String client) {
        String id = cast.as(coach, "coach")
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(Map.of("clientSubject", client, "pathway", "coaching-with-monitoring"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(coach, "coach")
                .body(Map.of(
                        "purpose",
                        "Clarity",
                        "reviewEveryWeeks",
                        4,
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", client, "required", true),
                                Map.of("role", "coach", "subject", coach, "required", true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        cast.as(client, "client")
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        cast.as(coach, "coach")
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        return id;
    }

    /** {@code who} as client, coach, supervisor, supervisee, admin and practitioner with an eligibility. */
    private void population(String who) {
        // Their own engagement as a client, with a goal whose progress they rated.
        String own = activeEngagement(cast.staff, who);
        String goal = cast.as(who, "client")
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
                        true))
                .when()
                .post("/v1/engagements/" + own + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(who, "client")
                .body(Map.of(
                        "rating", 4, "ratedOn", LocalDate.now(ZoneOffset.UTC).toString()))
                .when()
                .post("/v1/engagements/" + own + "/goals/" + goal + "/progress")
                .then()
                .statusCode(201);

        // Monitored every session: one held session makes a measure of it due.
        cast.as(cast.staff, "coach")
                .header("If-Match", "\"0\"")
                .body(Map.of("instruments", List.of("WHO-5"), "everySessions", 1))
                .when()
                .put("/v1/engagements/" + own + "/monitoring-plan")
                .then()
                .statusCode(200);
        String ownSession = cast.as(cast.staff, "coach")
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video"))
                .when()
                .post("/v1/engagements/" + own + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(cast.staff, "coach")
                .body(Map.of("status", "held"))
                .when()
                .post("/v1/engagements/" + own + "/sessions/" + ownSession + "/outcome")
                .then()
                .statusCode(200);

        // As the client: they approve a progress summary, and judge their goal at the end review.
        String summary = cast.as(cast.staff, "coach")
                .body(Map.of("body", "Progress for the sponsor"))
                .when()
                .post("/v1/engagements/" + own + "/progress-summaries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(who, "client")
                .header("If-Match", "\"0\"")
                .body(Map.of("decision", "approved"))
                .when()
                .post("/v1/engagements/" + own + "/progress-summaries/" + summary + "/decision")
                .then()
                .statusCode(200);
        String end = cast.as(cast.staff, "coach")
                .body(Map.of("kind", "end", "goalsMet", List.of(goal)))
                .when()
                .post("/v1/engagements/" + own + "/reviews")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(who, "client")
                .body(Map.of("whatChanged", "A new role", "goals", List.of(Map.of("goalId", goal, "judgement", "met"))))
                .when()
                .post("/v1/engagements/" + own + "/reviews/" + end + "/client-judgement")
                .then()
                .statusCode(201);

        // A client's engagement as the coach: a held session, notes, an addendum, a concern and a review.
        String theirs = activeEngagement(who, "client-" + UUID.randomUUID());
        String session = cast.as(who, "coach")
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video"))
                .when()
                .post("/v1/engagements/" + theirs + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(who, "coach")
                .body(Map.of("status", "held"))
                .when()
                .post("/v1/engagements/" + theirs + "/sessions/" + session + "/outcome")
                .then()
                .statusCode(200);
        String note = cast.as(who, "coach")
                .body(Map.of("kind", "private", "body", "signed record"))
                .when()
                .post("/v1/engagements/" + theirs + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        cast.as(who, "coach")
                .header("If-Match", "\"0\"")
                .when()
                .post("/v1/engagements/" + theirs + "/notes/" + note + "/signature")
                .then()
                .statusCode(200);
        cast.as(who, "coach")
                .body(Map.of("body", "later thought"))
                .when()
                .post("/v1/engagements/" + theirs + "/notes/" + note + "/addenda")
                .then()
                .statusCode(201);
        cast.as(who, "coach")
                .body(Map.of("kind", "private", "body", "draft"))
                .when()
                .post("/v1/engagements/" + theirs + "/notes")
                .then()
                .statusCode(201);
        cast.as(who, "coach")
                .body(Map.of("body", "Drafted for the sponsor"))
                .when()
                .post("/v1/engagements/" + theirs + "/progress-summaries")
                .then()
                .statusCode(201);
        cast.as(who, "coach")
                .body(Map.of("level", "serious"))
                .when()
                .post("/v1/engagements/" + theirs + "/risk-concerns")
                .then()
                .statusCode(201);
        cast.as(who, "coach")
                .body(Map.of(
                        "kind",
                        "periodic",
                        "heldOn",
                        LocalDate.now(ZoneOffset.UTC).toString()))
                .when()
                .post("/v1/engagements/" + theirs + "/reviews")
                .then()
                .statusCode(201);

        // The monitoring plan they edited as the coach, and (as admin) the tenant's monitoring policy.
        cast.as(who, "coach")
                .header("If-Match", "\"0\"")
                .body(Map.of("instruments", List.of("PHQ-9"), "everySessions", 1))
                .when()
                .put("/v1/engagements/" + theirs + "/monitoring-plan")
                .then()
                .statusCode(200);
        String revision = cast.as(who, "admin")
                .when()
                .get("/v1/admin/monitoring-policy")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        cast.as(who, "admin")
                .header("If-Match", revision)
                .body(Map.of("instruments", List.of("GAD-7"), "everySessions", 3))
                .when()
                .put("/v1/admin/monitoring-policy")
                .then()
                .statusCode(200);

        // In the registers fed by assessment-service: supervised, supervising, eligible.
        SupervisionEvents.assign(cast.id, who, cast.staff);
        SupervisionEvents.assign(cast.id, "coach-" + UUID.randomUUID(), who);
        EligibilityEvents.announce(cast.id, who, "integrated-practice");

        cast.playPlatformRoles(who);
    }

    @Test
    void anErasedPersonIsNamedNowhereAndWhatIsKeptNamesTheirPseudonym() {
        population(cast.other);
        population(cast.person); // last, so the tenant's single-row settings name the person
        List<String> ownEngagements = engagementsOf(cast.person);
        assertEquals(2, monitoringRows(ownEngagements), "a plan and a measure of the client's own engagement");
        cast.assertErasedEverywhere(Pseudonyms.of(cast.id, cast.person), ROLES, DELETED, "session.events");
        // The client's own monitoring (which instruments, when) is gone; the other person's stays.
        assertEquals(0, monitoringRows(ownEngagements));
        assertEquals(2, monitoringRows(engagementsOf(cast.other)));
        // Whom they supervised is still supervised, by the pseudonym; the other person's registers stay.
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from practitioner_supervisor where tenant_id = ?"
                                        + " and supervisor_id = ?",
                                cast.id,
                                Pseudonyms.of(cast.id, cast.person)));
        assertEquals(
                2,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from practitioner_supervisor where tenant_id = ?"
                                        + " and ? in (practitioner_id, supervisor_id)",
                                cast.id,
                                cast.other));
    }

    private static List<String> engagementsOf(String client) {
        List<String> ids = new java.util.ArrayList<>();
        try (var c = EmbeddedPostgres.shared().connect();
                var q = c.prepareStatement("select id::text from engagement where client_subject = ?")) {
            q.setString(1, client);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Monitoring plans and measures of these engagements. */
    private static long monitoringRows(List<String> engagements) {
        long n = 0;
        for (String id : engagements) {
            n += EmbeddedPostgres.shared()
                    .count(
                            "select (select count(*) from monitoring_plan where engagement_id = ?::uuid)"
                                    + " + (select count(*) from monitoring_measure where engagement_id = ?::uuid)",
                            id,
                            id);
        }
        return n;
    }
}
