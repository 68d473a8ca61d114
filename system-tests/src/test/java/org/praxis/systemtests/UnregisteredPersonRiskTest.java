package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/**
 * Issue 16, hole 7: a self-harm answer given before the person has an account (an intake a
 * practitioner opened with no client subject) still reaches referral-service as exactly one urgent
 * draft in the supervisors' queue, known by its intake; nothing is dead-lettered.
 */
@Order(1)
class UnregisteredPersonRiskTest extends SystemTest {

    private List<Map<String, Object>> riskDrafts() {
        return as(supervisor, REFERRAL)
                .when()
                .get("/v1/referrals?status=draft&origin=risk-flag")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    private String intakeWithoutAccount(Tokens by) {
        return as(by, INTAKE)
                .body(Map.of("displayName", "Sam (no account yet)", "presentingConcerns", "Low mood at work"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void selfHarmAnswerOpensOneUrgentDraft(Tokens practitioner) {
        String intake = intakeWithoutAccount(practitioner);
        as(practitioner, INTAKE)
                .body(phq9(1, 2, 1, 0, 0, 0, 0, 0, 2))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);

        eventually(() -> riskDrafts().size() >= 1);
        consumedToEnd(REFERRAL, "intake.events"); // redeliveries and retries had their chance to make a second draft
        List<Map<String, Object>> drafts = riskDrafts();
        assertEquals(1, drafts.size(), drafts.toString());
        Map<String, Object> draft = drafts.get(0);
        assertEquals("urgent", draft.get("urgency"));
        assertEquals(intake, draft.get("intakeId"));
        assertNull(draft.get("clientSubject"), "known by the intake until the person has an account");
        assertEquals("safety-concern", draft.get("reasonCode"));
        assertEquals(
                List.of(),
                TopicProbe.read(
                        "intake.events.dlq",
                        r -> r.value() != null && r.value().contains(intake),
                        f -> !f.isEmpty(),
                        Duration.ofSeconds(3)),
                "the flag is not dead-lettered");
    }

    @Test
    void aSelfHarmAnswerOnAnIntakeACoachOpenedWithoutAnAccountOpensOneUrgentDraft() {
        selfHarmAnswerOpensOneUrgentDraft(coach);
    }

    @Test
    void aSelfHarmAnswerOnAnIntakeASupervisorOpenedWithoutAnAccountOpensOneUrgentDraft() {
        selfHarmAnswerOpensOneUrgentDraft(supervisor);
    }
}
