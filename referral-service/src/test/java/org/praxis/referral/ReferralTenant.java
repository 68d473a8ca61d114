package org.praxis.referral.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/** A fresh tenant with its people and a small directory, for the referral tests. */
final class ReferralTenant {
    final String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final Tokens admin = Tokens.anyone().tenant(id).roles("admin");
    final Tokens coach = Tokens.anyone().tenant(id).roles("coach");
    final Tokens otherCoach = Tokens.anyone().tenant(id).roles("coach");
    final Tokens supervisor = Tokens.anyone().tenant(id).roles("supervisor");
    final Tokens secondSupervisor = Tokens.anyone().tenant(id).roles("supervisor");
    final Tokens client = Tokens.anyone().tenant(id).roles("client");
    final Tokens otherClient = Tokens.anyone().tenant(id).roles("client");
    final Tokens sponsor = Tokens.anyone().tenant(id).roles("sponsor");

    private boolean caseloadsKnown;

    /**
     * What session-service and assessment-service would have told referral-service by their events:
     * the coach and the other coach each have an engagement with the client; the supervisor
     * supervises both coaches; the second supervisor nobody.
     */
    ReferralTenant knownCaseloads() {
        if (!caseloadsKnown) {
            engagement(UUID.randomUUID(), client.subject(), coach.subject());
            engagement(UUID.randomUUID(), client.subject(), otherCoach.subject());
            supervises(supervisor.subject(), coach.subject());
            supervises(supervisor.subject(), otherCoach.subject());
            caseloadsKnown = true;
        }
        return this;
    }

    UUID engagement(UUID id, String clientSubject, String practitioner) {
        EmbeddedPostgres.shared()
                .execute("insert into known_engagement (tenant_id, engagement_id, client_subject, practitioner_id,"
                        + " status, accepted, updated_at) values ('" + this.id + "', '" + id + "', '" + clientSubject
                        + "', '" + practitioner
                        + "', 'active', true, now()) on conflict do nothing");
        return id;
    }

    void supervises(String supervisorSubject, String practitioner) {
        EmbeddedPostgres.shared()
                .execute("insert into practitioner_supervisor (tenant_id, practitioner_id, supervisor_id, updated_at)"
                        + " values ('" + id + "', '" + practitioner + "', '" + supervisorSubject
                        + "', now()) on conflict do nothing");
    }

    static RequestSpecification as(Tokens who) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    }

    String organisation(String name) {
        return as(admin)
                .body(Map.of("name", name, "website", "https://example.org"))
                .when()
                .post("/v1/directory/organisations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    String service(String organisation, String name, String kind, boolean accepting) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "organisationId",
                organisation,
                "name",
                name,
                "kind",
                kind,
                "acceptingReferrals",
                accepting,
                "areasServed",
                List.of("Cardiff", "Newport"),
                "languages",
                List.of("en", "CY"),
                "phone",
                "+44 29 0000 0000",
                "howToRefer",
                "Send the referral; they call the person within a week"));
        return as(admin)
                .body(body)
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A therapy service that accepts referrals. */
    String therapyService() {
        return service(organisation("Valley Talking Therapies"), "Adult talking therapy", "therapy", true);
    }

    Map<String, Object> referralBody(String service, String urgency, List<String> disclose) {
        knownCaseloads();
        Map<String, Object> body = new HashMap<>(Map.of(
                "clientSubject",
                client.subject(),
                "reasonCode",
                "depression",
                "reasonText",
                "Low mood for months, beyond coaching",
                "urgency",
                urgency,
                "disclose",
                disclose,
                "clientName",
                "Alex Example",
                "clientContact",
                "alex@example.org"));
        if (service != null) {
            body.put("serviceId", service);
        }
        return body;
    }

    String draft(String service, String urgency, List<String> disclose) {
        return as(coach)
                .body(referralBody(service, urgency, disclose))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A draft the client has been asked about and agreed to, sharing {@code shares}. */
    String consented(String service, List<String> disclose, List<String> shares) {
        String id = draft(service, "soon", disclose);
        as(coach).when().post("/v1/referrals/" + id + "/consent-request").then().statusCode(200);
        as(client)
                .body(Map.of("agree", true, "shares", shares, "words", "Yes, I'd like that"))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(200);
        return id;
    }

    /** An export request for {@code subject} recorded by this tenant's admin; ready at once (the tenant needs no second admin). */
    String exportRequest(String subject) {
        return as(admin)
                .body(Map.of(
                        "subject",
                        subject,
                        "reason",
                        "The client asked for a copy of their records",
                        "reference",
                        "DSAR-" + id))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** {@code GET /v1/subjects/{subject}/export} as {@code who} on the export request {@code request}. */
    static io.restassured.response.ValidatableResponse export(Tokens who, String subject, String request) {
        RequestSpecification spec = as(who);
        if (request != null) {
            spec = spec.queryParam("request", request);
        }
        return spec.when().get("/v1/subjects/" + subject + "/export").then();
    }

    String sent(String service) {
        String id = consented(service, List.of("identity"), List.of("identity"));
        as(coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(200);
        return id;
    }
}
