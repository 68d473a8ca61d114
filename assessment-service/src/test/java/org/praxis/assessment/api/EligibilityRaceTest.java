package org.praxis.assessment.api;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.assessment.domain.CompetenceFramework;
import org.praxis.testsupport.CommitHold;
import org.praxis.testsupport.TopicProbe;

/**
 * Two changes at once that only together meet a requirement: each transaction alone falls short, so unless the
 * second waits for the first, neither stores nor publishes the eligibility both add up to.
 */
@QuarkusTest
class EligibilityRaceTest {
    private final AssessmentTenant t = new AssessmentTenant();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    private void verify(String evidence) {
        as(t.supervisor)
                .when()
                .post(path("/evidence/" + evidence + "/verification"))
                .then()
                .statusCode(200);
    }

    @Test
    void twoVerificationsAtOnceThatTogetherMeetTheHoursPublishTheEligibilityOnce() throws Exception {
        t.supervised();
        t.lowMinimums(); // an hour of practice, an hour of supervision
        as(t.supervisor)
                .body(Map.of("heldOn", today, "durationMinutes", 60))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(201);
        String assessment = t.openAssessment();
        t.rateAsAssessor(
                assessment,
                BuiltInFramework.framework().competencesOf("D1").stream()
                        .map(CompetenceFramework.Item::code)
                        .toList(),
                "competent");
        as(t.supervisor)
                .when()
                .post("/v1/assessments/" + assessment + "/completion")
                .then()
                .statusCode(200);
        String first = t.practiceHours(t.coach, 30);
        String second = t.practiceHours(t.coach, 30);

        // The first verification is held at its commit (it has decided, not committed); the second must wait
        // for it, else it decides on what it sees without the first's hour.
        try (CommitHold hold =
                CommitHold.on("update", "evidence", "new.id = '" + first + "'::uuid and new.verified_at is not null")) {
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> verify(first));
            hold.awaitHeld();
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> verify(second));
            hold.awaitWaitingForIt(1);
            hold.release();
            held.get();
            waiting.get();
        }

        as(t.coach).when().get(path("/eligibility")).then().body("eligibilities", contains("core-coaching"));
        assertEquals(
                1,
                TopicProbe.read(
                                "assessment.events",
                                r -> t.coach.subject().equals(r.key())
                                        && "org.praxis.assessment.eligibility.changed.v1"
                                                .equals(TopicProbe.header(r, "ce_type")),
                                found -> found.size() > 1,
                                Duration.ofSeconds(10))
                        .size(),
                "the eligibility both verifications add up to is published, once");
    }
}
