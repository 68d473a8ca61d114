package org.praxis.referral.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;

/**
 * A client consents, and a supervisor approves the serious-risk exception, for a referral to a recipient as the
 * directory describes it. An admin's edit of that entry must not carry either over to someone else.
 */
@QuarkusTest
class RecipientChangeTest {
    private final ReferralTenant t = new ReferralTenant();

    @Test
    void anApprovedExceptionDoesNotFollowTheServiceToAnotherOrganisation() {
        String valley = t.organisation("Valley Talking Therapies");
        String elsewhere = t.organisation("Elsewhere Ltd");
        String service = t.service(valley, "Adult talking therapy", "therapy", true);
        String id = approvedException(service);

        // The attack: the entry the supervisor approved now names another organisation and address.
        Map<String, Object> moved = t.serviceBody(elsewhere, "Adult talking therapy", "therapy", true);
        moved.put("email", "intake@elsewhere.example");
        moved.put("kind", "counselling");
        replaceService(service, moved);

        as(t.coach)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("riskException", nullValue())
                .body("serviceKind", is("counselling"));
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(422);
        as(t.coach)
                .when()
                .get("/v1/referrals/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("void-risk-exception"));

        // Asked and approved again, for the recipient as it now is, it goes.
        t.exceptionApproved(id, "Stated a plan to end their life tonight");
        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/sending")
                .then()
                .statusCode(200)
                .body("sentUnderException", is(true));
    }

    @Test
    void aConsentLapsesWhenTheOrganisationIsRenamedAndTheReferralIsADraftAgain() {
        String org = t.organisation("Valley Talking Therapies");
        String service = t.service(org, "Adult talking therapy", "therapy", true);
        String id = t.consented(service, List.of("identity"), List.of("identity"));

        renameOrganisation(org);

        as(t.coach)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .body("status", is("draft"))
                .body("sentAt", nullValue());
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(not(200));
        as(t.coach)
                .when()
                .get("/v1/referrals/" + id + "/history")
                .then()
                .body("items.action", hasItem("recipient-changed"));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from referral_consent where tenant_id = ? and referral_id = ?::uuid"
                                        + " and decision = 'lapsed' and lapsed_at is not null",
                                t.id,
                                id));
    }

    /** Once sent, the referral names its recipient as the client agreed to it, whatever the directory says since. */
    @Test
    void aSentReferralKeepsNamingTheRecipientItWentTo() {
        String org = t.organisation("Valley Talking Therapies");
        String service = t.service(org, "Adult talking therapy", "therapy", true);
        String id = t.consented(service, List.of("identity"), List.of("identity"));
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(200);
        renameOrganisation(org);
        as(t.coach)
                .when()
                .get("/v1/referrals/" + id + "/fhir")
                .then()
                .statusCode(200)
                .body("performer[0].display", is("Adult talking therapy (Valley Talking Therapies)"));
    }

    @Test
    void anEditThatLeavesTheRecipientAsItWasKeepsConsentAndApproval() {
        String org = t.organisation("Valley Talking Therapies");
        String service = t.service(org, "Adult talking therapy", "therapy", true);
        String consented = t.consented(service, List.of("identity"), List.of("identity"));
        String excepted = approvedException(service);

        Map<String, Object> described = t.serviceBody(org, "Adult talking therapy", "therapy", true);
        described.put("description", "Six to twelve sessions, in person or online");
        described.put("languages", List.of("en"));
        replaceService(service, described);

        as(t.coach).when().get("/v1/referrals/" + excepted).then().body("riskException.approvedAt", notNullValue());
        as(t.coach)
                .when()
                .post("/v1/referrals/" + consented + "/sending")
                .then()
                .statusCode(200);
        as(t.coach).when().post("/v1/referrals/" + excepted + "/sending").then().statusCode(200);
    }

    private String approvedException(String service) {
        String id = t.draft(service, "emergency", List.of("identity", "risk"));
        t.exceptionApproved(id, "Stated a plan to end their life tonight");
        return id;
    }

    /** An admin renames the organisation (and its email): who the recipient is has changed. */
    private void renameOrganisation(String org) {
        String tag = as(t.admin)
                .when()
                .get("/v1/directory/organisations/" + org)
                .then()
                .extract()
                .header("ETag");
        as(t.admin)
                .header("If-Match", tag)
                .body(Map.of("name", "Another Provider", "email", "referrals@another.example"))
                .when()
                .put("/v1/directory/organisations/" + org)
                .then()
                .statusCode(200);
    }

    private void replaceService(String service, Map<String, Object> body) {
        String tag = as(t.admin)
                .when()
                .get("/v1/directory/services/" + service)
                .then()
                .extract()
                .header("ETag");
        as(t.admin)
                .header("If-Match", tag)
                .body(body)
                .when()
                .put("/v1/directory/services/" + service)
                .then()
                .statusCode(200);
    }
}
