package org.praxis.referral.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.PagedLists;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 17: every input is bounded. Too long a string or too many items is a 422 naming the field,
 * and nothing changes; a refusal names what is allowed, never echoes what was sent.
 */
@QuarkusTest
class ReferralBoundsTest {
    private final ReferralTenant t = new ReferralTenant();

    private static String longer(int bound) {
        return "x".repeat(bound + 1);
    }

    private long referrals() {
        return EmbeddedPostgres.shared().count("select count(*) from referral where tenant_id = ?", t.id);
    }

    private String etag(String id) {
        return as(t.coach)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void overLongReferralFieldsAreRefusedByNameAndNothingIsDrafted() {
        String service = t.therapyService();
        Map<String, String> tooLong = Map.of(
                "reasonText",
                longer(Bounds.TEXT),
                "clientName",
                longer(Bounds.NAME),
                "clientContact",
                longer(Bounds.REASON),
                "clientSubject",
                longer(Bounds.SUBJECT),
                "reasonCode",
                longer(Bounds.CODE),
                "urgency",
                longer(Bounds.CODE));
        for (Map.Entry<String, String> field : tooLong.entrySet()) {
            Map<String, Object> body = t.referralBody(service, "soon", List.of("identity"));
            body.put(field.getKey(), field.getValue());
            as(t.coach)
                    .body(body)
                    .when()
                    .post("/v1/referrals")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(field.getKey()));
        }
        Map<String, Object> tooMany =
                t.referralBody(service, "soon", List.of("identity", "contact", "reason", "risk", "identity"));
        as(t.coach)
                .body(tooMany)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("disclose"));
        Map<String, Object> longItem = t.referralBody(service, "soon", List.of(longer(Bounds.CODE)));
        as(t.coach)
                .body(longItem)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem(startsWith("disclose")));
        assertEquals(0, referrals());

        // Unknown items are named by position; what was sent is not echoed back.
        String unknown = "diagnosis-" + "y".repeat(40);
        as(t.coach)
                .body(t.referralBody(service, "soon", List.of("identity", unknown)))
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("disclose"))
                .body(not(containsString(unknown)));
        assertEquals(0, referrals());
    }

    @Test
    void overLongChangesToAReferralAreRefusedAndItStaysAsItWas() {
        String service = t.therapyService();
        String id = t.draft(service, "emergency", List.of("identity"));
        String before = etag(id);

        Map<String, Object> revised = t.referralBody(service, "emergency", List.of("identity"));
        revised.put("reasonText", longer(Bounds.TEXT));
        as(t.coach)
                .header("If-Match", before)
                .body(revised)
                .when()
                .put("/v1/referrals/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reasonText"));
        as(t.coach)
                .body(Map.of("justification", longer(Bounds.TEXT)))
                .when()
                .post("/v1/referrals/" + id + "/risk-exception")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("justification"));
        as(t.coach)
                .body(Map.of("reason", longer(Bounds.REASON)))
                .when()
                .post("/v1/referrals/" + id + "/cancellation")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reason"));
        assertEquals(before, etag(id));
        as(t.coach)
                .when()
                .get("/v1/referrals/" + id)
                .then()
                .body("status", is("draft"))
                .body("reasonText", is("Low mood for months, beyond coaching"));

        String sent = t.sent(service);
        String sentTag = etag(sent);
        as(t.coach)
                .body(Map.of("outcome", longer(Bounds.CODE)))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("outcome"));
        as(t.coach)
                .body(Map.of("outcome", "declined", "reason", longer(Bounds.REASON)))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reason"));
        String madeUp = "perhaps-" + "z".repeat(50);
        as(t.coach)
                .body(Map.of("outcome", madeUp))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("outcome"))
                .body(not(containsString(madeUp)));
        assertEquals(sentTag, etag(sent));
    }

    @Test
    void theClientsSayIsBoundedToo() {
        String service = t.therapyService();
        String id = t.draft(service, "soon", List.of("identity", "reason"));
        as(t.coach)
                .when()
                .post("/v1/referrals/" + id + "/consent-request")
                .then()
                .statusCode(200);
        String before = etag(id);

        as(t.client)
                .body(Map.of("agree", true, "shares", List.of("identity"), "words", longer(Bounds.REASON)))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("words"));
        as(t.client)
                .body(Map.of("agree", true, "shares", Collections.nCopies(5, "identity")))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("shares"));
        String beyond = "my-whole-file-" + "w".repeat(40);
        as(t.client)
                .body(Map.of("agree", true, "shares", List.of("identity", beyond)))
                .when()
                .post("/v1/me/referrals/" + id + "/consent")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("shares"))
                .body(not(containsString(beyond)))
                .body("errors[0].message", containsString("identity, reason"));
        as(t.client)
                .body(Map.of("reason", longer(Bounds.REASON)))
                .when()
                .post("/v1/me/referrals/" + id + "/consent/withdrawal")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("reason"));
        assertEquals(before, etag(id));
        as(t.client)
                .when()
                .get("/v1/me/referrals/" + id)
                .then()
                .body("status", is("awaiting-consent"))
                .body("consent.decision", is("pending"));
    }

    @Test
    void directoryEntriesOffersAndDeadlinesAreBounded() {
        String org = t.organisation("Bounded Trust");
        Map<String, Object> service = new HashMap<>(
                Map.of("organisationId", org, "name", "Therapy", "kind", "therapy", "acceptingReferrals", true));
        for (String field : List.of(
                "name",
                "description",
                "eligibility",
                "howToRefer",
                "website",
                "phone",
                "practitionerName",
                "professionalRegistration")) {
            Map<String, Object> body = new HashMap<>(service);
            body.put(
                    field,
                    longer(
                            field.equals("website")
                                    ? Bounds.URI
                                    : field.equals("phone")
                                            ? Bounds.CODE
                                            : List.of("name", "practitionerName", "professionalRegistration")
                                                            .contains(field)
                                                    ? Bounds.NAME
                                                    : Bounds.REASON));
            as(t.admin)
                    .body(body)
                    .when()
                    .post("/v1/directory/services")
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem(field));
        }
        Map<String, Object> manyAreas = new HashMap<>(service);
        manyAreas.put("areasServed", Collections.nCopies(51, "Cardiff"));
        as(t.admin)
                .body(manyAreas)
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("areasServed"));
        Map<String, Object> longLanguage = new HashMap<>(service);
        longLanguage.put("languages", List.of(longer(Bounds.CODE)));
        as(t.admin)
                .body(longLanguage)
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem(startsWith("languages")));
        String kind = "astrology-" + "k".repeat(40);
        Map<String, Object> madeUpKind = new HashMap<>(service);
        madeUpKind.put("kind", kind);
        as(t.admin)
                .body(madeUpKind)
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("kind"))
                .body(not(containsString(kind)));
        as(t.admin)
                .body(Map.of("name", longer(Bounds.NAME)))
                .when()
                .post("/v1/directory/organisations")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("name"));
        as(t.coach).when().get("/v1/directory/services").then().statusCode(200).body("items", hasSize(0));
        as(t.coach).when().get("/v1/directory/organisations").then().body("items", hasSize(1));

        t.knownCaseloads();
        String workbook = t.service(org, "Workbook", "self-help", true);
        as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "serviceId", workbook, "note", longer(Bounds.REASON)))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("note"));
        as(t.coach).when().get("/v1/self-help-offers").then().body("items", hasSize(0));

        String etag = as(t.admin)
                .when()
                .get("/v1/referral-deadlines")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of(
                        "emergency",
                        "PT" + "1".repeat(Bounds.CODE) + "H",
                        "urgent",
                        "P2D",
                        "soon",
                        "P7D",
                        "routine",
                        "P21D"))
                .when()
                .put("/v1/referral-deadlines")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("emergency"));
        as(t.admin)
                .when()
                .get("/v1/referral-deadlines")
                .then()
                .body("defaults", is(true))
                .header("ETag", etag);
    }

    @Test
    void overLongQueryParametersAreRefusedByName() {
        as(t.coach)
                .when()
                .get("/v1/referrals?clientSubject=" + longer(Bounds.SUBJECT))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        as(t.coach)
                .when()
                .get("/v1/referrals?origin=" + longer(Bounds.CODE))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("origin"));
        as(t.coach)
                .when()
                .get("/v1/directory/services?q=" + longer(Bounds.NAME))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("q"));
        as(t.coach)
                .when()
                .get("/v1/directory/services?area=" + longer(Bounds.NAME))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("area"));
        as(t.coach)
                .when()
                .get("/v1/directory/organisations?q=" + longer(Bounds.NAME))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("q"));
        as(t.coach)
                .when()
                .get("/v1/self-help-offers?clientSubject=" + longer(Bounds.SUBJECT))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("clientSubject"));
        // Within the bound they are answered as before.
        as(t.coach)
                .when()
                .get("/v1/referrals?clientSubject=" + "s".repeat(Bounds.SUBJECT))
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void anEventWithAnOverLongFieldIsDeadLetteredAndDraftsNothing() {
        String type = "org.praxis.session.risk.noted.v1";
        ObjectNode noted = (ObjectNode) EventContracts.goldenExampleJson(type);
        String eventId = UUID.randomUUID().toString();
        noted.put("riskConcernId", UUID.randomUUID().toString())
                .put("engagementId", UUID.randomUUID().toString())
                .put("clientSubject", t.client.subject())
                .put("practitionerId", longer(Bounds.SUBJECT));
        TopicProbe.send(
                "session.events",
                noted.get("engagementId").asText(),
                noted.toString(),
                Map.of(
                        "ce_id",
                        eventId,
                        "ce_type",
                        type,
                        "ce_source",
                        "/session-service",
                        "ce_tenant",
                        t.id,
                        "ce_time",
                        Instant.now().toString()));
        EmbeddedPostgres.shared()
                .awaitCount(
                        1,
                        "select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'",
                        eventId);
        assertEquals(0, referrals());
    }

    /** Issue 18: every list pages but the newest dead letters (read back from Kafka, not kept in a table). */
    @Test
    void everyListPagesButTheDeadLetters() throws Exception {
        PagedLists.assertEveryListPagesBut(Set.of("listDeadLetters"));
    }
}
