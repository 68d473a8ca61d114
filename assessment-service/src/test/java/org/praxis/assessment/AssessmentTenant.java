package org.praxis.assessment;

import static org.praxis.testsupport.TestTenant.as;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** A fresh tenant ({@link TestTenant}) where the coach can be a practitioner supervised by the supervisor. */
public class AssessmentTenant extends TestTenant {
    /** The coach's profile, created by themselves. */
    public AssessmentTenant withProfile() {
        as(coach)
                .body(Map.of("displayName", "Casey Coach", "roles", List.of("coach", "therapist")))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        return this;
    }

    /** Practice hours {@code who} records for the coach today (unverified unless the supervisor records them): the evidence's id. */
    public String practiceHours(Tokens who, int minutes) {
        return as(who).body(Map.of(
                        "kind",
                        "practice-hours",
                        "occurredOn",
                        LocalDate.now(ZoneOffset.UTC).toString(),
                        "minutes",
                        minutes))
                .when()
                .post("/v1/practitioners/" + coach.subject() + "/evidence")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The coach's profile, created by themselves, with the supervisor assigned by the admin. */
    public AssessmentTenant supervised() {
        withProfile();
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

    /**
     * The If-Match an admin verifies a registration with: its version as the practitioner's profile shows it
     * ({@code reader} is the admin's request, {@code profile} the profile's path).
     */
    public static String registrationETag(
            io.restassured.specification.RequestSpecification reader, String profile, String registration) {
        Object version = reader.when()
                .get(profile)
                .then()
                .statusCode(200)
                .extract()
                .path("registrations.find { it.id == '" + registration + "' }.version");
        return "\"" + version + "\"";
    }

    /** One practice hour and one supervision hour are enough in these tests. */
    public void lowMinimums() {
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

    public String openAssessment() {
        return as(coach)
                .body(Map.of())
                .when()
                .post("/v1/practitioners/" + coach.subject() + "/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public void rateAsAssessor(String assessment, List<String> codes, String level) {
        for (String code : codes) {
            as(supervisor)
                    .body(Map.of("competenceCode", code, "level", level))
                    .when()
                    .post("/v1/assessments/" + assessment + "/assessor-ratings")
                    .then()
                    .statusCode(200);
        }
    }

    /** The supervisor rates one competence and completes the assessment, so another can be opened. */
    public void complete(String assessment, String code) {
        rateAsAssessor(assessment, List.of(code), "competent");
        as(supervisor)
                .when()
                .post("/v1/assessments/" + assessment + "/completion")
                .then()
                .statusCode(200);
    }
}
