package org.praxis.referral.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/** A referral's steps and consents grow with every revision, so both are read a page at a time. */
@QuarkusTest
class ReferralHistoryTest {
    private final ReferralTenant t = new ReferralTenant();

    /** Asked three times, revised twice in between: six steps, three consents (the last one pending). */
    private String askedThreeTimes(String service) {
        String id = t.draft(service, "soon", List.of("identity"));
        for (int round = 0; round < 3; round++) {
            if (round > 0) {
                String etag = as(t.coach)
                        .when()
                        .get("/v1/referrals/" + id)
                        .then()
                        .extract()
                        .header("ETag");
                as(t.coach)
                        .header("If-Match", etag)
                        .body(t.referralBody(service, "soon", List.of("identity")))
                        .when()
                        .put("/v1/referrals/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", is("draft"));
            }
            as(t.coach)
                    .when()
                    .post("/v1/referrals/" + id + "/consent-request")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    @Test
    void stepsAndConsentsComeNewestFirstOnePageAtATime() {
        String id = askedThreeTimes(t.therapyService());
        String history = "/v1/referrals/" + id + "/history";

        String cursor = as(t.coach)
                .when()
                .get(history + "?limit=4")
                .then()
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.action", contains("ask-consent", "revise", "ask-consent", "revise"))
                .body("items[0].actor", is(t.coach.subject()))
                .body("items[0].id", notNullValue())
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        as(t.coach)
                .when()
                .get(history + "?limit=4&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items.action", contains("ask-consent", "create"))
                .body("nextCursor", nullValue());
        as(t.coach).when().get(history).then().body("items", hasSize(6));

        String consents = "/v1/referrals/" + id + "/consents";
        List<String> ids = new ArrayList<>();
        String next = as(t.supervisor)
                .when()
                .get(consents + "?limit=2")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.decision", contains("pending", "lapsed"))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        ids.addAll(as(t.supervisor)
                .when()
                .get(consents + "?limit=2")
                .then()
                .extract()
                .path("items.id"));
        ids.addAll(as(t.supervisor)
                .when()
                .get(consents + "?limit=2&cursor=" + next)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].decision", is("lapsed"))
                .body("items[0].lapsedAt", notNullValue())
                .body("items[0].withdrawnAt", nullValue())
                .body("nextCursor", nullValue())
                .extract()
                .path("items.id"));
        assertEquals(3, ids.stream().distinct().count());
        String current =
                as(t.coach).when().get("/v1/referrals/" + id).then().extract().path("consent.id");
        assertEquals(current, ids.get(0));

        as(t.coach).when().get(history + "?limit=0").then().statusCode(422).body("errors.field", hasItem("limit"));
        as(t.coach).when().get(consents + "?cursor=not-a-cursor").then().statusCode(400);
        assertTrue(EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'read-history' and resource_id = ?",
                                t.id,
                                id)
                >= 5);
    }

    @Test
    void onlyTheResponsibleCoachAndSupervisorsReadThemAndAnotherTenantNotEvenThat() {
        String id = askedThreeTimes(t.therapyService());
        ReferralTenant other = new ReferralTenant();
        for (String list : List.of("/history", "/consents")) {
            String path = "/v1/referrals/" + id + list;
            as(t.coach).when().get(path).then().statusCode(200);
            as(t.supervisor).when().get(path).then().statusCode(200);
            as(t.otherCoach).when().get(path).then().statusCode(404);
            for (Tokens denied : List.of(t.client, t.sponsor, t.admin)) {
                as(denied).when().get(path).then().statusCode(403);
            }
            as(other.coach).when().get(path).then().statusCode(404);
            as(other.supervisor).when().get(path).then().statusCode(404);
            Tokens sameSubjectOtherTenant =
                    Tokens.of(t.supervisor.subject()).tenant(other.id).roles("supervisor");
            as(sameSubjectOtherTenant).when().get(path).then().statusCode(404);
            as(t.supervisor)
                    .when()
                    .get("/v1/referrals/" + java.util.UUID.randomUUID() + list)
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void theClientsListShowsEachReferralsServiceAndConsent() {
        String therapy = t.therapyService();
        String counselling = t.service(t.organisation("Town Counselling"), "Evening counselling", "counselling", true);
        String first = t.consented(therapy, List.of("identity", "reason"), List.of("identity"));
        String second = t.draft(counselling, "routine", List.of("contact"));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + second + "/consent-request")
                .then()
                .statusCode(200);

        as(t.client)
                .when()
                .get("/v1/me/referrals")
                .then()
                .statusCode(200)
                .body("items.id", contains(second, first))
                .body("items.service.name", contains("Evening counselling", "Adult talking therapy"))
                .body("items.consent.decision", contains("pending", "agreed"))
                .body("items[1].consent.shares", contains("identity"));
        as(t.client)
                .when()
                .get("/v1/me/referrals?limit=1")
                .then()
                .body("items.id", contains(second))
                .body("nextCursor", notNullValue());
        Map<String, Object> offer = Map.of(
                "clientSubject",
                t.client.subject(),
                "serviceId",
                t.service(t.organisation("Library"), "Workbook", "self-help", true));
        as(t.coach).body(offer).when().post("/v1/self-help-offers").then().statusCode(201);
        as(t.client).when().get("/v1/me/self-help").then().body("items.resource.name", contains("Workbook"));
        as(t.coach).when().get("/v1/self-help-offers").then().body("items.resource.name", contains("Workbook"));
    }
}
