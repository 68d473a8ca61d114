package org.praxis.session.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.TherapyReferrals;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.TestTenant;

/** referral.status-changed through Kafka: completed therapy referrals are recorded once, others not at all. */
@QuarkusTest
class TherapyReferralConsumersTest {
    private static final EmbeddedPostgres DB = EmbeddedPostgres.shared();
    private final TestTenant t = new TestTenant();

    private long recorded(String referral) {
        return DB.count(
                "select count(*) from completed_therapy_referral where tenant_id = ? and referral_id = ?::uuid",
                t.id,
                referral);
    }

    @Test
    void aCompletedTherapyReferralIsRecordedOnceHoweverOftenItArrives() {
        String referral = UUID.randomUUID().toString();
        String intake = UUID.randomUUID().toString();
        // Drafted by referral-service from the intake's therapy decision: the intake it names is the client's.
        String origin = "intake-decision";
        TherapyReferrals.status(t, referral, referral, "accepted", "counselling", null, intake, origin);
        TherapyReferrals.status(t, referral, referral, "completed", "counselling", null, intake, origin);
        TherapyReferrals.status(t, referral, referral, "completed", "counselling", null, intake, origin); // again
        DB.awaitCount(
                1,
                "select count(*) from completed_therapy_referral where tenant_id = ? and referral_id = ?::uuid"
                        + " and intake_id = ?::uuid and client_subject = ? and practitioner_id = ?"
                        + " and engagement_id is null",
                t.id,
                referral,
                intake,
                t.client.subject(),
                t.coach.subject());
        // A marker after them: once it is recorded, everything before it on the same key has been handled.
        String marker = UUID.randomUUID().toString();
        TherapyReferrals.status(t, referral, marker, "completed", "therapy", null, null);
        DB.awaitCount(
                1,
                "select count(*) from completed_therapy_referral where tenant_id = ? and referral_id = ?::uuid",
                t.id,
                marker);
        assertEquals(1, recorded(referral));
    }

    @Test
    void otherKindsAndOtherStepsAreNotRecorded() {
        String gp = UUID.randomUUID().toString();
        String accepted = UUID.randomUUID().toString();
        String psychiatry = UUID.randomUUID().toString();
        // One key, so the last (recorded) tells that the others were handled.
        TherapyReferrals.status(t, gp, gp, "completed", "gp", null, null);
        TherapyReferrals.status(t, gp, accepted, "accepted", "therapy", null, null);
        TherapyReferrals.status(t, gp, psychiatry, "completed", "psychiatry", null, null);
        DB.awaitCount(1, "select count(*) from completed_therapy_referral where tenant_id = ?", t.id);
        assertEquals(1, recorded(psychiatry));
        assertEquals(0, recorded(gp));
        assertEquals(0, recorded(accepted));
        // The accepted-only referral is nothing to start coaching from.
        as(t.coach)
                .body(Map.of("referralId", accepted))
                .when()
                .post("/v1/engagements/after-therapy")
                .then()
                .statusCode(404);
    }

    @Test
    void theClientsExportCarriesTheRecordAndTheirErasurePseudonymisesIt() {
        String referral = UUID.randomUUID().toString();
        TherapyReferrals.status(t, referral, "completed", "therapy", null, null);
        DB.awaitCount(1, "select count(*) from completed_therapy_referral where tenant_id = ?", t.id);
        TestTenant.export(t.admin, t.client.subject(), t.exportRequest(t.client.subject()))
                .statusCode(200)
                .body("completedTherapyReferrals[0].referralId", org.hamcrest.Matchers.is(referral))
                .body("completedTherapyReferrals[0].serviceKind", org.hamcrest.Matchers.is("therapy"));
        assertEquals(
                1,
                ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "session.events")
                        .size());
        assertEquals(1, recorded(referral));
        assertEquals(
                0,
                DB.count(
                        "select count(*) from completed_therapy_referral where tenant_id = ? and client_subject = ?",
                        t.id,
                        t.client.subject()));
    }
}
