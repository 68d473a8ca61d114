package org.praxis.session.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.MonitoredEngagements;
import org.praxis.session.TherapyReferrals;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** Coaching after a completed therapy referral (issue 22): each role, another tenant, the tenant's policy. */
@QuarkusTest
class AfterTherapyApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String START = "/v1/engagements/after-therapy";
    private static final EmbeddedPostgres DB = EmbeddedPostgres.shared();

    private final TestTenant t = new TestTenant();

    /** A therapy referral of the tenant's client that completed, recorded by session-service; its id. */
    private String completed(String engagement, String intake) {
        return completed(engagement, intake, "manual");
    }

    private String completed(String engagement, String intake, String origin) {
        String referral = UUID.randomUUID().toString();
        TherapyReferrals.status(t, referral, referral, "completed", "therapy", engagement, intake, origin);
        DB.awaitCount(
                1,
                "select count(*) from completed_therapy_referral where tenant_id = ? and referral_id = ?::uuid",
                t.id,
                referral);
        return referral;
    }

    private static Map<String, Object> start(String referral, Tokens practitioner) {
        Map<String, Object> body = new HashMap<>(Map.of("referralId", referral));
        if (practitioner != null) {
            body.put("practitionerId", practitioner.subject());
        }
        return body;
    }

    private long startedAfter(String referral) {
        return DB.count(
                "select count(*) from engagement where tenant_id = ? and after_therapy_referral = ?::uuid",
                t.id,
                referral);
    }

    @Test
    void theClientStartsCoachingAfterTherapyWithTheCoachTheyNameAndItRunsItsUsualCourse() {
        String intake = UUID.randomUUID().toString(); // decided therapy: it never had an engagement
        String referral = completed(null, intake, "intake-decision");
        String id = as(t.client)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(start(referral, t.coach))
                .when()
                .post(START)
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("status", is("draft"))
                .body("clientSubject", is(t.client.subject()))
                .body("practitionerId", is(t.coach.subject()))
                .body("sourceIntakeId", is(intake))
                .body("afterTherapyReferral", is(referral))
                .body("pathway", nullValue()) // the client reads no pathway code
                .extract()
                .path("id");
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(200)
                .body("pathway", is("coaching"))
                .body("afterTherapyReferral", is(referral));
        // One engagement per referral, whoever asks again.
        as(t.coach)
                .body(start(referral, t.coach))
                .when()
                .post(START)
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        as(t.client).body(start(referral, t.coach)).when().post(START).then().statusCode(409);
        assertEquals(1, startedAfter(referral));
        MonitoredEngagements.activate(t, id);
        as(t.client).when().get("/v1/engagements/" + id).then().statusCode(200).body("status", is("active"));
        // intake-service moves the intake to the coach the client chose when it reads this.
        assertEquals(
                1,
                DB.count(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type ="
                                + " 'org.praxis.session.engagement.status-changed.v1' and payload->>'status' = 'active'"
                                + " and payload->>'sourceIntakeId' = ? and payload->>'practitionerId' = ?",
                        id,
                        intake,
                        t.coach.subject()));
    }

    @Test
    void aCoachForThemselvesAndASupervisorForASuperviseeWithTheMonitoringPlanDrafted() {
        String referral = completed(null, null);
        as(t.coach)
                .body(start(referral, t.otherCoach))
                .when()
                .post(START)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("practitionerId"));
        // The supervisor of the referral's coach, naming a coach they do not supervise.
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .body(start(referral, t.otherCoach))
                .when()
                .post(START)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        assertEquals(0, startedAfter(referral));
        SupervisionEvents.assign(t.id, t.otherCoach.subject(), t.supervisor.subject());
        Map<String, Object> body = start(referral, t.otherCoach);
        body.put("pathway", "coaching-with-monitoring");
        String id = as(t.supervisor)
                .body(body)
                .when()
                .post(START)
                .then()
                .statusCode(201)
                .body("practitionerId", is(t.otherCoach.subject()))
                .body("pathway", is("coaching-with-monitoring"))
                .extract()
                .path("id");
        as(t.otherCoach)
                .when()
                .get("/v1/engagements/" + id + "/monitoring-plan")
                .then()
                .statusCode(200);

        String another = completed(null, null);
        as(t.coach)
                .body(Map.of("referralId", another))
                .when()
                .post(START)
                .then()
                .statusCode(201)
                .body("practitionerId", is(t.coach.subject()));
    }

    @Test
    void anotherClientAnotherTenantAndOtherRolesStartNothing() {
        String referral = completed(null, null);
        as(t.otherClient)
                .body(start(referral, t.coach))
                .when()
                .post(START)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(TestTenant.another().coach)
                .body(Map.of("referralId", referral))
                .when()
                .post(START)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(TestTenant.another().client)
                .body(start(referral, t.coach))
                .when()
                .post(START)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(t.sponsor).body(start(referral, t.coach)).when().post(START).then().statusCode(403);
        as(t.admin).body(start(referral, t.coach)).when().post(START).then().statusCode(403);
        as(t.client)
                .body(Map.of("referralId", referral))
                .when()
                .post(START)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("practitionerId"));
        as(t.client)
                .body(Map.of("referralId", referral, "practitionerId", t.client.subject()))
                .when()
                .post(START)
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of("referralId", referral, "pathway", "therapy"))
                .when()
                .post(START)
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of("referralId", UUID.randomUUID().toString()))
                .when()
                .post(START)
                .then()
                .statusCode(404);
        assertEquals(0, startedAfter(referral));
    }

    @Test
    void anotherCoachAndASupervisorOfOthersLearnNothingOfAnotherCoachsReferral() {
        String referral = completed(null, null); // followed by t.coach
        SupervisionEvents.assign(t.id, t.otherCoach.subject(), t.otherSupervisor.subject());
        as(t.otherCoach)
                .body(Map.of("referralId", referral))
                .when()
                .post(START)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(t.otherSupervisor)
                .body(start(referral, t.otherCoach))
                .when()
                .post(START)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        assertEquals(0, startedAfter(referral));
        // Its client still may, naming whom they want.
        as(t.client)
                .body(start(referral, t.otherCoach))
                .when()
                .post(START)
                .then()
                .statusCode(201)
                .body("practitionerId", is(t.otherCoach.subject()));
    }

    @Test
    void afterAHandoverTheNewCoachStartsFromTheReferralAndTheOldOneCannot() {
        String intake = MonitoredEngagements.newIntake();
        String before = MonitoredEngagements.decided(t, intake, "coaching");
        String referral = completed(before, intake); // followed by t.coach
        // The engagement it came from is handed over (as HandoverApiTest's accepted handover leaves it).
        DB.execute(
                "update engagement set practitioner_id = '" + t.otherCoach.subject() + "' where id = '" + before + "'");
        as(t.coach)
                .body(Map.of("referralId", referral))
                .when()
                .post(START)
                .then()
                .statusCode(404);
        as(t.otherCoach)
                .body(Map.of("referralId", referral))
                .when()
                .post(START)
                .then()
                .statusCode(201)
                .body("practitionerId", is(t.otherCoach.subject()))
                .body("precedingEngagementId", is(before));
    }

    @Test
    void aReferralFromAnEngagementLinksItAndItsIntake() {
        String intake = MonitoredEngagements.newIntake();
        String before = MonitoredEngagements.decided(t, intake, "coaching");
        String referral = completed(before, intake);
        as(t.coach)
                .body(Map.of("referralId", referral))
                .when()
                .post(START)
                .then()
                .statusCode(201)
                .body("precedingEngagementId", is(before))
                .body("sourceIntakeId", is(intake));
        assertEquals(
                2,
                DB.count(
                        "select count(*) from engagement where tenant_id = ? and source_intake_id = ?::uuid",
                        t.id,
                        intake));
    }

    @Test
    void aManualReferralsIntakeIdIsNotTakenOnTrust() {
        // Another client's intake, followed by an engagement of theirs: its scores must not reach this client's.
        String theirs = MonitoredEngagements.newIntake();
        MonitoredEngagements.decided(t, theirs, "coaching", t.otherClient);
        String mine = MonitoredEngagements.newIntake();
        String before = MonitoredEngagements.decided(t, mine, "coaching");

        String fromEngagement = completed(before, theirs);
        as(t.coach)
                .body(Map.of("referralId", fromEngagement))
                .when()
                .post(START)
                .then()
                .statusCode(201)
                .body("sourceIntakeId", is(mine));

        String fromNowhere = completed(null, theirs);
        as(t.coach)
                .body(Map.of("referralId", fromNowhere))
                .when()
                .post(START)
                .then()
                .statusCode(201)
                .body("sourceIntakeId", nullValue());
        assertEquals(
                1,
                DB.count(
                        "select count(*) from engagement where tenant_id = ? and source_intake_id = ?::uuid",
                        t.id,
                        theirs));
    }

    @Test
    void aTenantThatWantsANewIntakeFirstIsToldSo() {
        String policy = "/v1/admin/after-therapy-policy";
        as(t.admin)
                .when()
                .get(policy)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("defaults", is(true))
                .body("newIntakeRequired", is(false));
        for (var refused : List.of(t.coach, t.client, t.supervisor, t.sponsor)) {
            as(refused).when().get(policy).then().statusCode(403);
            as(refused)
                    .header("If-Match", "\"0\"")
                    .body(Map.of("newIntakeRequired", true))
                    .when()
                    .put(policy)
                    .then()
                    .statusCode(403);
        }
        as(t.coach)
                .header("If-Match", "\"0\"")
                .body(Map.of("newIntakeRequired", true))
                .when()
                .put(policy)
                .then()
                .statusCode(403);
        as(t.admin)
                .body(Map.of("newIntakeRequired", true))
                .when()
                .put(policy)
                .then()
                .statusCode(428);
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(Map.of())
                .when()
                .put(policy)
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("newIntakeRequired", true))
                .when()
                .put(policy)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("newIntakeRequired", is(true))
                .body("defaults", is(false));
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("newIntakeRequired", false))
                .when()
                .put(policy)
                .then()
                .statusCode(412);
        as(TestTenant.another().admin).when().get(policy).then().body("newIntakeRequired", is(false));

        String referral = completed(null, null);
        as(t.client)
                .body(start(referral, t.coach))
                .when()
                .post(START)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("new intake"));
        assertEquals(0, startedAfter(referral));
    }
}
