package org.praxis.assessment.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.assessment.domain.Practitioners;
import org.praxis.platform.web.Bounds;

/**
 * Issue 17: every input is bounded. A string, list or number beyond its bound is a 422 naming the
 * field, never echoing the value, and changes nothing; the bounds are declared in the OpenAPI document.
 */
@QuarkusTest
class BoundedInputsApiTest {
    private final AssessmentTenant t = new AssessmentTenant();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    /** A 422 problem that names {@code field} (or an element of it) and does not repeat {@code value}. */
    private static ValidatableResponse refused(ValidatableResponse response, String field, String value) {
        return refused(response, field).body(not(containsString(value)));
    }

    /** The same for a path or query parameter, which the problem's {@code instance} (the request's path) holds. */
    private static ValidatableResponse refused(ValidatableResponse response, String field) {
        return response.statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(startsWith(field)));
    }

    @Test
    void anOverLongProfileIsRefusedNamingTheFieldAndChangesNothing() {
        String name = "N".repeat(Bounds.NAME + 1);
        refused(
                as(t.coach)
                        .body(Map.of("displayName", name))
                        .when()
                        .post("/v1/practitioners")
                        .then(),
                "displayName",
                name);
        as(t.admin).when().get(path("")).then().statusCode(404);

        t.supervised();
        String etag = as(t.coach)
                .when()
                .get(path(""))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        refused(
                as(t.coach)
                        .header("If-Match", etag)
                        .body(Map.of("displayName", name))
                        .when()
                        .put(path(""))
                        .then(),
                "displayName",
                name);
        String role = "r".repeat(Bounds.CODE + 1);
        refused(
                as(t.coach)
                        .header("If-Match", etag)
                        .body(Map.of("displayName", "Casey", "roles", List.of(role)))
                        .when()
                        .put(path(""))
                        .then(),
                "roles",
                role);
        as(t.coach)
                .header("If-Match", etag)
                .body(Map.of(
                        "displayName", "Casey", "roles", Collections.nCopies(Practitioners.MAX_ROLES + 1, "coach")))
                .when()
                .put(path(""))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("roles"));
        as(t.coach).when().get(path("")).then().header("ETag", is(etag)).body("displayName", is("Casey Coach"));

        String subject = "s".repeat(Bounds.SUBJECT + 1);
        refused(as(t.admin).when().get("/v1/practitioners/" + subject).then(), "id");
        refused(
                as(t.admin)
                        .header("If-Match", etag)
                        .body(Map.of("supervisorId", subject))
                        .when()
                        .put(path("/supervisor"))
                        .then(),
                "supervisorId",
                subject);
        as(t.admin).when().get(path("")).then().body("supervisorId", is(t.supervisor.subject()));
    }

    @Test
    void overLongRecordsAreRefusedNamingTheFieldAndNothingIsRecorded() {
        t.supervised();
        String note = "n".repeat(AssessmentBounds.NOTE + 1);
        String code = "D".repeat(Bounds.CODE + 1);
        refused(
                as(t.coach)
                        .body(Map.of("kind", "reflective-log", "occurredOn", today, "description", note))
                        .when()
                        .post(path("/evidence"))
                        .then(),
                "description",
                note);
        refused(
                as(t.coach)
                        .body(Map.of("kind", "reflective-log", "occurredOn", today, "competences", List.of(code)))
                        .when()
                        .post(path("/evidence"))
                        .then(),
                "competences",
                code);
        as(t.coach)
                .body(Map.of(
                        "kind",
                        "reflective-log",
                        "occurredOn",
                        today,
                        "competences",
                        Collections.nCopies(Bounds.LIST + 1, "D1.A1.1.1")))
                .when()
                .post(path("/evidence"))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("competences"));
        String url = "https://files.example/" + "u".repeat(Bounds.URI);
        refused(
                as(t.coach)
                        .body(Map.of("kind", "cpd", "occurredOn", today, "attachments", List.of(Map.of("url", url))))
                        .when()
                        .post(path("/evidence"))
                        .then(),
                "attachments",
                url);
        refused(as(t.coach).when().get(path("/evidence?kind=" + code)).then(), "kind");
        as(t.coach).when().get(path("/evidence")).then().statusCode(200).body("items", empty());

        refused(
                as(t.coach)
                        .body(Map.of("heldOn", today, "durationMinutes", 60, "notes", note))
                        .when()
                        .post(path("/supervision-sessions"))
                        .then(),
                "notes",
                note);
        as(t.coach)
                .when()
                .get(path("/supervision-sessions"))
                .then()
                .body("items", empty())
                .body("totalMinutes", is(0));

        String number = "9".repeat(AssessmentBounds.REGISTRATION_NUMBER + 1);
        refused(
                as(t.coach)
                        .body(Map.of(
                                "kind",
                                "therapy-register",
                                "body",
                                "Example Register",
                                "number",
                                number,
                                "expiresOn",
                                "2030-01-01"))
                        .when()
                        .post(path("/registrations"))
                        .then(),
                "number",
                number);
        as(t.coach).when().get(path("")).then().body("registrations", empty());

        String a = t.openAssessment();
        refused(
                as(t.coach)
                        .body(Map.of("competenceCode", "D1.A1.1.1", "level", "competent", "comment", note))
                        .when()
                        .post("/v1/assessments/" + a + "/self-ratings")
                        .then(),
                "comment",
                note);
        refused(
                as(t.coach)
                        .body(Map.of("competenceCode", code, "level", "competent"))
                        .when()
                        .post("/v1/assessments/" + a + "/self-ratings")
                        .then(),
                "competenceCode",
                code);
        as(t.coach).when().get("/v1/assessments/" + a).then().statusCode(200).body("ratings", empty());

        String action = "a".repeat(Bounds.REASON + 1);
        refused(
                as(t.coach)
                        .body(Map.of("competenceCode", "D1.A1.1.1", "action", action, "dueOn", today))
                        .when()
                        .post(path("/development-actions"))
                        .then(),
                "action",
                action);
        as(t.coach)
                .when()
                .get(path("/development-actions"))
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void aDateBeyondTheCalendarIsRefusedNamingTheFieldAndNothingIsRecorded() {
        t.withProfile();
        for (String date : List.of("+9999999-12-31", "-0001-01-01", "+10000-01-01")) {
            as(t.coach)
                    .body(Map.of("kind", "other", "body", "Example Register", "number", "1", "expiresOn", date))
                    .when()
                    .post(path("/registrations"))
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("expiresOn"));
            as(t.coach)
                    .body(Map.of("competenceCode", "D1.A1.1.1", "action", "Read up", "dueOn", date))
                    .when()
                    .post(path("/development-actions"))
                    .then()
                    .statusCode(400)
                    .body("detail", containsString("dueOn"));
            for (String period : List.of("from", "to")) {
                refused(
                        as(t.coach)
                                .queryParam(period, date)
                                .when()
                                .get(path("/supervision-sessions"))
                                .then(),
                        period);
            }
        }
        as(t.coach).when().get(path("")).then().body("registrations", empty());
        as(t.coach).when().get(path("/development-actions")).then().body("items", empty());
    }

    @Test
    void settingsAndFrameworkParametersAreBounded() {
        String code = "c".repeat(Bounds.CODE + 1);
        String etag = as(t.admin)
                .when()
                .get("/v1/assessment-settings")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        refused(
                as(t.admin)
                        .header("If-Match", etag)
                        .body(Map.of(
                                "frameworkCode",
                                code,
                                "frameworkVersion",
                                1,
                                "minPracticeHours",
                                1,
                                "minSupervisionHours",
                                1))
                        .when()
                        .put("/v1/assessment-settings")
                        .then(),
                "frameworkCode",
                code);
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of(
                        "frameworkCode",
                        "praxis-coaching",
                        "frameworkVersion",
                        1,
                        "minPracticeHours",
                        AssessmentBounds.MAX_HOURS + 1,
                        "minSupervisionHours",
                        1))
                .when()
                .put("/v1/assessment-settings")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("minPracticeHours"));
        as(t.admin)
                .when()
                .get("/v1/assessment-settings")
                .then()
                .header("ETag", is(etag))
                .body("defaults", is(true));

        refused(as(t.coach).when().get("/v1/frameworks/" + code).then(), "code");
        as(t.coach)
                .when()
                .get("/v1/frameworks/praxis-coaching?version=0")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("version"));
        refused(
                as(t.admin)
                        .body("{}")
                        .when()
                        .post("/v1/frameworks/" + code + "/versions")
                        .then(),
                "code");
    }

    @Test
    void aPractitionerKeepsABoundedNumberOfRegistrations() {
        t.withProfile();
        Map<String, String> registration = Map.of(
                "kind",
                "coaching-body",
                "body",
                "Example Body",
                "number",
                "C-1",
                "expiresOn",
                LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        for (int i = 0; i < Practitioners.MAX_REGISTRATIONS; i++) {
            as(t.coach)
                    .body(registration)
                    .when()
                    .post(path("/registrations"))
                    .then()
                    .statusCode(201);
        }
        as(t.coach)
                .body(registration)
                .when()
                .post(path("/registrations"))
                .then()
                .statusCode(422);
        as(t.coach).when().get(path("")).then().body("registrations", hasSize(Practitioners.MAX_REGISTRATIONS));
    }

    @Test
    void theBoundsAreDeclaredInTheOpenApiDocument() {
        var doc = RestAssured.given()
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(Bounds.NAME, doc.getInt("components.schemas.ProfileRequest.properties.displayName.maxLength"));
        assertEquals(Bounds.CODE, doc.getInt("components.schemas.ProfileRequest.properties.roles.items.maxLength"));
        assertEquals(
                AssessmentBounds.NOTE,
                doc.getInt("components.schemas.EvidenceRequest.properties.description.maxLength"));
        assertEquals(
                AssessmentBounds.NOTE, doc.getInt("components.schemas.EvidenceView.properties.description.maxLength"));
        assertEquals(Bounds.LIST, doc.getInt("components.schemas.EvidenceView.properties.competences.maxItems"));
        assertEquals(
                Practitioners.MAX_REGISTRATIONS,
                doc.getInt("components.schemas.PractitionerView.properties.registrations.maxItems"));
        assertEquals(
                Bounds.SUBJECT,
                doc.getInt("paths.'/v1/practitioners/{id}'.get.parameters.find { it.name == 'id' }.schema.maxLength"));
        assertEquals(
                Bounds.CODE,
                doc.getInt("paths.'/v1/frameworks/{code}'.get.parameters.find { it.name == 'code' }.schema.maxLength"));
    }
}
