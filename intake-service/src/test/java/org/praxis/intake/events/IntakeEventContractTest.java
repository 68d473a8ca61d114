package org.praxis.intake.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** Every event intake emits conforms to its schema in docs/events; the golden examples conform too. */
@QuarkusTest
class IntakeEventContractTest {
    private static final Set<String> PUBLISHED = Set.of(
            "org.praxis.intake.intake.opened.v1",
            "org.praxis.intake.screening.scored.v1",
            "org.praxis.intake.risk-flag.raised.v1",
            "org.praxis.intake.risk-flag.status-changed.v1",
            "org.praxis.intake.intake.decided.v1",
            "org.praxis.intake.trajectory.changed.v1",
            "org.praxis.intake.intake.coach-assigned.v1");

    @Test
    void everyGoldenExampleConformsToItsSchema() throws Exception {
        List<String> types;
        try (Stream<java.nio.file.Path> files = Files.list(EventContracts.directory())) {
            types = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length()))
                    .toList();
        }
        assertTrue(types.containsAll(PUBLISHED), "a schema for every event intake publishes");
        for (String type : types) {
            assertEquals(List.of(), EventContracts.violations(type, EventContracts.goldenExample(type)), type);
        }
        // The schemas are closed: a payload that smuggles answers, or lacks a level, is refused.
        String raised = "org.praxis.intake.risk-flag.raised.v1";
        String leaky = EventContracts.goldenExample(raised).replaceFirst("\\{", "{\"answers\": {\"9\": 2}, ");
        assertFalse(EventContracts.violations(raised, leaky).isEmpty(), leaky);
        String levelless = EventContracts.goldenExample(raised).replace("\"level\": \"serious\",", "");
        assertFalse(EventContracts.violations(raised, levelless).isEmpty(), levelless);
    }

    @Test
    void everyEventOfAWholeIntakeConformsToItsSchema() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Tokens coachOf = Tokens.anyone().tenant(tenant).roles("coach");
        String coach = coachOf.bearer();
        String id = given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Contract", "clientSubject", "client-x", "sponsorOrganisation", "acme-hr"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String flag = given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "instrument",
                        "PHQ-9",
                        "answers",
                        Map.of("1", 1, "2", 1, "3", 1, "4", 1, "5", 1, "6", 0, "7", 0, "8", 0, "9", 2)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("riskFlags[0].id");
        given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body(Map.of("status", "acknowledged"))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(200);
        given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body(Map.of("pathway", "therapy", "reason", "needs a therapist before coaching"))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(201);
        // during monitoring, a reliable deterioration: trajectory.changed and another risk-flag.raised
        given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "instrument",
                        "PHQ-9",
                        "answers",
                        Map.of("1", 3, "2", 3, "3", 3, "4", 3, "5", 1, "6", 0, "7", 0, "8", 0, "9", 0)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        // the coach's supervisor gives the intake another coach: coach-assigned
        Tokens supervisor = Tokens.anyone().tenant(tenant).roles("supervisor");
        SupervisionEvents.assign(tenant, coachOf.subject(), supervisor.subject());
        given().header("Authorization", supervisor.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("coach", "coach-" + UUID.randomUUID()))
                .when()
                .post("/v1/intakes/" + id + "/coach-assignment")
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> events = TopicProbe.read(
                "intake.events", r -> id.equals(r.key()), found -> found.size() >= 9, Duration.ofSeconds(30));
        Set<String> types =
                events.stream().map(r -> TopicProbe.header(r, "ce_type")).collect(Collectors.toSet());
        assertEquals(PUBLISHED, types);
        for (ConsumerRecord<String, String> r : events) {
            String type = TopicProbe.header(r, "ce_type");
            assertEquals(List.of(), EventContracts.violations(type, r.value()), type + ": " + r.value());
        }
    }

    @Test
    void theEligibilityGoldenExampleIsAppliedByIntakesConsumer() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        var example = EventContracts.goldenExampleJson("org.praxis.assessment.eligibility.changed.v1");
        TopicProbe.sendEvent(
                "assessment.events",
                "org.praxis.assessment.eligibility.changed.v1",
                "/assessment-service",
                tenant,
                example.get("practitionerId").asText(),
                example.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (var c = EmbeddedPostgres.shared().connect();
                    var s = c.prepareStatement("select count(*) from practitioner_eligibility where tenant_id = ?")) {
                s.setString(1, tenant);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == example.get("eligibilities").size();
                }
            }
        });
    }
}
