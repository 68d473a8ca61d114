package org.praxis.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Subject access export and erasure on subject.erasure-requested. */
@QuarkusTest
class PrivacyTest {
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final Tokens coach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens admin = Tokens.anyone().tenant(tenant).roles("admin");
    private final String subject = "person-" + UUID.randomUUID();

    private String intakeWithHistory() {
        String id = given().header("Authorization", coach.bearer()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Robin Private", "clientSubject", subject, "presentingConcerns", "grief after a loss"))
                .when().post("/v1/intakes").then().statusCode(201).extract().path("id");
        given().header("Authorization", coach.bearer()).contentType(ContentType.JSON)
                .body(Map.of("instrument", "PHQ-9", "answers", Map.of("1", 2, "2", 2, "3", 1, "4", 1, "5", 0, "6", 0, "7", 0, "8", 0, "9", 1)))
                .when().post("/v1/intakes/" + id + "/screenings").then().statusCode(201);
        return id;
    }

    @Test
    void anAdminExportsEverythingHeldAboutThePerson() {
        String id = intakeWithHistory();
        given().header("Authorization", admin.bearer()).when().get("/v1/subjects/" + subject + "/export").then()
                .statusCode(200)
                .body("intakes", hasSize(1))
                .body("intakes[0].presentingConcerns", is("grief after a loss"))
                .body("screenings[0].total", is(7))
                .body("riskFlags[0].code", is("self-harm-thoughts"));
        given().header("Authorization", coach.bearer()).when().get("/v1/subjects/" + subject + "/export").then().statusCode(403);
        given().header("Authorization", Tokens.anyone().tenant("other-" + tenant).roles("admin").bearer())
                .when().get("/v1/subjects/" + subject + "/export").then().statusCode(200).body("intakes", hasSize(0));
        assertFalse(id.isEmpty());
    }

    @Test
    void erasureRemovesWhatIdentifiesThePersonOnceAndConfirms() {
        String id = intakeWithHistory();
        String requestId = "era-" + UUID.randomUUID();
        String payload = "{\"subject\":\"" + subject + "\",\"requestId\":\"" + requestId + "\"}";
        assertEquals(List.of(), EventContracts.violations("org.praxis.privacy.subject.erasure-requested.v1", payload));
        Map<String, String> headers = Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", "org.praxis.privacy.subject.erasure-requested.v1", "ce_source", "/privacy",
                "ce_tenant", tenant, "ce_time", Instant.now().toString());
        TopicProbe.send("privacy.events", subject, payload, headers);
        TopicProbe.send("privacy.events", subject, payload, headers); // redelivered

        List<ConsumerRecord<String, String>> confirmations = TopicProbe.read("intake.events", r -> requestId.equals(r.key()),
                found -> false, Duration.ofSeconds(8));
        assertEquals(1, confirmations.size(), "erased and confirmed once");
        assertEquals(List.of(), EventContracts.violations("org.praxis.intake.subject.erased.v1", confirmations.get(0).value()));

        given().header("Authorization", admin.bearer()).when().get("/v1/subjects/" + subject + "/export").then()
                .statusCode(200).body("intakes", hasSize(0)).body("screenings", hasSize(0));
        // Changed by issue 16: admins no longer read intakes or scores (export only); a supervisor checks.
        Tokens supervisor = Tokens.anyone().tenant(tenant).roles("supervisor");
        var intake = given().header("Authorization", supervisor.bearer()).when().get("/v1/intakes/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("erased", intake.getString("displayName"));
        assertEquals(null, intake.getString("presentingConcerns"));
        assertTrue(intake.getString("clientSubject").startsWith("erased-"));
        // Scores stay under the retention rule; the answers do not.
        String sid = given().header("Authorization", supervisor.bearer()).when().get("/v1/intakes/" + id + "/screenings").then()
                .body("items[0].total", is(7)).extract().path("items[0].id");
        given().header("Authorization", coach.bearer()).when().get("/v1/intakes/" + id + "/screenings/" + sid).then()
                .statusCode(200).body("total", is(7)).body("answers.size()", is(0));
    }
}
