package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralEffectTest {
    private final UUID referral = UUID.randomUUID();

    @Test
    void anAcceptedReferralPausesCoachingButAccompaniesIntegratedWork() {
        assertEquals(
                new ReferralEffect.Change("paused", referral),
                ReferralEffect.of("active", "coaching", null, referral, "accepted"));
        assertEquals(
                new ReferralEffect.Change("active", referral),
                ReferralEffect.of("active", "integrated", null, referral, "accepted"));
    }

    @Test
    void onlyTheEndOfThatReferralResumesTheEngagement() {
        assertEquals(
                new ReferralEffect.Change("active", null),
                ReferralEffect.of("paused", "coaching", referral, referral, "completed"));
        assertEquals(
                new ReferralEffect.Change("active", null),
                ReferralEffect.of("paused", "coaching", referral, referral, "declined"));
        assertNull(ReferralEffect.of("paused", "coaching", referral, UUID.randomUUID(), "completed"));
        assertEquals(
                new ReferralEffect.Change("active", null),
                ReferralEffect.of("active", "integrated", referral, referral, "completed"));
    }

    @Test
    void otherStepsAndOtherStatesChangeNothing() {
        assertNull(ReferralEffect.of("active", "coaching", null, referral, "sent"));
        assertNull(ReferralEffect.of("draft", "coaching", null, referral, "accepted"));
        assertNull(ReferralEffect.of("closed", "coaching", null, referral, "accepted"));
        assertNull(ReferralEffect.of("paused", "coaching", referral, UUID.randomUUID(), "accepted"));
    }
}
