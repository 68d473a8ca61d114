package org.praxis.intake.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.praxis.platform.web.Bounds;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/**
 * intake-service is the erasure coordinator: an admin starts an erasure here, every service applies it
 * from privacy.events and confirms on its own topic, and the request completes when all four did.
 */
@QuarkusTest
class ErasureRequestsTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String REQUESTED = "org.praxis.privacy.subject.erasure-requested.v1";
    private static final List<String> SERVICES =
            List.of("assessment-service", "intake-service", "referral-service", "session-service");

    private final TestTenant t = new TestTenant();
    private final String subject = "person-" + UUID.randomUUID();

    private static ValidatableResponse start(Tokens who, Map<String, ?> body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/erasure-requests")
                .then();
    }

    private static ValidatableResponse start(Tokens who, String subject) {
        return start(
                who,
                Map.of(
                        "subject",
                        subject,
                        "reason",
                        "The client withdrew consent and asked to be erased",
                        "reference",
                        "ERA-2026-17"));
    }

    private static ValidatableResponse read(Tokens who, String id) {
        return given().header("Authorization", who.bearer())
                .when()
                .get("/v1/erasure-requests/" + id)
                .then();
    }

    private JsonPath view(String id) {
        return read(t.admin, id).statusCode(200).extract().jsonPath();
    }

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    /** The payload of the tenant's one privacy.events row in the outbox. */
    private String privacyPayload() throws java.sql.SQLException {
        try (var c = EmbeddedPostgres.shared().connect();
                var s = c.prepareStatement(
                        "select payload::text from outbox_event where tenant_id = ? and topic = 'privacy.events'")) {
            s.setString(1, t.id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Sends a confirmation on {@code topic} as its owner would (keyed by the request id); returns its ce_id. */
    private String confirm(String topic, String ceId, String payload) throws Exception {
        String service = topic.substring(0, topic.indexOf('.'));
        String key = new ObjectMapper().readTree(payload).path("requestId").asText();
        TopicProbe.send(
                topic,
                key,
                payload,
                Map.of(
                        "ce_id",
                        ceId,
                        "ce_type",
                        "org.praxis." + service + ".subject.erased.v1",
                        "ce_source",
                        "/" + service + "-service",
                        "ce_tenant",
                        t.id,
                        "ce_time",
                        Instant.now().toString(),
                        "ce_specversion",
                        "1.0"));
        return ceId;
    }

    private String intakeOf(String person) {
        return given().header("Authorization", t.coach.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Robin Private", "clientSubject", person, "presentingConcerns", "grief"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void anAdminsErasureIsPublishedAppliedConfirmedByEveryServiceAndThenForgetsThePerson() throws Exception {
        intakeOf(subject);
        var started = start(t.admin, subject).statusCode(202).extract();
        String id = started.path("id");
        assertEquals(
                "/v1/erasure-requests/" + id,
                java.net.URI.create(started.header("Location")).getPath());
        JsonPath body = started.jsonPath();
        assertEquals(subject, body.getString("subject"));
        assertEquals("in-progress", body.getString("state"));
        assertEquals("The client withdrew consent and asked to be erased", body.getString("reason"));
        assertEquals("ERA-2026-17", body.getString("reference"));
        assertEquals(t.admin.subject(), body.getString("requestedBy"));
        assertEquals(SERVICES, body.getList("services.service"));
        assertEquals(java.util.Collections.nCopies(4, null), body.getList("services.confirmedAt"));
        String pseudonym = body.getString("pseudonym");
        assertNotNull(pseudonym);

        // The request went out on privacy.events as the privacy process, and matches its contract.
        List<ConsumerRecord<String, String>> published = TopicProbe.read(
                "privacy.events", r -> pseudonym.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(15));
        assertEquals(1, published.size());
        ConsumerRecord<String, String> event = published.get(0);
        assertEquals("/privacy", TopicProbe.header(event, "ce_source"));
        assertEquals(REQUESTED, TopicProbe.header(event, "ce_type"));
        assertEquals(t.id, TopicProbe.header(event, "ce_tenant"));
        JsonNode payload = new ObjectMapper().readTree(event.value());
        assertEquals(subject, payload.get("subject").asText());
        assertEquals(id, payload.get("requestId").asText());
        assertEquals(List.of(), EventContracts.violations(REQUESTED, event.value()));

        // intake applies it itself (its intake is pseudonymised) and its own confirmation is recorded.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> view(id).get("services.find { it.service == 'intake-service' }.confirmedAt") != null);
        assertEquals(Map.of("intakes", 1), view(id).getMap("services.find { it.service == 'intake-service' }.records"));
        assertEquals(0, count("select count(*) from intake where tenant_id = ? and client_subject = ?", t.id, subject));

        // session-service cannot confirm for referral-service: dead-lettered, not recorded.
        String forged = confirm(
                "session.events",
                UUID.randomUUID().toString(),
                "{\"requestId\":\"" + id
                        + "\",\"service\":\"referral-service\",\"referrals\":0,\"exceptionRecordsRetained\":0}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from inbox_event where consumer ="
                                        + " 'erasure-confirmations' and event_id = ? and outcome = 'dead-lettered'",
                                forged)
                        == 1);
        read(t.admin, id).body("services.find { it.service == 'referral-service' }.confirmedAt", nullValue());

        // session confirms; the same event again and a second one change nothing: the first counts, once.
        String session = "{\"requestId\":\"" + id
                + "\",\"service\":\"session-service\",\"engagements\":2,\"signedNotesRetained\":1}";
        assertEquals(List.of(), EventContracts.violations("org.praxis.session.subject.erased.v1", session));
        String sessionId = confirm("session.events", UUID.randomUUID().toString(), session);
        confirm("session.events", sessionId, session);
        String again = confirm(
                "session.events",
                UUID.randomUUID().toString(),
                "{\"requestId\":\"" + id
                        + "\",\"service\":\"session-service\",\"engagements\":9,\"signedNotesRetained\":9}");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from inbox_event where consumer ="
                                        + " 'erasure-confirmations' and event_id = ?",
                                again)
                        == 1);
        assertEquals(
                1,
                count(
                        "select count(*) from inbox_event where consumer = 'erasure-confirmations' and event_id = ?",
                        sessionId));
        JsonPath afterSession = view(id);
        assertEquals(
                Map.of("engagements", 2, "signedNotesRetained", 1),
                afterSession.getMap("services.find { it.service == 'session-service' }.records"));
        assertEquals("in-progress", afterSession.getString("state"));
        assertEquals(subject, afterSession.getString("subject"));

        confirm(
                "referral.events",
                UUID.randomUUID().toString(),
                "{\"requestId\":\"" + id
                        + "\",\"service\":\"referral-service\",\"referrals\":1,\"exceptionRecordsRetained\":0}");
        confirm(
                "assessment.events",
                UUID.randomUUID().toString(),
                "{\"requestId\":\"" + id + "\",\"service\":\"assessment-service\",\"practitioners\":0,\"evidence\":0}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "complete".equals(view(id).getString("state")));

        read(t.admin, id)
                .statusCode(200)
                .body("subject", nullValue())
                .body("reason", is("erased")) // an admin's words about the person go with them
                .body("reference", nullValue())
                .body("pseudonym", is(pseudonym))
                .body("completedAt", notNullValue())
                .body("services.service", contains(SERVICES.toArray()))
                .body("services.confirmedAt", everyItem(notNullValue()))
                .body("services.find { it.service == 'referral-service' }.records.referrals", is(1));
        // The coordinator keeps no trace of the identifier it erased: not in its row, not in its outbox.
        assertEquals(
                0,
                count(
                        "select count(*) from erasure_request where subject = ? or id = ? and subject is not null",
                        subject,
                        UUID.fromString(id)));
        assertEquals(
                0, count("select count(*) from outbox_event where topic = 'privacy.events' and tenant_id = ?", t.id));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'request-erasure'"
                                + " and resource_id = ?",
                        t.id,
                        id));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'complete-erasure'"
                                + " and resource_id = ?",
                        t.id,
                        id));
        assertEquals(
                0,
                count("select count(*) from erasure_request where reason like '%withdrew consent%'"),
                "sealed at rest");
        assertEquals(
                0,
                count(
                        "select count(*) from erasure_request where id = ? and reference is not null",
                        UUID.fromString(id)));
        assertEquals(
                0,
                count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'request-erasure'"
                                + " and resource_id = ? and reason is not null",
                        t.id,
                        id));
        // Once complete, erasing the person again is a new request.
        String second = start(t.admin, subject).statusCode(202).extract().path("id");
        assertNotEquals(id, second);
    }

    @Test
    void aSecondRequestWhileOneIsInProgressReturnsThatOne() {
        String first = start(t.admin, subject).statusCode(202).extract().path("id");
        given().header("Authorization", t.user("admin").bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "reason", "Asked again by letter"))
                .when()
                .post("/v1/erasure-requests")
                .then()
                .statusCode(200)
                .header("Location", endsWith("/v1/erasure-requests/" + first))
                .body("id", is(first))
                .body("state", is("in-progress"));
        assertEquals(1, count("select count(*) from erasure_request where tenant_id = ?", t.id));
        assertEquals(
                1, count("select count(*) from outbox_event where topic = 'privacy.events' and tenant_id = ?", t.id));
        // Another person, or the same identifier in another tenant, is another erasure.
        start(t.admin, subject + "-2").statusCode(202);
        start(Tokens.anyone().tenant(t.id + "-x").roles("admin"), subject).statusCode(202);
    }

    @Test
    void aConfirmationOfARequestTheCoordinatorDidNotMakeIsIgnored() throws Exception {
        String unknown = confirm(
                "referral.events",
                UUID.randomUUID().toString(),
                "{\"requestId\":\"" + UUID.randomUUID()
                        + "\",\"service\":\"referral-service\",\"referrals\":0,\"exceptionRecordsRetained\":0}");
        String byHand = confirm(
                "assessment.events",
                UUID.randomUUID().toString(),
                EventContracts.goldenExample("org.praxis.assessment.subject.erased.v1"));
        for (String ceId : List.of(unknown, byHand)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count(
                                    "select count(*) from inbox_event where consumer ="
                                            + " 'erasure-confirmations' and event_id = ?",
                                    ceId)
                            == 1);
            assertEquals(
                    1,
                    count(
                            "select count(*) from inbox_event where consumer = 'erasure-confirmations'"
                                    + " and event_id = ? and outcome = 'applied'",
                            ceId),
                    "ignored, not dead-lettered");
        }
    }

    @Test
    void onlyTheTenantsAdminsStartOrSeeErasures() {
        String id = start(t.admin, subject).statusCode(202).extract().path("id");
        for (String role : List.of("client", "coach", "supervisor", "sponsor")) {
            Tokens who = t.user(role);
            start(who, "someone-" + role).statusCode(403).contentType(PROBLEM);
            given().header("Authorization", who.bearer())
                    .when()
                    .get("/v1/erasure-requests")
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM);
            read(who, id).statusCode(403).contentType(PROBLEM);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "reason", "y"))
                .when()
                .post("/v1/erasure-requests")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().when().get("/v1/erasure-requests").then().statusCode(401);
        given().when().get("/v1/erasure-requests/" + id).then().statusCode(401);
        assertEquals(1, count("select count(*) from erasure_request where tenant_id = ?", t.id));

        Tokens otherAdmin = Tokens.anyone().tenant(t.id + "-other").roles("admin");
        read(otherAdmin, id).statusCode(404).contentType(PROBLEM);
        read(t.admin, UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
        given().header("Authorization", otherAdmin.bearer())
                .when()
                .get("/v1/erasure-requests")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().header("Authorization", t.admin.bearer())
                .when()
                .get("/v1/erasure-requests")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void theListPagesNewestFirst() {
        String a = start(t.admin, subject + "-a").statusCode(202).extract().path("id");
        String b = start(t.admin, subject + "-b").statusCode(202).extract().path("id");
        String c = start(t.admin, subject + "-c").statusCode(202).extract().path("id");
        JsonPath first = given().header("Authorization", t.admin.bearer())
                .queryParam("limit", 2)
                .when()
                .get("/v1/erasure-requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(c, b), first.getList("items.id"));
        given().header("Authorization", t.admin.bearer())
                .queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor"))
                .when()
                .get("/v1/erasure-requests")
                .then()
                .statusCode(200)
                .body("items.id", contains(a))
                .body("nextCursor", nullValue())
                .body("items[0].services", hasSize(4));
    }

    @Test
    void badInputIs422AndStartsNothing() throws Exception {
        Map<String, Object> noReason = new HashMap<>(Map.of("subject", subject));
        start(t.admin, noReason)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(startsWith("reason")));
        start(t.admin, Map.of("subject", subject, "reason", " "))
                .statusCode(422)
                .contentType(PROBLEM);
        start(t.admin, Map.of("subject", "x".repeat(Bounds.SUBJECT + 1), "reason", "asked"))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem(startsWith("subject")));
        start(t.admin, Map.of("subject", subject, "reason", "r".repeat(Bounds.REASON + 1)))
                .statusCode(422)
                .contentType(PROBLEM);
        start(t.admin, Map.of("subject", subject, "reason", "asked", "reference", "r".repeat(Bounds.NAME + 1)))
                .statusCode(422)
                .contentType(PROBLEM);
        // The admin themselves: under a pseudonym, their own request to turn four eyes off would pass as another's.
        start(t.admin, Map.of("subject", t.admin.subject(), "reason", "asked"))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("subject"));
        for (String notAPerson : List.of(
                org.praxis.platform.privacy.Pseudonyms.of(t.id, subject), "system:intake-service", " " + subject)) {
            start(t.admin, Map.of("subject", notAPerson, "reason", "asked"))
                    .statusCode(422)
                    .contentType(PROBLEM)
                    .body("errors.field", hasItem("subject"));
        }
        given().header("Authorization", t.admin.bearer())
                .contentType(ContentType.JSON)
                .body("{\"subject\": ")
                .when()
                .post("/v1/erasure-requests")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        assertEquals(0, count("select count(*) from erasure_request where tenant_id = ?", t.id));
        assertEquals(
                0, count("select count(*) from outbox_event where tenant_id = ? and topic = 'privacy.events'", t.id));

        // The longest subject accepted still makes an event within its contract.
        String longest = "x".repeat(Bounds.SUBJECT);
        start(t.admin, Map.of("subject", longest, "reason", "asked")).statusCode(202);
        assertEquals(List.of(), EventContracts.violations(REQUESTED, privacyPayload()));
    }
}
