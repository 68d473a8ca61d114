package org.praxis.intake.api;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * The creates that took an Idempotency-Key last (issue 20): a repeat with the same key and body answers as the
 * first did and creates nothing more; the same key with another body is refused.
 */
@QuarkusTest
class IdempotentCreatesTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();

    private String openIntake() {
        return as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "displayName", "Pat Example"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String create(Tokens who, String key, String path, Object body) {
        return as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void refused(Tokens who, String key, String path, Object body) {
        as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", is("Idempotency-Key"));
    }

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    @Test
    void aRepeatedRaiseRaisesOneFlag() {
        String id = openIntake();
        String path = "/v1/intakes/" + id + "/risk-flags";
        Map<String, String> body = Map.of("code", "coach-concern", "level", "elevated");
        String first = create(t.coach, "raise-1", path, body);
        as(t.coach)
                .header("Idempotency-Key", "raise-1")
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/v1/risk-flags/" + first))
                .body("id", is(first));
        refused(t.coach, "raise-1", path, Map.of("code", "coach-concern", "level", "serious"));
        assertEquals(1, count("select count(*) from risk_flag where intake_id = ?::uuid", id));
        assertEquals(
                1,
                count(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type like '%risk-flag.raised%'",
                        id));
    }

    @Test
    void aRepeatedDecisionDecidesOnce() {
        String id = openIntake();
        String path = "/v1/intakes/" + id + "/decision";
        Map<String, String> body = Map.of("pathway", "coaching", "practitionerId", t.coach.subject());
        String first = create(t.coach, "decide-1", path, body);
        // The intake is decided now, yet the repeat gets the first answer rather than 409.
        assertEquals(first, create(t.coach, "decide-1", path, body));
        refused(t.coach, "decide-1", path, Map.of("pathway", "coaching"));
        assertEquals(1, count("select count(*) from decision where intake_id = ?::uuid", id));
        assertEquals(
                1,
                count(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type like '%intake.decided%'",
                        id));
    }

    @Test
    void aRepeatedPublicationPublishesOneVersion() {
        String path = "/v1/instruments/ONCE/versions";
        Map<String, Object> body = Map.of(
                "title",
                "Once",
                "items",
                List.of(Map.of("linkId", "1", "topic", "workload", "min", 0, "max", 4, "scored", true)),
                "bands",
                List.of(Map.of("min", 0, "max", 4, "severity", "low")));
        as(t.admin)
                .header("Idempotency-Key", "publish-1")
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .body("version", is(1));
        as(t.admin)
                .header("Idempotency-Key", "publish-1")
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/v1/instruments/ONCE?version=1"))
                .body("version", is(1));
        Map<String, Object> other = new java.util.HashMap<>(body);
        other.put("title", "Twice");
        refused(t.admin, "publish-1", path, other);
        assertEquals(1, count("select count(*) from tenant_instrument where tenant_id = ? and code = 'ONCE'", t.id));
    }
}
