package org.praxis.session;

import static org.praxis.testsupport.TestTenant.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** Engagements on a monitoring pathway, drafted as intake-service's decision drafts them, and their sessions. */
public final class MonitoredEngagements {
    private MonitoredEngagements() {}

    /** Puts intake.decided for the tenant's client and coach on the topic and waits for the draft; its id. */
    public static String decided(TestTenant t, String intake, String pathway) {
        return decided(t, intake, pathway, t.client);
    }

    /** The same for {@code client} (another of the coach's clients). */
    public static String decided(TestTenant t, String intake, String pathway, Tokens client) {
        String payload = "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + client.subject()
                + "\",\"pathway\":\"" + pathway + "\",\"recommendedPathway\":\"" + pathway
                + "\",\"practitionerId\":\"" + t.coach.subject() + "\",\"sponsorOrganisation\":null}";
        TopicProbe.sendEvent(
                "intake.events", "org.praxis.intake.intake.decided.v1", "/intake-service", t.id, intake, payload);
        EmbeddedPostgres.shared()
                .awaitCount(1, "select count(*) from engagement where source_intake_id = ?::uuid", intake);
        return as(t.coach)
                .when()
                .get("/v1/engagements")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.sourceIntakeId == '" + intake + "' }.id");
    }

    /** Client and coach accept a first contract: the engagement is active. */
    public static void activate(TestTenant t, String id) {
        activate(t, t.client, id);
    }

    /** A contract's terms: {@code purpose}, with {@code client} and the tenant's coach as its required parties. */
    public static Map<String, Object> terms(TestTenant t, Tokens client, String purpose) {
        return new java.util.HashMap<>(Map.of(
                "purpose",
                purpose,
                "parties",
                List.of(
                        Map.of("role", "client", "subject", client.subject(), "required", true),
                        Map.of("role", "coach", "subject", t.coach.subject(), "required", true))));
    }

    /** {@code client} and the tenant's coach accept a first contract: the engagement is active. */
    public static void activate(TestTenant t, Tokens client, String id) {
        as(t.coach)
                .body(terms(t, client, "Steadier weeks"))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        for (var who : List.of(client, t.coach)) {
            as(who).when()
                    .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
    }

    /** Schedules a session and records it held; its id. */
    public static String held(TestTenant t, String id) {
        String session = scheduled(t, id);
        recordHeld(t, id, session);
        return session;
    }

    /** A session that started an hour ago, its outcome still to record; its id. */
    public static String scheduled(TestTenant t, String id) {
        return as(t.coach)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video"))
                .when()
                .post("/v1/engagements/" + id + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The coach records the session as held. */
    public static void recordHeld(TestTenant t, String id, String session) {
        as(t.coach)
                .body(Map.of("status", "held", "scaling", 6))
                .when()
                .post("/v1/engagements/" + id + "/sessions/" + session + "/outcome")
                .then()
                .statusCode(200);
    }

    public static String newIntake() {
        return UUID.randomUUID().toString();
    }
}
