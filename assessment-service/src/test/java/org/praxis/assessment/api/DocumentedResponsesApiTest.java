package org.praxis.assessment.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;

/**
 * What the server answers is what the OpenAPI document declares: every property the document marks
 * required is there and not null, and every value of an enum is one of its values, through a
 * practitioner's whole record (generated clients reject an answer that breaks either).
 */
@QuarkusTest
class DocumentedResponsesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AssessmentTenant t = new AssessmentTenant();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();
    private final List<String> faults = new ArrayList<>();
    private JsonNode document;

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    /** Checks {@code answer} against the schema the document gives operation {@code method path} for its status. */
    private Response declared(String method, String path, Response answer) throws Exception {
        JsonNode response = document.path("paths")
                .path(path)
                .path(method)
                .path("responses")
                .path(Integer.toString(answer.statusCode()));
        JsonNode schema = response.path("content").path("application/json").path("schema");
        String where = method.toUpperCase() + " " + path + " " + answer.statusCode();
        if (schema.isMissingNode()) {
            faults.add(where + ": no schema declared");
        } else {
            conforms(where, schema, JSON.readTree(answer.asString()));
        }
        return answer;
    }

    private void conforms(String where, JsonNode schema, JsonNode value) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            conforms(where, document.path("components").path("schemas").path(name), value);
            return;
        }
        if (value == null || value.isNull()) {
            return;
        }
        if (schema.has("enum") && value.isTextual()) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            if (!values.contains(value.asText())) {
                faults.add(where + ": " + value + " is not one of " + values);
            }
        }
        if (value.isArray() && schema.has("items")) {
            value.forEach(v -> conforms(where + "[]", schema.get("items"), v));
        }
        if (value.isObject()) {
            schema.path("required").forEach(r -> {
                if (!value.hasNonNull(r.asText())) {
                    faults.add(where + ": required " + r.asText() + " is missing or null");
                }
            });
            schema.path("properties")
                    .properties()
                    .forEach(p -> conforms(where + "." + p.getKey(), p.getValue(), value.get(p.getKey())));
        }
    }

    @Test
    void aPractitionersWholeRecordIsAnsweredAsDocumented() throws Exception {
        document = JSON.readTree(RestAssured.given()
                .get("/q/openapi?format=json")
                .then()
                .extract()
                .asString());
        String id = "/v1/practitioners/{id}";
        t.supervised();
        declared("get", id, as(t.coach).get(path("")));
        declared("get", "/v1/practitioners", as(t.admin).get("/v1/practitioners"));
        String registration = declared(
                        "post",
                        id + "/registrations",
                        as(t.coach)
                                .body(Map.of(
                                        "kind", "therapy-register",
                                        "body", "Example Register",
                                        "number", "R-1",
                                        "expiresOn",
                                                LocalDate.now(ZoneOffset.UTC)
                                                        .plusDays(30)
                                                        .toString()))
                                .post(path("/registrations")))
                .path("id");
        declared(
                "post",
                id + "/registrations/{registrationId}/verification",
                as(t.admin)
                        .header("If-Match", AssessmentTenant.registrationETag(as(t.admin), path(""), registration))
                        .post(path("/registrations/" + registration + "/verification")));
        String evidence = declared(
                        "post",
                        id + "/evidence",
                        as(t.coach)
                                .body(Map.of("kind", "practice-hours", "occurredOn", today, "minutes", 60))
                                .post(path("/evidence")))
                .path("id");
        declared(
                "post",
                id + "/evidence/{evidenceId}/verification",
                as(t.supervisor).post(path("/evidence/" + evidence + "/verification")));
        declared("get", id + "/evidence", as(t.coach).get(path("/evidence")));
        declared(
                "post",
                id + "/supervision-sessions",
                as(t.supervisor)
                        .body(Map.of("heldOn", today, "durationMinutes", 60, "competences", List.of("D1.A2.2.9")))
                        .post(path("/supervision-sessions")));
        declared("get", id + "/supervision-sessions", as(t.coach).get(path("/supervision-sessions")));

        String assessment = declared(
                        "post", id + "/assessments", as(t.coach).body(Map.of()).post(path("/assessments")))
                .path("id");
        String cycle = "/v1/assessments/{id}";
        Map<String, String> rating = Map.of("competenceCode", "D1.A2.2.9", "level", "competent");
        declared(
                "post",
                cycle + "/self-ratings",
                as(t.coach).body(rating).post("/v1/assessments/" + assessment + "/self-ratings"));
        declared(
                "post",
                cycle + "/assessor-ratings",
                as(t.supervisor).body(rating).post("/v1/assessments/" + assessment + "/assessor-ratings"));
        declared("get", cycle, as(t.coach).get("/v1/assessments/" + assessment));
        declared("post", cycle + "/completion", as(t.supervisor).post("/v1/assessments/" + assessment + "/completion"));
        declared("get", id + "/assessments", as(t.coach).get(path("/assessments")));
        declared("get", id + "/profile", as(t.coach).get(path("/profile")));
        declared("get", id + "/eligibility", as(t.coach).get(path("/eligibility")));

        String action = declared(
                        "post",
                        id + "/development-actions",
                        as(t.coach)
                                .body(Map.of(
                                        "competenceCode", "D1.A2.2.9",
                                        "action", "Observe a peer",
                                        "dueOn",
                                                LocalDate.now(ZoneOffset.UTC)
                                                        .plusDays(7)
                                                        .toString()))
                                .post(path("/development-actions")))
                .path("id");
        declared(
                "post",
                id + "/development-actions/{actionId}/completion",
                as(t.coach).post(path("/development-actions/" + action + "/completion")));
        declared("get", id + "/development-actions", as(t.coach).get(path("/development-actions")));

        declared("get", "/v1/assessment-settings", as(t.admin).get("/v1/assessment-settings"));
        declared("get", "/v1/frameworks", as(t.coach).get("/v1/frameworks"));
        declared("get", "/v1/frameworks/{code}", as(t.coach).get("/v1/frameworks/praxis-coaching"));
        Response exported = declared(
                "get",
                "/v1/frameworks/{code}/versions/{version}/case",
                as(t.coach).get("/v1/frameworks/praxis-coaching/versions/1/case"));
        declared(
                "post",
                "/v1/frameworks/{code}/versions",
                as(t.admin).body(exported.asString()).post("/v1/frameworks/documented/versions"));
        assertTrue(faults.isEmpty(), String.join("\n", faults));
    }
}
