package org.praxis.session.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * What the OpenAPI document promises is what the server sends: every property a response schema marks
 * required is in the answer and not null, in nested views too.
 */
@QuarkusTest
class DeclaredResponsesApiTest {
    private final TestTenant t = new TestTenant();
    private final List<String> missing = new ArrayList<>();
    private Map<String, Map<String, Object>> schemas;

    @SuppressWarnings("unchecked")
    private void holds(String schema, Object answer) {
        if (schemas == null) {
            schemas = given().queryParam("format", "json")
                    .when()
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("components.schemas");
        }
        Map<String, Object> declared = schemas.get(schema);
        Map<String, Object> body = (Map<String, Object>) answer;
        for (String field : (List<String>) declared.getOrDefault("required", List.of())) {
            if (body.get(field) == null) {
                missing.add(schema + "." + field);
            }
        }
        Map<String, Map<String, Object>> properties =
                (Map<String, Map<String, Object>>) declared.getOrDefault("properties", Map.of());
        properties.forEach((name, property) -> {
            Object value = body.get(name);
            if (value instanceof List<?> items && property.get("items") instanceof Map<?, ?> item) {
                items.forEach(i -> nested((Map<String, Object>) item, i));
            } else if (value != null) {
                nested(property, value);
            }
        });
    }

    private void nested(Map<String, Object> property, Object value) {
        if (property.get("$ref") instanceof String ref && value instanceof Map) {
            holds(ref.substring(ref.lastIndexOf('/') + 1), value);
        }
    }

    private Object post(Tokens who, String path, Map<String, Object> body, int status) {
        return as(who).body(body)
                .when()
                .post(path)
                .then()
                .statusCode(status)
                .extract()
                .as(Map.class);
    }

    private Object get(Tokens who, String path) {
        return as(who).when().get(path).then().statusCode(200).extract().as(Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRequiredFieldIsSent() {
        Map<String, Object> engagement = (Map<String, Object>) post(
                t.coach, "/v1/engagements", Map.of("clientSubject", t.client.subject(), "pathway", "coaching"), 201);
        holds("EngagementView", engagement);
        String id = "/v1/engagements/" + engagement.get("id");
        holds(
                "ContractView",
                post(
                        t.coach,
                        id + "/contracts",
                        Map.of(
                                "purpose",
                                "Clarity",
                                "parties",
                                List.of(
                                        Map.of("role", "client", "subject", t.client.subject(), "required", true),
                                        Map.of("role", "coach", "subject", t.coach.subject(), "required", true))),
                        201));
        holds("ContractView", post(t.client, id + "/contracts/1/acceptance", Map.of(), 200));
        holds("ContractView", post(t.coach, id + "/contracts/1/acceptance", Map.of(), 200));
        holds("ContractView", get(t.client, id + "/contracts/1"));
        holds("PageContractSummary", get(t.coach, id + "/contracts"));
        holds("EngagementView", get(t.client, id));

        Map<String, Object> goal = (Map<String, Object>) post(
                t.client,
                id + "/goals",
                Map.of(
                        "title",
                        "Delegate more",
                        "horizon",
                        "proximal",
                        "orientation",
                        "learning",
                        "direction",
                        "approach",
                        "milestones",
                        List.of(Map.of("title", "First handover"))),
                201);
        holds("GoalView", goal);
        holds("ProgressView", post(t.client, id + "/goals/" + goal.get("id") + "/progress", Map.of("rating", 5), 201));
        holds("PageGoalView", get(t.coach, id + "/goals"));
        holds("ActionView", post(t.client, id + "/actions", Map.of("title", "Hand over the report"), 201));

        Map<String, Object> note = (Map<String, Object>)
                post(t.coach, id + "/notes", Map.of("kind", "private", "body", "first thoughts"), 201);
        holds("NoteView", note);
        String noteId = id + "/notes/" + note.get("id");
        holds(
                "NoteSummary",
                as(t.coach)
                        .header("If-Match", "\"0\"")
                        .when()
                        .post(noteId + "/signature")
                        .then()
                        .statusCode(200)
                        .extract()
                        .as(Map.class));
        holds("AddendumView", post(t.coach, noteId + "/addenda", Map.of("body", "one more thing"), 201));
        holds("NoteView", get(t.coach, noteId));
        holds("RiskConcernView", post(t.coach, id + "/risk-concerns", Map.of("level", "low"), 201));

        String at = Instant.now().plus(2, ChronoUnit.DAYS).toString();
        holds(
                "SessionView",
                post(
                        t.coach,
                        id + "/sessions",
                        Map.of("scheduledAt", at, "durationMinutes", 50, "mode", "video"),
                        201));
        holds("PageSessionView", get(t.client, id + "/sessions"));
        holds("ReviewView", post(t.coach, id + "/reviews", Map.of("kind", "periodic"), 201));
        holds("PageReviewView", get(t.client, id + "/reviews"));

        assertEquals(List.of(), missing);
    }
}
