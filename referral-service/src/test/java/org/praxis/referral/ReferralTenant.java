package org.praxis.referral;

import static org.praxis.testsupport.TestTenant.as;

import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** A fresh tenant ({@link TestTenant}) with what referral-service knows of its caseloads and a small directory. */
public class ReferralTenant extends TestTenant {
    private boolean caseloadsKnown;

    /**
     * What session-service and assessment-service would have told referral-service by their events:
     * the coach and the other coach each have an engagement with the client; the supervisor
     * supervises both coaches; the second supervisor nobody.
     */
    public ReferralTenant knownCaseloads() {
        if (!caseloadsKnown) {
            engagement(UUID.randomUUID(), client.subject(), coach.subject());
            engagement(UUID.randomUUID(), client.subject(), otherCoach.subject());
            supervises(supervisor.subject(), coach.subject());
            supervises(supervisor.subject(), otherCoach.subject());
            caseloadsKnown = true;
        }
        return this;
    }

    public UUID engagement(UUID id, String clientSubject, String practitioner) {
        EmbeddedPostgres.shared()
                .execute("insert into known_engagement (tenant_id, engagement_id, client_subject, practitioner_id,"
                        + " status, accepted, updated_at) values ('" + this.id + "', '" + id + "', '" + clientSubject
                        + "', '" + practitioner
                        + "', 'active', true, now()) on conflict do nothing");
        return id;
    }

    public void supervises(String supervisorSubject, String practitioner) {
        EmbeddedPostgres.shared()
                .execute("insert into practitioner_supervisor (tenant_id, practitioner_id, supervisor_id, updated_at)"
                        + " values ('" + id + "', '" + practitioner + "', '" + supervisorSubject
                        + "', now()) on conflict do nothing");
    }

    public String organisation(String name) {
        return as(admin)
                .body(Map.of("name", name, "website", "https://example.org"))
                .when()
                .post("/v1/directory/organisations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public String service(String organisation, String name, String kind, boolean accepting) {
        return as(admin)
                .body(serviceBody(organisation, name, kind, accepting))
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The entry {@link #service} makes, to change and send whole. */
    public Map<String, Object> serviceBody(String organisation, String name, String kind, boolean accepting) {
        return new HashMap<>(Map.of(
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
    }

    /** A therapy service that accepts referrals. */
    public String therapyService() {
        return service(organisation("Valley Talking Therapies"), "Adult talking therapy", "therapy", true);
    }

    public Map<String, Object> referralBody(String service, String urgency, List<String> disclose) {
        knownCaseloads();
        Map<String, Object> body = new HashMap<>(Map.of(
                "clientSubject",
                client.subject(),
                "reasonCode",
                // An emergency here is a safety concern: only such a one may go without consent (the exception).
                "emergency".equals(urgency) ? "safety-concern" : "depression",
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

    public String draft(String service, String urgency, List<String> disclose) {
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
    public String consented(String service, List<String> disclose, List<String> shares) {
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

    /**
     * {@code who}'s request to approve the exception of {@code referral}, naming the version they read (If-Match)
     * when they may read it; without, as for a caller who may not.
     */
    public static RequestSpecification asApprover(Tokens who, String referral) {
        var read = as(who).when().get("/v1/referrals/" + referral).then().extract();
        return read.statusCode() == 200 ? as(who).header("If-Match", read.header("ETag")) : as(who);
    }

    /** The coach asks for the serious-risk exception with {@code justification} and a supervisor approves it. */
    public void exceptionApproved(String referral, String justification) {
        as(coach)
                .body(Map.of("justification", justification))
                .when()
                .post("/v1/referrals/" + referral + "/risk-exception")
                .then()
                .statusCode(200);
        asApprover(supervisor, referral)
                .when()
                .post("/v1/referrals/" + referral + "/risk-exception/approval")
                .then()
                .statusCode(200);
    }

    public String sent(String service) {
        String id = consented(service, List.of("identity"), List.of("identity"));
        as(coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(200);
        return id;
    }
}
