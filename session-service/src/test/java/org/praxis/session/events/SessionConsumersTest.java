package org.praxis.session.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** referral.status-changed and eligibility.changed as session-service applies them. */
@QuarkusTest
class SessionConsumersTest {
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final Tokens coach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens client = Tokens.anyone().tenant(tenant).roles("client");

    private static RequestSpecification as(Tokens who) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    }

    private String active(String pathway) {
        String id = as(coach)
                .body(Map.of("clientSubject", client.subject(), "pathway", pathway))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(coach)
                .body(Map.of(
                        "purpose",
                        "Work",
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", client.subject(), "required", true),
                                Map.of("role", "coach", "subject", coach.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        return id;
    }

    private void referral(String engagement, String referral, String status) {
        String payload =
                "{\"referralId\":\"" + referral + "\",\"engagementId\":\"" + engagement + "\",\"status\":\"" + status
                        + "\",\"urgency\":\"soon\",\"serviceKind\":\"therapy\",\"clientSubject\":\"" + client.subject()
                        + "\",\"practitionerId\":\"" + coach.subject() + "\",\"createdBy\":\"" + coach.subject()
                        + "\",\"origin\":\"manual\"}";
        assertEquals(List.of(), EventContracts.violations("org.praxis.referral.referral.status-changed.v1", payload));
        TopicProbe.send(
                "referral.events",
                referral,
                payload,
                Map.of(
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        "org.praxis.referral.referral.status-changed.v1",
                        "ce_source",
                        "/referral-service",
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString()));
    }

    private void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status.equals(as(coach)
                        .when()
                        .get("/v1/engagements/" + id)
                        .then()
                        .extract()
                        .path("status")));
    }

    @Test
    void anAcceptedTherapyReferralPausesCoachingUntilItEnds() {
        String id = active("coaching");
        String ref = UUID.randomUUID().toString();
        referral(id, ref, "sent");
        referral(id, ref, "accepted");
        awaitStatus(id, "paused");
        as(coach).when().get("/v1/engagements/" + id).then().body("currentReferral", org.hamcrest.Matchers.is(ref));
        referral(id, UUID.randomUUID().toString(), "completed"); // another referral's end changes nothing
        referral(id, ref, "completed");
        awaitStatus(id, "active");
    }

    @Test
    void integratedPractiseNeedsEligibilityFromAssessmentService() {
        Map<String, String> body = Map.of("clientSubject", client.subject(), "pathway", "integrated");
        as(coach)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        TopicProbe.send(
                "assessment.events",
                coach.subject(),
                "{\"practitionerId\":\"" + coach.subject()
                        + "\",\"eligibilities\":[\"core-coaching\",\"integrated-practice\"]}",
                Map.of(
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        "org.praxis.assessment.eligibility.changed.v1",
                        "ce_source",
                        "/assessment-service",
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> EmbeddedPostgres.shared()
                                .count(
                                        "select count(*) from practitioner_eligibility where tenant_id = ? and practitioner_id = ?",
                                        tenant,
                                        coach.subject())
                        == 2);
        String id = as(coach)
                .body(body)
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // An accepted referral runs alongside integrated work instead of pausing it.
        as(coach)
                .body(Map.of(
                        "purpose",
                        "Integrated work",
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", client.subject(), "required", true),
                                Map.of("role", "coach", "subject", coach.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        String ref = UUID.randomUUID().toString();
        referral(id, ref, "accepted");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ref.equals(as(coach)
                        .when()
                        .get("/v1/engagements/" + id)
                        .then()
                        .extract()
                        .path("currentReferral")));
        assertEquals(
                "active",
                as(coach).when().get("/v1/engagements/" + id).then().extract().path("status"));
    }
}
