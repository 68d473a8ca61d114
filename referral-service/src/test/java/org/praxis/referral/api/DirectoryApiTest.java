package org.praxis.referral.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.Tokens;

/** The referral directory (admins curate, practitioners search) and self-help offers. */
@QuarkusTest
class DirectoryApiTest {
    private final ReferralTenant t = new ReferralTenant();

    @Test
    void adminsCurateAndPractitionersSearchByKindTextAreaAndLanguage() {
        String org = t.organisation("Valley Wellbeing");
        String therapy = t.service(org, "Adult talking therapy", "therapy", true);
        String crisis = t.service(org, "Night crisis line", "crisis-line", true);
        String full = t.service(org, "Trauma clinic", "therapy", false);

        as(t.coach)
                .when()
                .get("/v1/directory/services?kind=therapy")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(therapy, full));
        as(t.coach)
                .when()
                .get("/v1/directory/services?kind=therapy&accepting=true")
                .then()
                .body("items.id", contains(therapy));
        as(t.coach).when().get("/v1/directory/services?q=CRISIS").then().body("items.id", contains(crisis));
        as(t.coach).when().get("/v1/directory/services?q=100%25").then().body("items", hasSize(0));
        as(t.supervisor)
                .when()
                .get("/v1/directory/services?area=cardiff&language=cy")
                .then()
                .body("items", hasSize(3))
                .body("items[0].languages", contains("en", "cy"));
        as(t.coach).when().get("/v1/directory/services?area=Swansea").then().body("items", hasSize(0));
        as(t.coach).when().get("/v1/directory/services?language=fr").then().body("items", hasSize(0));
        as(t.coach).when().get("/v1/directory/services?kind=astrology").then().statusCode(400);
        as(t.coach).when().get("/v1/directory/services?limit=2").then().body("items", hasSize(2));
        as(t.coach).when().get("/v1/directory/organisations?q=valley").then().body("items.id", contains(org));

        String etag = as(t.coach)
                .when()
                .get("/v1/directory/services/" + full)
                .then()
                .statusCode(200)
                .body("acceptingReferrals", is(false))
                .extract()
                .header("ETag");
        Map<String, Object> reopened = Map.of(
                "organisationId",
                org,
                "name",
                "Trauma clinic",
                "kind",
                "therapy",
                "acceptingReferrals",
                true,
                "languages",
                List.of("en"),
                "areasServed",
                List.of("Cardiff"),
                "practitionerName",
                "Dr R. Example",
                "professionalRegistration",
                "HCPC PYL00000");
        as(t.admin)
                .body(reopened)
                .when()
                .put("/v1/directory/services/" + full)
                .then()
                .statusCode(428);
        as(t.coach)
                .header("If-Match", etag)
                .body(reopened)
                .when()
                .put("/v1/directory/services/" + full)
                .then()
                .statusCode(403);
        as(t.admin)
                .header("If-Match", etag)
                .body(reopened)
                .when()
                .put("/v1/directory/services/" + full)
                .then()
                .statusCode(200)
                .body("acceptingReferrals", is(true))
                .body("practitionerName", is("Dr R. Example"));
        as(t.admin)
                .header("If-Match", etag)
                .body(reopened)
                .when()
                .put("/v1/directory/services/" + full)
                .then()
                .statusCode(412);
        as(t.coach).when().get("/v1/directory/services?q=dr r.").then().body("items.id", contains(full));

        String orgTag = as(t.admin)
                .when()
                .get("/v1/directory/organisations/" + org)
                .then()
                .extract()
                .header("ETag");
        as(t.admin)
                .header("If-Match", orgTag)
                .body(Map.of("name", "Valley Wellbeing Trust", "email", "referrals@example.org"))
                .when()
                .put("/v1/directory/organisations/" + org)
                .then()
                .statusCode(200)
                .body("name", is("Valley Wellbeing Trust"));
    }

    @Test
    void badEntriesAreRefusedAndChangeNothing() {
        String org = t.organisation("Hill Surgery");
        as(t.admin)
                .body(Map.of(
                        "organisationId", org, "name", "Astrology", "kind", "astrology", "acceptingReferrals", true))
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("kind"));
        as(t.admin)
                .body(Map.of(
                        "organisationId",
                        java.util.UUID.randomUUID().toString(),
                        "name",
                        "GP",
                        "kind",
                        "gp",
                        "acceptingReferrals",
                        true))
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("organisationId"));
        as(t.admin)
                .body(Map.of("name", "", "email", "not-an-email"))
                .when()
                .post("/v1/directory/organisations")
                .then()
                .statusCode(422)
                .body("errors.field", hasItems("name", "email"));
        as(t.admin)
                .body(Map.of("organisationId", org, "name", "GP", "kind", "gp"))
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("acceptingReferrals"));
        as(t.coach).when().get("/v1/directory/services").then().body("items", hasSize(0));
        as(t.coach).when().get("/v1/directory/organisations").then().body("items.id", contains(org));
    }

    @Test
    void onlyAdminsCurateOnlyPractitionersReadAndAnotherTenantSeesNothing() {
        String org = t.organisation("River Counselling");
        String service = t.service(org, "Counselling", "counselling", true);
        Map<String, String> body = Map.of("name", "Someone else");
        for (Tokens denied : List.of(t.coach, t.supervisor, t.client, t.sponsor)) {
            as(denied)
                    .body(body)
                    .when()
                    .post("/v1/directory/organisations")
                    .then()
                    .statusCode(403);
        }
        for (Tokens denied : List.of(t.client, t.sponsor)) {
            as(denied).when().get("/v1/directory/services").then().statusCode(403);
            as(denied).when().get("/v1/directory/organisations/" + org).then().statusCode(403);
        }
        ReferralTenant other = new ReferralTenant();
        as(other.coach).when().get("/v1/directory/services/" + service).then().statusCode(404);
        as(other.coach).when().get("/v1/directory/organisations/" + org).then().statusCode(404);
        as(other.coach).when().get("/v1/directory/services").then().body("items", hasSize(0));
        as(other.admin)
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .put("/v1/directory/organisations/" + org)
                .then()
                .statusCode(404);
        as(other.admin)
                .body(Map.of("organisationId", org, "name", "Borrowed", "kind", "gp", "acceptingReferrals", true))
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(422);
    }

    @Test
    void selfHelpIsOfferedFromTheDirectoryAndShownToThePersonOnly() {
        t.knownCaseloads(); // the coach's engagement with the client, as session-service reported it
        String org = t.organisation("Open Library");
        String workbook = t.service(org, "Low mood workbook", "self-help", true);
        String therapy = t.service(org, "Talking therapy", "therapy", true);
        as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "serviceId", therapy))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("serviceId"));
        // Self-help is offered, not referred to.
        as(t.coach)
                .body(t.referralBody(workbook, "routine", List.of()))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of(
                        "clientSubject", t.client.subject(), "serviceId", workbook, "note", "Start with chapter one"))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(201)
                .body("resource.name", is("Low mood workbook"));

        as(t.client)
                .when()
                .get("/v1/me/self-help")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].resource.kind", is("self-help"))
                .body("items[0].note", is("Start with chapter one"));
        as(t.otherClient).when().get("/v1/me/self-help").then().body("items", hasSize(0));
        as(t.coach)
                .when()
                .get("/v1/self-help-offers?clientSubject=" + t.client.subject())
                .then()
                .body("items", hasSize(1));
        as(t.otherCoach).when().get("/v1/self-help-offers").then().body("items", hasSize(0));
        as(t.supervisor).when().get("/v1/self-help-offers").then().body("items", hasSize(1));
        as(t.client).when().get("/v1/self-help-offers").then().statusCode(403);
        as(t.sponsor).when().get("/v1/me/self-help").then().statusCode(403);
        ReferralTenant other = new ReferralTenant();
        as(other.coach)
                .body(Map.of("clientSubject", t.client.subject(), "serviceId", workbook))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(422);
        as(other.supervisor).when().get("/v1/self-help-offers").then().body("items", hasSize(0));

        // Offered before a referral still a draft: the client reads the offer, not the draft's id.
        String draft = t.draft(therapy, "soon", List.of());
        String before = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "serviceId", workbook, "referralId", draft))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(201)
                .body("referralId", is(draft))
                .extract()
                .path("id");
        as(t.client)
                .when()
                .get("/v1/me/self-help")
                .then()
                .body("items.find { it.id == '" + before + "' }.referralId", nullValue());
        as(t.coach)
                .when()
                .post("/v1/referrals/" + draft + "/consent-request")
                .then()
                .statusCode(200);
        as(t.client)
                .when()
                .get("/v1/me/self-help")
                .then()
                .body("items.find { it.id == '" + before + "' }.referralId", is(draft));
    }
}
