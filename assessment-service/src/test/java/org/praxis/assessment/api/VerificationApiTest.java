package org.praxis.assessment.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.assessment.domain.CompetenceFramework;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.Tokens;

/**
 * Issue 16, hole 6: eligibility rests on verified facts. Practice hours, supervision sessions and
 * therapy registrations a practitioner types in count only once their supervisor (registrations: an
 * admin) has verified them; entries have sane bounds.
 */
@QuarkusTest
class VerificationApiTest {
    private final AssessmentTenant t = new AssessmentTenant();
    private final List<String> d1 = BuiltInFramework.framework().competencesOf("D1").stream()
            .map(CompetenceFramework.Item::code)
            .toList();
    private final List<String> d2 = BuiltInFramework.framework().competencesOf("D2").stream()
            .map(CompetenceFramework.Item::code)
            .toList();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();
    private final String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    @BeforeEach
    void supervisedCoach() {
        t.supervised();
    }

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    /** Every competence rated competent by the supervisor, so only hours and the registration decide. */
    private void assessedCompetent() {
        String a = t.openAssessment();
        t.rateAsAssessor(a, d1, "competent");
        t.rateAsAssessor(a, d2, "competent");
        as(t.supervisor)
                .when()
                .post("/v1/assessments/" + a + "/completion")
                .then()
                .statusCode(200);
    }

    private String supervision(Tokens who, int minutes) {
        return as(who).body(Map.of("heldOn", today, "durationMinutes", minutes))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String registration() {
        return as(t.coach)
                .body(Map.of(
                        "kind",
                        "therapy-register",
                        "body",
                        "Example Register",
                        "number",
                        "R-77",
                        "expiresOn",
                        LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()))
                .when()
                .post(path("/registrations"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void typedInFactsCountOnlyOnceVerifiedAndVerificationIsRecordedAndAudited() {
        t.lowMinimums();
        assessedCompetent();
        String hours = t.practiceHours(t.coach, 60);
        String session = supervision(t.coach, 60);
        String registration = registration();

        // Typed in, not verified: nothing counts.
        as(t.coach)
                .when()
                .get(path("/eligibility"))
                .then()
                .statusCode(200)
                .body("eligibilities", empty())
                .body("requirements[1].detail", startsWith("0 of 1"))
                .body("requirements[2].detail", startsWith("0 of 1"));
        as(t.coach).when().get(path("/evidence")).then().body("items[0].verifiedBy", nullValue());
        as(t.supervisor).when().get(path("/evidence?verified=false")).then().body("items.id", contains(hours));
        as(t.supervisor).when().get(path("/evidence?verified=true")).then().body("items", empty());

        // The supervisor verifies the hours, then the session: core coaching, not yet integrated practice.
        as(t.supervisor)
                .when()
                .post(path("/evidence/" + hours + "/verification"))
                .then()
                .statusCode(200)
                .body("verifiedBy", is(t.supervisor.subject()))
                .body("verifiedAt", notNullValue());
        as(t.coach)
                .when()
                .get(path("/eligibility"))
                .then()
                .body("eligibilities", empty())
                .body("requirements[1].detail", startsWith("1 of 1"));
        as(t.supervisor)
                .when()
                .post(path("/supervision-sessions/" + session + "/verification"))
                .then()
                .statusCode(200)
                .body("verifiedBy", is(t.supervisor.subject()));
        as(t.coach).when().get(path("/eligibility")).then().body("eligibilities", contains("core-coaching"));

        // An admin verifies the therapy registration: integrated practice.
        as(t.admin)
                .header("If-Match", AssessmentTenant.registrationETag(as(t.admin), path(""), registration))
                .when()
                .post(path("/registrations/" + registration + "/verification"))
                .then()
                .statusCode(200)
                .body("verifiedBy", is(t.admin.subject()))
                .body("current", is(true));
        as(t.coach)
                .when()
                .get(path("/eligibility"))
                .then()
                .body("eligibilities", contains("core-coaching", "integrated-practice"));
        as(t.supervisor).when().get(path("/evidence?verified=false")).then().body("items", empty());

        // Verifying twice is a conflict; who verified stays recorded, and each verification is audited.
        as(t.supervisor)
                .when()
                .post(path("/evidence/" + hours + "/verification"))
                .then()
                .statusCode(409);
        as(t.coach).when().get(path("/evidence")).then().body("items[0].verifiedBy", is(t.supervisor.subject()));
        as(t.admin)
                .when()
                .get("/v1/audit-events?resourceType=evidence&resourceId=" + hours)
                .then()
                .statusCode(200)
                .body("items.action", hasItem("verify"))
                .body("items.actor", hasItem(t.supervisor.subject()));
        as(t.admin)
                .when()
                .get("/v1/audit-events?resourceType=supervision-session&resourceId=" + session)
                .then()
                .body("items.action", hasItem("verify"));
        as(t.admin)
                .when()
                .get("/v1/audit-events?resourceType=registration&resourceId=" + registration)
                .then()
                .body("items.action", hasItem("verify"));

        // Changing a verified registration voids its verification until an admin verifies it again.
        String version = as(t.coach)
                .when()
                .get("/v1/practitioners/" + t.coach.subject())
                .then()
                .extract()
                .path("registrations[0].version")
                .toString();
        as(t.coach)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of(
                        "kind",
                        "therapy-register",
                        "body",
                        "Example Register",
                        "number",
                        "R-78",
                        "expiresOn",
                        LocalDate.now(ZoneOffset.UTC).plusYears(2).toString()))
                .when()
                .put(path("/registrations/" + registration))
                .then()
                .statusCode(200)
                .body("verifiedBy", nullValue());
        as(t.coach).when().get(path("/eligibility")).then().body("eligibilities", contains("core-coaching"));

        // An admin verifies what they read: the version read before the change is refused, and none at all.
        String verification = path("/registrations/" + registration + "/verification");
        as(t.admin).when().post(verification).then().statusCode(428);
        as(t.admin)
                .header("If-Match", "\"" + version + "\"")
                .when()
                .post(verification)
                .then()
                .statusCode(412)
                .contentType(startsWith("application/problem+json"));
        as(t.coach).when().get(path("/eligibility")).then().body("eligibilities", contains("core-coaching"));
        as(t.admin)
                .header("If-Match", AssessmentTenant.registrationETag(as(t.admin), path(""), registration))
                .when()
                .post(verification)
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("number", is("R-78"))
                .body("verifiedBy", is(t.admin.subject()));
        as(t.coach)
                .when()
                .get(path("/eligibility"))
                .then()
                .body("eligibilities", contains("core-coaching", "integrated-practice"));
    }

    @Test
    void entriesAreBoundedAndARefusedEntryChangesNothing() {
        t.practiceHours(t.coach, 60);
        for (int minutes : List.of(100000, 721, 0, -5)) {
            as(t.coach)
                    .body(Map.of("kind", "practice-hours", "occurredOn", today, "minutes", minutes))
                    .when()
                    .post(path("/evidence"))
                    .then()
                    .statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem("minutes"));
        }
        as(t.coach)
                .body(Map.of(
                        "kind",
                        "practice-hours",
                        "occurredOn",
                        LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(),
                        "minutes",
                        60))
                .when()
                .post(path("/evidence"))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("occurredOn"));
        // One day holds at most 12 hours of practice, all its entries together: 60 + 660 fit, one minute more not.
        t.practiceHours(t.coach, 660);
        as(t.coach)
                .body(Map.of("kind", "practice-hours", "occurredOn", today, "minutes", 1))
                .when()
                .post(path("/evidence"))
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("minutes"));
        as(t.coach)
                .when()
                .get(path("/evidence"))
                .then()
                .body("items", hasSize(2))
                .body("items.minutes", org.hamcrest.Matchers.containsInAnyOrder(60, 660));

        for (int minutes : List.of(100000, 481, 0)) {
            as(t.coach)
                    .body(Map.of("heldOn", today, "durationMinutes", minutes))
                    .when()
                    .post(path("/supervision-sessions"))
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem("durationMinutes"));
        }
        as(t.coach)
                .body(Map.of("heldOn", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(), "durationMinutes", 60))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("heldOn"));
        as(t.coach)
                .when()
                .get(path("/supervision-sessions"))
                .then()
                .body("items", empty())
                .body("totalMinutes", is(0));

        // The bounds are in the OpenAPI document.
        io.restassured.RestAssured.given()
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.schemas.EvidenceRequest.properties.minutes.maximum", is(720))
                .body("components.schemas.EvidenceRequest.properties.minutes.minimum", is(1))
                .body("components.schemas.SupervisionRequest.properties.durationMinutes.maximum", is(480));
    }

    @Test
    void evidenceAndSupervisionAreVerifiedByTheSupervisorOnlyAndRegistrationsByAnAdmin() {
        String hours = t.practiceHours(t.coach, 30);
        String session = supervision(t.coach, 30);
        String registration = registration();
        AssessmentTenant other = new AssessmentTenant();
        Tokens sameSubjectElsewhere =
                Tokens.of(t.supervisor.subject()).tenant(other.id).roles("supervisor");
        Tokens adminElsewhere = Tokens.of(t.admin.subject()).tenant(other.id).roles("admin");

        for (String kind : List.of("/evidence/" + hours, "/supervision-sessions/" + session)) {
            String url = path(kind + "/verification");
            as(t.coach).when().post(url).then().statusCode(403); // their own entry
            as(t.otherCoach).when().post(url).then().statusCode(403); // no coach verifies (role gate)
            as(t.otherSupervisor).when().post(url).then().statusCode(404); // not their supervisee
            as(t.admin).when().post(url).then().statusCode(403);
            as(t.client).when().post(url).then().statusCode(403);
            as(t.sponsor).when().post(url).then().statusCode(403);
            as(other.supervisor).when().post(url).then().statusCode(404);
            as(sameSubjectElsewhere).when().post(url).then().statusCode(404);
            as(t.supervisor)
                    .when()
                    .post(path(kind.substring(0, kind.lastIndexOf('/') + 1) + java.util.UUID.randomUUID()
                            + "/verification"))
                    .then()
                    .statusCode(404);
            as(t.supervisor).when().post(url).then().statusCode(200);
        }

        String url = path("/registrations/" + registration + "/verification");
        as(t.coach).when().post(url).then().statusCode(403);
        as(t.otherCoach).when().post(url).then().statusCode(403);
        as(t.supervisor).when().post(url).then().statusCode(403);
        as(t.client).when().post(url).then().statusCode(403);
        as(t.sponsor).when().post(url).then().statusCode(403);
        as(other.admin).when().post(url).then().statusCode(404);
        as(adminElsewhere).when().post(url).then().statusCode(404);
        as(t.admin)
                .when()
                .post(path("/registrations/" + java.util.UUID.randomUUID() + "/verification"))
                .then()
                .statusCode(404);
        as(t.admin)
                .header("If-Match", AssessmentTenant.registrationETag(as(t.admin), path(""), registration))
                .when()
                .post(url)
                .then()
                .statusCode(200);

        // A session the supervisor records is verified by them at once; hours from session.completed need no one.
        as(t.supervisor)
                .body(Map.of("heldOn", yesterday, "durationMinutes", 45))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(201)
                .body("verifiedBy", is(t.supervisor.subject()));
    }

    @Test
    void oneMeetingCountsOnceAndADayHoldsAtMostEightHours() {
        String theirs = supervision(t.coach, 60);
        // The supervisor recording the same day again would count the meeting twice: they verify the entry instead.
        as(t.supervisor)
                .body(Map.of("heldOn", today, "durationMinutes", 60))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(t.supervisor)
                .when()
                .post(path("/supervision-sessions/" + theirs + "/verification"))
                .then()
                .statusCode(200);
        // A second session of the same side on that day is theirs to record; past eight hours in a day, refused.
        supervision(t.coach, 400);
        as(t.coach)
                .body(Map.of("heldOn", today, "durationMinutes", 30))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("durationMinutes"));
        // The other way round: what the supervisor recorded (and so verified) is not recorded by the supervisee.
        as(t.supervisor)
                .body(Map.of("heldOn", yesterday, "durationMinutes", 480))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(201);
        as(t.coach)
                .body(Map.of("heldOn", yesterday, "durationMinutes", 60))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(409);
        as(t.coach)
                .when()
                .get(path("/supervision-sessions"))
                .then()
                .statusCode(200)
                .body("items.size()", is(3))
                .body("totalMinutes", is(940))
                .body("verifiedMinutes", is(540));
    }

    @Test
    void theSupervisorWhoHeldASessionVerifiesItNotTheOneWhoSupervisesNow() {
        String session = supervision(t.coach, 60);
        String etag = as(t.admin).when().get(path("")).then().extract().header("ETag");
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("supervisorId", t.otherSupervisor.subject()))
                .when()
                .put(path("/supervisor"))
                .then()
                .statusCode(200);
        // The supervisor who held it finds it (and only what they held); one who held nothing finds nothing.
        as(t.supervisor)
                .when()
                .get(path("/supervision-sessions"))
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(session))
                .body("totalMinutes", is(60));
        as(t.user("supervisor"))
                .when()
                .get(path("/supervision-sessions"))
                .then()
                .statusCode(404);
        String verify = path("/supervision-sessions/" + session + "/verification");
        // The new supervisor reads it (their supervisee's) but did not hold it.
        as(t.otherSupervisor).when().get(path("/supervision-sessions")).then().body("items.id", hasItem(session));
        as(t.otherSupervisor).when().post(verify).then().statusCode(403);
        as(t.supervisor).when().post(verify).then().statusCode(200).body("verifiedBy", is(t.supervisor.subject()));
    }

    @Test
    void aVerifierErasedKeepsTheirVerificationsUnderAPseudonym() {
        String hours = t.practiceHours(t.coach, 30);
        as(t.supervisor)
                .when()
                .post(path("/evidence/" + hours + "/verification"))
                .then()
                .statusCode(200);
        assertEquals(
                1,
                ErasureRequests.erase(t.id, t.supervisor.subject(), "assessment.events")
                        .size());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> org.praxis.testsupport.EmbeddedPostgres.shared()
                                .count(
                                        "select count(*) from evidence where tenant_id = ?"
                                                + " and verified_by like 'erased-%' and verified_at is not null",
                                        t.id)
                        == 1);
        org.junit.jupiter.api.Assertions.assertEquals(
                0,
                org.praxis.testsupport.EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from evidence where tenant_id = ? and verified_by = ?",
                                t.id,
                                t.supervisor.subject()));
    }
}
