package org.praxis.assessment.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/**
 * Every create takes an {@code Idempotency-Key}: the same key and body answer as the first did and
 * store one row; the same key with another body is refused (422) and stores nothing more.
 */
@QuarkusTest
class IdempotentCreatesApiTest {
    private final AssessmentTenant t = new AssessmentTenant();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void theCoachIsASupervisedPractitioner() {
        t.supervised();
    }

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    /** Posts {@code body} twice and {@code other} once with one key; {@code field} names what the create answers with. */
    private void createsOnce(Tokens who, String path, Object body, Object other, String field, String table) {
        String key = "retry-" + UUID.randomUUID();
        Object first = as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .extract()
                .path(field);
        as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body(field, is(first));
        as(who).header("Idempotency-Key", key)
                .body(other)
                .when()
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(
                1,
                EmbeddedPostgres.shared().count("select count(*) from " + table + " where tenant_id = ?", t.id),
                table);
    }

    @Test
    void anAssessmentIsOpenedOnce() {
        createsOnce(
                t.coach,
                path("/assessments"),
                Map.of(),
                Map.of("frameworkCode", "praxis-coaching", "frameworkVersion", 1),
                "id",
                "assessment");
    }

    @Test
    void evidenceIsRecordedOnce() {
        createsOnce(
                t.coach,
                path("/evidence"),
                Map.of("kind", "practice-hours", "occurredOn", today.toString(), "minutes", 60),
                Map.of("kind", "practice-hours", "occurredOn", today.toString(), "minutes", 90),
                "id",
                "evidence");
    }

    @Test
    void aRegistrationIsAddedOnce() {
        Map<String, Object> registration = Map.of(
                "kind",
                "coaching-body",
                "body",
                "Example Body",
                "number",
                "C-1",
                "expiresOn",
                today.plusYears(1).toString());
        Map<String, Object> other = Map.of(
                "kind",
                "coaching-body",
                "body",
                "Example Body",
                "number",
                "C-2",
                "expiresOn",
                today.plusYears(1).toString());
        createsOnce(t.coach, path("/registrations"), registration, other, "id", "registration");
    }

    @Test
    void aSupervisionSessionIsRecordedOnce() {
        createsOnce(
                t.coach,
                path("/supervision-sessions"),
                Map.of("heldOn", today.toString(), "durationMinutes", 60),
                Map.of("heldOn", today.toString(), "durationMinutes", 45),
                "id",
                "supervision_session");
    }

    @Test
    void aDevelopmentActionIsAddedOnce() {
        createsOnce(
                t.coach,
                path("/development-actions"),
                Map.of(
                        "competenceCode",
                        "D1.A2.2.9",
                        "action",
                        "Read on contracting",
                        "dueOn",
                        today.plusMonths(1).toString()),
                Map.of(
                        "competenceCode",
                        "D1.A2.2.9",
                        "action",
                        "Observe a peer",
                        "dueOn",
                        today.plusMonths(1).toString()),
                "id",
                "development_action");
    }

    @Test
    void aFrameworkVersionIsImportedOnce() {
        String exported = as(t.admin)
                .when()
                .get("/v1/frameworks/praxis-coaching/versions/1/case")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String retitled = exported.replace("\"title\":\"", "\"title\":\"Renamed ");
        createsOnce(
                t.admin, "/v1/frameworks/imported-once/versions", exported, retitled, "version", "framework_version");
    }
}
