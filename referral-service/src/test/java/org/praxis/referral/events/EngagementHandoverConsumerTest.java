package org.praxis.referral.events;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 22: referral-service keeps each engagement's practitioner from session's events; a handover moves it,
 * so the old coach can no longer name the engagement in a referral and the new coach can. Once, however
 * often it arrives.
 */
@QuarkusTest
class EngagementHandoverConsumerTest {
    private static final String STATUS = "org.praxis.session.engagement.status-changed.v1";
    private static final String HANDED_OVER = "org.praxis.session.engagement.handed-over.v1";
    private static final String COACH_ASSIGNED = "org.praxis.intake.intake.coach-assigned.v1";

    private final ReferralTenant t = new ReferralTenant();

    private Map<String, String> headers(String id, String type) {
        return headers(id, type, t.id);
    }

    private static Map<String, String> headers(String id, String type, String tenant) {
        return Map.of(
                "ce_id",
                id,
                "ce_type",
                type,
                "ce_source",
                "/session-service",
                "ce_tenant",
                tenant,
                "ce_time",
                Instant.now().toString());
    }

    private Map<String, Object> referral(String service, String client, String engagement) {
        return new HashMap<>(Map.of(
                "clientSubject",
                client,
                "reasonCode",
                "depression",
                "urgency",
                "soon",
                "disclose",
                List.of("identity"),
                "serviceId",
                service,
                "engagementId",
                engagement));
    }

    private static long naming(String engagement, String practitioner) {
        return EmbeddedPostgres.shared()
                .count(
                        "select count(*) from known_engagement where engagement_id = ?::uuid and practitioner_id = ?",
                        engagement,
                        practitioner);
    }

    /** Session's status event makes the engagement known with {@code coach}; then the coach's referral from it. */
    private String referralFromKnownEngagement(String service, String engagement, String client, String coach) {
        ObjectNode status = (ObjectNode) EventContracts.goldenExampleJson(STATUS);
        status.put("engagementId", engagement)
                .put("clientSubject", client)
                .put("practitionerId", coach)
                .put("previousStatus", "draft")
                .put("status", "active");
        TopicProbe.send(
                "session.events",
                engagement,
                status.toString(),
                headers(UUID.randomUUID().toString(), STATUS));
        awaitNaming(engagement, coach);
        // Awaiting the client's consent.
        return as(t.person(coach, "coach"))
                .body(referral(service, client, engagement))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void awaitNaming(String engagement, String practitioner) {
        EmbeddedPostgres.shared()
                .awaitCount(
                        1,
                        "select count(*) from known_engagement where engagement_id = ?::uuid and practitioner_id = ?",
                        engagement,
                        practitioner);
    }

    /** Waits until {@code coach} reads the referral: an event moved it to them. */
    private void awaitReads(String coach, String referral) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(t.person(coach, "coach"))
                                .when()
                                .get("/v1/referrals/" + referral)
                                .then()
                                .extract()
                                .statusCode()
                        == 200);
    }

    /** The referral moved to {@code to}, once: they read it as its practitioner, {@code other} reads nothing. */
    private void movedOnce(String referral, String to, String other) {
        movedOnce(referral, to, other, "hand-over");
    }

    private void movedOnce(String referral, String to, String other, String step) {
        as(t.person(to, "coach"))
                .when()
                .get("/v1/referrals/" + referral)
                .then()
                .statusCode(200)
                .body("practitionerId", is(to));
        as(t.person(other, "coach"))
                .when()
                .get("/v1/referrals/" + referral)
                .then()
                .statusCode(404);
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from referral_step where referral_id = ?::uuid and action = ?",
                                referral,
                                step),
                "moved once, however often the event arrived");
    }

    @Test
    void aHandoverMovesTheEngagementToTheNewCoachOnce() {
        String service = t.therapyService();
        String from = "coach-" + UUID.randomUUID();
        String to = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String engagement = UUID.randomUUID().toString();
        String followed = referralFromKnownEngagement(service, engagement, client, from);

        ObjectNode handedOver = handover(engagement, client, from, to);
        String eventId = UUID.randomUUID().toString();
        TopicProbe.send("session.events", engagement, handedOver.toString(), headers(eventId, HANDED_OVER));
        TopicProbe.send("session.events", engagement, handedOver.toString(), headers(eventId, HANDED_OVER));
        awaitNaming(engagement, to);
        assertEquals(0, naming(engagement, from));
        assertEquals(
                1, EmbeddedPostgres.shared().count("select count(*) from inbox_event where event_id = ?", eventId));

        // The referral follows the engagement: the new coach reads it, with the move in its history; the old one no
        // more.
        movedOnce(followed, to, from);
        as(t.person(to, "coach"))
                .when()
                .get("/v1/referrals/" + followed + "/history")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("hand-over"));

        as(t.person(from, "coach"))
                .body(referral(service, client, engagement))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("engagementId"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as(t.person(to, "coach"))
                                .body(referral(service, client, engagement))
                                .when()
                                .post("/v1/referrals")
                                .then()
                                .extract()
                                .statusCode()
                        == 201);
    }

    @Test
    void aRiskDraftFromTheEngagementsIntakeFollowsTheHandoverToo() {
        String from = "coach-" + UUID.randomUUID();
        String to = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String engagement = UUID.randomUUID().toString();
        String intake = UUID.randomUUID().toString();
        String draft = riskDraft(intake, client, from);

        ObjectNode handedOver = handover(engagement, client, from, to).put("sourceIntakeId", intake);
        TopicProbe.send(
                "session.events",
                engagement,
                handedOver.toString(),
                headers(UUID.randomUUID().toString(), HANDED_OVER));
        // The client's urgent draft is the new coach's to follow; the coach who left reads it no more.
        awaitReads(to, draft);
        movedOnce(draft, to, from);
    }

    /**
     * Kafka orders no two topics: the handover (session.events) read first, the flag intake-service raised before
     * it followed the handover (naming the old coach) after it. The intake following the handover moves that draft.
     */
    @Test
    void aRiskDraftNamingTheCoachWhoHandedOverFollowsTheIntakeWhenItFollowsTheHandover() {
        String from = "coach-" + UUID.randomUUID();
        String to = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String engagement = UUID.randomUUID().toString();
        String intake = UUID.randomUUID().toString();
        String handedOver = UUID.randomUUID().toString();
        TopicProbe.send(
                "session.events",
                engagement,
                handover(engagement, client, from, to)
                        .put("sourceIntakeId", intake)
                        .toString(),
                headers(handedOver, HANDED_OVER));
        EmbeddedPostgres.shared().awaitCount(1, "select count(*) from inbox_event where event_id = ?", handedOver);
        String draft = riskDraft(intake, client, from);
        String followed = UUID.randomUUID().toString();
        ObjectNode following = coachAssigned(intake, client, from, to).put("reason", "follow-handover");
        TopicProbe.send("intake.events", intake, following.toString(), intakeHeaders(followed, COACH_ASSIGNED, t.id));
        TopicProbe.send("intake.events", intake, following.toString(), intakeHeaders(followed, COACH_ASSIGNED, t.id));
        awaitReads(to, draft);
        movedOnce(draft, to, from, "coach-change");
    }

    /** intake-service's risk-flag.raised about the intake's client, with {@code coach} as its coach (or none): the urgent draft's id. */
    private String riskDraft(String intake, String client, String coach) {
        String type = "org.praxis.intake.risk-flag.raised.v1";
        ObjectNode flag = (ObjectNode) EventContracts.goldenExampleJson(type);
        flag.put("riskFlagId", UUID.randomUUID().toString())
                .put("intakeId", intake)
                .put("clientSubject", client)
                .put("assignedCoach", coach);
        assertEquals(List.of(), EventContracts.violations(type, flag.toString()));
        TopicProbe.send(
                "intake.events",
                intake,
                flag.toString(),
                intakeHeaders(UUID.randomUUID().toString(), type, t.id));
        EmbeddedPostgres.shared()
                .awaitCount(
                        1, "select count(*) from referral where tenant_id = ? and intake_id = ?::uuid", t.id, intake);
        String draft = as(t.supervisor)
                .queryParam("origin", "risk-flag")
                .queryParam("limit", 100)
                .when()
                .get("/v1/referrals")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.intakeId == '" + intake + "' }.id");
        return draft;
    }

    @Test
    void aRiskDraftFollowsTheIntakesNewCoachOnce() {
        String from = "coach-" + UUID.randomUUID();
        String to = "coach-" + UUID.randomUUID();
        String intruder = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String intake = UUID.randomUUID().toString();
        String draft = riskDraft(intake, client, from);

        // Another tenant's event about the same intake id first, then this tenant's, twice with one id.
        TopicProbe.send(
                "intake.events",
                intake,
                coachAssigned(intake, client, from, intruder).toString(),
                intakeHeaders(UUID.randomUUID().toString(), COACH_ASSIGNED, TestTenant.another().id));
        String eventId = UUID.randomUUID().toString();
        ObjectNode assigned = coachAssigned(intake, client, from, to);
        TopicProbe.send("intake.events", intake, assigned.toString(), intakeHeaders(eventId, COACH_ASSIGNED, t.id));
        TopicProbe.send("intake.events", intake, assigned.toString(), intakeHeaders(eventId, COACH_ASSIGNED, t.id));
        awaitReads(to, draft);
        movedOnce(draft, to, from, "coach-change");
        movedOnce(draft, to, intruder, "coach-change");
    }

    @Test
    void aRiskDraftNobodyFollowedGoesToTheCoachWhoClaimsTheIntake() {
        String coach = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String intake = UUID.randomUUID().toString();
        String draft = riskDraft(intake, client, null);
        ObjectNode claimed = coachAssigned(intake, client, null, coach).put("reason", "claim");
        assertEquals(List.of(), EventContracts.violations(COACH_ASSIGNED, claimed.toString()));
        TopicProbe.send(
                "intake.events",
                intake,
                claimed.toString(),
                intakeHeaders(UUID.randomUUID().toString(), COACH_ASSIGNED, t.id));
        awaitReads(coach, draft);
    }

    /** Its coach erased, intake-service leaves the intake coachless; the draft naming the pseudonym follows the next. */
    @Test
    void aRiskDraftOfAnErasedCoachGoesToTheCoachTheIntakeIsGivenNext() {
        String erased = org.praxis.platform.privacy.Pseudonyms.of(t.id, "coach-" + UUID.randomUUID());
        String coach = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String intake = UUID.randomUUID().toString();
        String draft = riskDraft(intake, client, erased);
        TopicProbe.send(
                "intake.events",
                intake,
                coachAssigned(intake, client, null, coach).toString(),
                intakeHeaders(UUID.randomUUID().toString(), COACH_ASSIGNED, t.id));
        awaitReads(coach, draft);
        assertEquals(0, referralNaming(draft, erased));
    }

    private static long referralNaming(String referral, String practitioner) {
        return EmbeddedPostgres.shared()
                .count(
                        "select count(*) from referral where id = ?::uuid and practitioner_id = ?",
                        referral,
                        practitioner);
    }

    /**
     * A manual referral's intake id is what its coach typed: it may be another client's intake, so it never moves
     * by it. An older assignment read after a newer one moves nothing.
     */
    @Test
    void onlyTheIntakesOwnDraftsFollowItsNewestCoach() {
        String a = "coach-" + UUID.randomUUID();
        String b = "coach-" + UUID.randomUUID();
        String c = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String intake = UUID.randomUUID().toString();
        String draft = riskDraft(intake, client, a);
        String manual = UUID.randomUUID().toString();
        EmbeddedPostgres.shared()
                .execute("insert into referral select (jsonb_populate_record(null::referral, to_jsonb(x)"
                        + " || jsonb_build_object('id', '" + manual + "', 'origin', 'manual', 'origin_ref', null))).*"
                        + " from referral x where x.id = '" + draft + "'");

        // B to C first (nothing names B), then the older A to B: superseded, so nothing goes to B.
        String newer = UUID.randomUUID().toString();
        TopicProbe.send(
                "intake.events",
                intake,
                coachAssigned(intake, client, b, c).toString(),
                withSequence(intakeHeaders(newer, COACH_ASSIGNED, t.id), 21));
        String older = UUID.randomUUID().toString();
        TopicProbe.send(
                "intake.events",
                intake,
                coachAssigned(intake, client, a, b).toString(),
                withSequence(intakeHeaders(older, COACH_ASSIGNED, t.id), 20));
        EmbeddedPostgres.shared()
                .awaitCount(1, "select count(*) from inbox_event where event_id = ? and outcome = 'superseded'", older);
        assertEquals(1, referralNaming(draft, a));

        // The intake's newest coach: the risk draft follows, the manual referral naming the intake stays.
        TopicProbe.send(
                "intake.events",
                intake,
                coachAssigned(intake, client, a, c).toString(),
                withSequence(intakeHeaders(UUID.randomUUID().toString(), COACH_ASSIGNED, t.id), 22));
        EmbeddedPostgres.shared()
                .awaitCount(1, "select count(*) from referral where id = ?::uuid and practitioner_id = ?", draft, c);
        assertEquals(1, referralNaming(manual, a));
    }

    private static Map<String, String> withSequence(Map<String, String> headers, long sequence) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("ce_sequence", Long.toString(sequence));
        return h;
    }

    private static ObjectNode coachAssigned(String intake, String client, String from, String to) {
        ObjectNode e = (ObjectNode) EventContracts.goldenExampleJson(COACH_ASSIGNED);
        e.put("intakeId", intake)
                .put("clientSubject", client)
                .put("fromPractitionerId", from)
                .put("toPractitionerId", to);
        return e;
    }

    private static Map<String, String> intakeHeaders(String id, String type, String tenant) {
        return Map.of(
                "ce_id",
                id,
                "ce_type",
                type,
                "ce_source",
                "/intake-service",
                "ce_tenant",
                tenant,
                "ce_time",
                Instant.now().toString());
    }

    private ObjectNode handover(String engagement, String client, String from, String to) {
        ObjectNode e = (ObjectNode) EventContracts.goldenExampleJson(HANDED_OVER);
        e.put("engagementId", engagement)
                .put("clientSubject", client)
                .put("fromPractitionerId", from)
                .put("toPractitionerId", to);
        assertEquals(List.of(), EventContracts.violations(HANDED_OVER, e.toString()));
        return e;
    }

    @Test
    void anotherTenantsHandoverOfTheSameEngagementMovesNothing() {
        String service = t.therapyService();
        String from = "coach-" + UUID.randomUUID();
        String to = "coach-" + UUID.randomUUID();
        String intruder = "coach-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        String engagement = UUID.randomUUID().toString();
        String followed = referralFromKnownEngagement(service, engagement, client, from);

        TopicProbe.send(
                "session.events",
                engagement,
                handover(engagement, client, from, intruder).toString(),
                headers(UUID.randomUUID().toString(), HANDED_OVER, TestTenant.another().id));
        // This tenant's own handover, on the same key after it, shows the other tenant's was read first.
        TopicProbe.send(
                "session.events",
                engagement,
                handover(engagement, client, from, to).toString(),
                headers(UUID.randomUUID().toString(), HANDED_OVER));
        awaitNaming(engagement, to);
        assertEquals(0, naming(engagement, intruder));
        movedOnce(followed, to, intruder);
    }
}
