package org.praxis.referral.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureCast;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 24: after an erasure no column of referral-service's database names the person, whatever roles
 * they had (client, coach, supervisor, admin); rows kept name their pseudonym; another person's rows are
 * untouched.
 */
@QuarkusTest
class ErasureInEveryRoleTest {
    /** Every column the population below puts the person in. */
    private static final Set<String> ROLES = Set.of(
            "referral.client_subject",
            "referral.practitioner_id",
            "referral.exception_requested_by",
            "referral.exception_approved_by",
            "referral.created_by",
            "referral_step.actor",
            "referral_consent.asked_by",
            "self_help_offer.client_subject",
            "self_help_offer.offered_by",
            "known_engagement.client_subject",
            "known_engagement.practitioner_id",
            "practitioner_supervisor.practitioner_id",
            "practitioner_supervisor.supervisor_id",
            "directory_organisation.created_by",
            "directory_service.created_by",
            "referral_deadlines.updated_by",
            "audit_event.actor",
            "audit_event.resource_id",
            "export_request.subject",
            "export_request.requested_by",
            "export_request.approved_by",
            "export_setting.changed_by",
            "idempotency_record.scope");
    /** Rows deleted rather than kept: the person's own supervision, replay caches. */
    private static final Set<String> DELETED =
            Set.of("practitioner_supervisor.practitioner_id", "idempotency_record.scope");

    private final ErasureCast cast = new ErasureCast();

    private void event(String topic, String type, String source, String key, String payload) {
        TopicProbe.sendEvent(topic, type, source, cast.id, key, payload);
    }

    /** session-service says {@code practitioner} has an accepted engagement with {@code client}. */
    private void engagement(String client, String practitioner) {
        String id = UUID.randomUUID().toString();
        event(
                "session.events",
                "org.praxis.session.engagement.status-changed.v1",
                "/session-service",
                id,
                "{\"engagementId\":\"" + id + "\",\"clientSubject\":\"" + client + "\",\"practitionerId\":\""
                        + practitioner + "\",\"status\":\"active\"}");
        EmbeddedPostgres.shared()
                .awaitCount(
                        1,
                        "select count(*) from known_engagement where tenant_id = ? and engagement_id = ?::uuid",
                        cast.id,
                        id);
    }

    private String draft(String coach, String client, String service, String urgency) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "clientSubject",
                client,
                "reasonCode",
                "emergency".equals(urgency) ? "safety-concern" : "depression",
                "reasonText",
                "Low mood for months",
                "urgency",
                urgency,
                "disclose",
                List.of("identity"),
                "clientName",
                "Alex Example",
                "clientContact",
                "alex@example.org",
                "serviceId",
                service));
        return cast.as(coach, "coach")
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(body)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An emergency referral {@code coach} sends under the serious-risk exception {@code supervisor} approved. */
    private void sentUnderException(String coach, String supervisor, String client, String service) {
        String id = draft(coach, client, service, "emergency");
        cast.as(coach, "coach")
                .body(Map.of("justification", "Imminent danger"))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(200);
        String read = cast.as(supervisor, "supervisor")
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .extract()
                .header("ETag");
        cast.as(supervisor, "supervisor")
                .header("If-Match", read)
                .when()
                .post("/v1/referrals/" + id + "/risk-exception/approval")
                .then()
                .statusCode(200);
        cast.as(coach, "coach")
                .when()
                .post("/v1/referrals/" + id + "/sending")
                .then()
                .statusCode(200);
    }

    private String directoryService(String admin, String org, String kind) {
        return cast.as(admin, "admin")
                .body(Map.of(
                        "organisationId",
                        org,
                        "name",
                        "A " + kind + " service",
                        "kind",
                        kind,
                        "acceptingReferrals",
                        true,
                        "areasServed",
                        List.of("cardiff"),
                        "languages",
                        List.of("en")))
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** {@code who} as client, coach, supervisor, supervisee and admin. */
    private void population(String who) {
        // As an admin: the directory and the tenant's deadlines.
        String org = cast.as(who, "admin")
                .body(Map.of("name", "Valley Talking Therapies"))
                .when()
                .post("/v1/directory/organisations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String service = directoryService(who, org, "therapy");
        String selfHelp = directoryService(who, org, "self-help");
        String etag = cast.as(who, "admin")
                .when()
                .get("/v1/referral-deadlines")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        cast.as(who, "admin")
                .header("If-Match", etag)
                .body(Map.of("emergency", "PT4H", "urgent", "P1D", "soon", "P7D", "routine", "P21D"))
                .when()
                .put("/v1/referral-deadlines")
                .then()
                .statusCode(200);

        // As a client: referred with their consent, and offered self-help.
        engagement(who, cast.staff);
        String own = draft(cast.staff, who, service, "soon");
        cast.as(cast.staff, "coach")
                .when()
                .post("/v1/referrals/" + own + "/consent-request")
                .then()
                .statusCode(200);
        cast.as(who, "client")
                .body(Map.of("agree", true, "shares", List.of("identity"), "words", "Yes please"))
                .when()
                .post("/v1/me/referrals/" + own + "/consent")
                .then()
                .statusCode(200);
        cast.as(cast.staff, "coach")
                .when()
                .post("/v1/referrals/" + own + "/sending")
                .then()
                .statusCode(200);
        cast.as(cast.staff, "coach")
                .body(Map.of("clientSubject", who, "serviceId", selfHelp, "note", "For the evenings"))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(201);

        // As a coach, supervised by staff: a referral under the exception, one awaiting consent, a self-help offer.
        String client = "client-" + UUID.randomUUID();
        engagement(client, who);
        SupervisionEvents.assign(cast.id, who, cast.staff);
        sentUnderException(who, cast.staff, client, service);
        cast.as(who, "coach")
                .when()
                .post("/v1/referrals/" + draft(who, client, service, "soon") + "/consent-request")
                .then()
                .statusCode(200);
        cast.as(who, "coach")
                .body(Map.of("clientSubject", client, "serviceId", selfHelp))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(201);

        // As a supervisor: approving a supervisee's exception.
        String supervisee = "coach-" + UUID.randomUUID();
        String theirClient = "client-" + UUID.randomUUID();
        engagement(theirClient, supervisee);
        SupervisionEvents.assign(cast.id, supervisee, who);
        sentUnderException(supervisee, who, theirClient, service);

        cast.playPlatformRoles(who);
    }

    @Test
    void anErasedPersonIsNamedNowhereAndWhatIsKeptNamesTheirPseudonym() {
        population(cast.other);
        population(cast.person); // last, so the tenant's single-row settings name the person
        cast.assertErasedEverywhere(Pseudonyms.of(cast.id, cast.person), ROLES, DELETED, "referral.events");
        // Whom they supervised is still supervised, by the pseudonym.
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from practitioner_supervisor where tenant_id = ?"
                                        + " and supervisor_id = ?",
                                cast.id,
                                Pseudonyms.of(cast.id, cast.person)));
    }
}
