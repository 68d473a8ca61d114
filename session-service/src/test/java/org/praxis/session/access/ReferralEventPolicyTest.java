package org.praxis.session.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.access.ReferralEventPolicy;
import org.praxis.session.domain.access.ReferralEventPolicy.Provenance;

class ReferralEventPolicyTest {
    final Engagement e = engagement();
    /** s1 supervises the practitioner k1; k0 handed the engagement over to k1. */
    final Set<String> supervisorsOfK = Set.of("s1", "k0");

    static Engagement engagement() {
        Engagement e = new Engagement();
        e.clientSubject = "c1";
        e.practitionerId = "k1";
        return e;
    }

    boolean may(Provenance p, boolean strict) {
        return ReferralEventPolicy.mayMove(e, UUID.randomUUID(), p, supervisorsOfK::contains, strict);
    }

    @Test
    void theEngagementsPractitionerOrTheirSupervisorMoveIt() {
        assertTrue(may(new Provenance("c1", "k1", "k1", "manual"), true));
        assertTrue(may(new Provenance("c1", "k1", "s1", "manual"), true));
        assertTrue(
                may(new Provenance("c1", "k1", null, null), true), "the responsible coach when the author is not said");
        assertTrue(
                may(new Provenance("c1", "k1", "k0", "manual"), true),
                "made by the coach who handed the engagement over");
    }

    @Test
    void anotherCoachOrAnotherClientDoesNot() {
        assertFalse(may(new Provenance("c1", "k2", "k2", "manual"), false));
        assertFalse(may(new Provenance("c2", "k1", "k1", "manual"), false), "a referral about another client");
        assertFalse(may(new Provenance(null, "k1", "k1", "manual"), false), "whose referral it is must be said");
        assertFalse(may(new Provenance("c1", "k2", "s2", "manual"), false), "a supervisor of someone else");
    }

    @Test
    void aRiskAboutTheClientMovesItWhoeverIsResponsible() {
        assertTrue(may(new Provenance("c1", null, "system:referral-service", "risk-flag"), true));
        assertTrue(may(new Provenance("c1", "k2", null, "risk-concern"), true));
        assertFalse(may(new Provenance("c2", null, null, "risk-concern"), false));
    }

    @Test
    void theReferralTheEngagementFollowsMovesItWhoeverAnswersForTheCoachNow() {
        UUID followed = UUID.randomUUID();
        e.currentReferral = followed;
        Provenance formerSupervisors = new Provenance("c1", "k1", "s0", "manual");
        assertTrue(ReferralEventPolicy.mayMove(e, followed, formerSupervisors, supervisorsOfK::contains, true));
        assertFalse(
                ReferralEventPolicy.mayMove(e, UUID.randomUUID(), formerSupervisors, supervisorsOfK::contains, true),
                "another referral of theirs");
        assertFalse(
                ReferralEventPolicy.mayMove(
                        e, followed, new Provenance("c2", "k1", "s0", "manual"), supervisorsOfK::contains, true),
                "the same id about another client");
    }

    @Test
    void anEventThatSaysNothingIsAppliedOnlyUntilProvenanceIsRequired() {
        assertTrue(may(new Provenance(null, null, null, null), false));
        assertFalse(may(new Provenance(null, null, null, null), true));
    }
}
