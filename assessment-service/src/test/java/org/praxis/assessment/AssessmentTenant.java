package org.praxis.assessment.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.testsupport.Tokens;

/** A fresh tenant with a coach supervised by a supervisor, for the assessment tests. */
final class AssessmentTenant {
    final String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final Tokens admin = Tokens.anyone().tenant(id).roles("admin");
    final Tokens coach = Tokens.anyone().tenant(id).roles("coach");
    final Tokens otherCoach = Tokens.anyone().tenant(id).roles("coach");
    final Tokens supervisor = Tokens.anyone().tenant(id).roles("supervisor");
    final Tokens otherSupervisor = Tokens.anyone().tenant(id).roles("supervisor");
    final Tokens client = Tokens.anyone().tenant(id).roles("client");
    final Tokens sponsor = Tokens.anyone().tenant(id).roles("sponsor");

    static RequestSpecification as(Tokens who) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    }

    /** Records an export request for {@code subject} as the tenant's admin and returns its id. */
    String exportRequest(String subject) {
        return as(admin)
                .body(Map.of(
                        "subject",
                        subject,
                        "reason",
                        "The practitioner asked for a copy of their records",
                        "reference",
                        "DSAR-2026-17"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** {@code GET /v1/subjects/{subject}/export}, on {@code request} when it is not null. */
    ValidatableResponse export(Tokens who, String subject, String request) {
        RequestSpecification spec = given().header("Authorization", who.bearer());
        if (request != null) {
            spec = spec.queryParam("request", request);
        }
        return spec.when().get("/v1/subjects/" + subject + "/export").then();
    }

    /** The coach's profile, created by themselves, with the supervisor assigned by the admin. */
    AssessmentTenant supervised() {
        as(coach)
                .body(Map.of("displayName", "Casey Coach", "roles", List.of("coach", "therapist")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        String etag = as(admin)
                .when()
                .get("/v1/practitioners/" + coach.subject())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(admin)
                .header("If-Match", etag)
                .body(Map.of("supervisorId", supervisor.subject()))
                .when()
                .put("/v1/practitioners/" + coach.subject() + "/supervisor")
                .then()
                .statusCode(200);
        return this;
    }

    /** One practice hour and one supervision hour are enough in these tests. */
    void lowMinimums() {
        String etag = as(admin)
                .when()
                .get("/v1/assessment-settings")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(admin)
                .header("If-Match", etag)
                .body(Map.of(
                        "frameworkCode",
                        BuiltInFramework.CODE,
                        "frameworkVersion",
                        1,
                        "minPracticeHours",
                        1,
                        "minSupervisionHours",
                        1))
                .when()
                .put("/v1/assessment-settings")
                .then()
                .statusCode(200);
    }

    String openAssessment() {
        return as(coach)
                .body(Map.of())
                .when()
                .post("/v1/practitioners/" + coach.subject() + "/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    void rateAsAssessor(String assessment, List<String> codes, String level) {
        for (String code : codes) {
            as(supervisor)
                    .body(Map.of("competenceCode", code, "level", level))
                    .when()
                    .post("/v1/assessments/" + assessment + "/assessor-ratings")
                    .then()
                    .statusCode(200);
        }
    }
}
