package org.praxis.referral.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.Tokens;

/**
 * A supervisor reaches the referrals of the coaches they supervise (and their own), and the risk queue: a referral
 * the serious-risk exception was asked for, or one drafted from a risk flag, until it is closed (DESIGN: a
 * supervisor the coaches they supervise; every supervisor the raised risks). Not another coach's routine referral,
 * with its client's name, contact and reasons.
 */
@QuarkusTest
class SupervisorReachApiTest {
    private final ReferralTenant t = new ReferralTenant().knownCaseloads(); // otherSupervisor supervises nobody

    /** The reads of a referral (its FHIR view once sent). */
    private void reaches(Tokens who, String referral, boolean reaches) {
        boolean sent = "sent"
                .equals(as(t.coach)
                        .when()
                        .get("/v1/referrals/" + referral)
                        .then()
                        .extract()
                        .path("status"));
        for (String read :
                sent ? List.of("", "/consents", "/history", "/fhir") : List.of("", "/consents", "/history")) {
            as(who).when().get("/v1/referrals/" + referral + read).then().statusCode(reaches ? 200 : 404);
        }
        as(who).when()
                .get("/v1/referrals")
                .then()
                .statusCode(200)
                .body("items.id", reaches ? hasItem(referral) : not(hasItem(referral)));
    }

    @Test
    void aSupervisorReachesTheirSuperviseesReferralsNotAnotherCoachs() {
        String service = t.therapyService();
        String routine = t.sent(service); // asked, agreed and sent: every read has something to show
        reaches(t.supervisor, routine, true);
        reaches(t.otherSupervisor, routine, false);
        as(t.otherSupervisor)
                .body(Map.of("reason", "Not theirs to call off"))
                .when()
                .post("/v1/referrals/" + routine + "/cancellation")
                .then()
                .statusCode(404);
        as(new ReferralTenant().supervisor)
                .when()
                .get("/v1/referrals/" + routine)
                .then()
                .statusCode(404);

        // Once assessment-service says another supervises the coach, the reach moves with it.
        SupervisionEvents.assign(t.id, t.coach.subject(), t.otherSupervisor.subject());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(t.otherSupervisor)
                        .when()
                        .get("/v1/referrals/" + routine)
                        .then()
                        .statusCode(200));
        reaches(t.otherSupervisor, routine, true);
        reaches(t.supervisor, routine, false);
    }

    @Test
    void aReferralAskedTheSeriousRiskExceptionIsEverySupervisorsUntilClosed() {
        String emergency = t.draft(t.therapyService(), "emergency", List.of("identity"));
        reaches(t.otherSupervisor, emergency, true); // an urgent draft is every supervisor's (DESIGN's risk queue)
        as(t.coach)
                .when()
                .post("/v1/referrals/" + emergency + "/consent-request")
                .then()
                .statusCode(200);
        reaches(t.otherSupervisor, emergency, false); // asked, no longer a draft: its coach's supervisors
        as(t.coach)
                .body(Map.of("justification", "Stated a plan to end their life tonight, and has the means"))
                .when()
                .post("/v1/referrals/" + emergency + "/risk-exception")
                .then()
                .statusCode(200);
        // Another supervisor than the coach's approves it, so every supervisor reaches it now.
        reaches(t.otherSupervisor, emergency, true);
        ReferralTenant.asApprover(t.otherSupervisor, emergency)
                .when()
                .post("/v1/referrals/" + emergency + "/risk-exception/approval")
                .then()
                .statusCode(200)
                .body("riskException.approvedBy", is(t.otherSupervisor.subject()));
        as(t.coach)
                .body(Map.of("reason", "Admitted to hospital tonight"))
                .when()
                .post("/v1/referrals/" + emergency + "/cancellation")
                .then()
                .statusCode(200);
        as(t.otherSupervisor).when().get("/v1/referrals/" + emergency).then().statusCode(404);
        as(t.supervisor).when().get("/v1/referrals/" + emergency).then().statusCode(200);
    }
}
