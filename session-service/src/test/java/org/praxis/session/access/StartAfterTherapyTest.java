package org.praxis.session.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.access.EngagementRelations;

/** Who may start coaching after a completed therapy referral of client c1 (issue 22: its client or practitioner). */
class StartAfterTherapyTest {
    static boolean may(String subject, String role, Set<String> supervisees, String coachInCharge) {
        Caller caller = new Caller(subject, "t1", Set.of(role), false);
        return new EngagementPolicy(new EngagementRelations(supervisees, id -> null))
                .canStartAfter(caller, "c1", coachInCharge);
    }

    @Test
    void itsClientTheCoachInChargeAndTheirSupervisor() {
        assertTrue(may("c1", Roles.CLIENT, Set.of(), "k1"));
        assertTrue(may("k1", Roles.COACH, Set.of(), "k1"));
        assertTrue(may("s1", Roles.SUPERVISOR, Set.of("k1"), "k1"));
    }

    @Test
    void anotherClientCoachOrSupervisorDoesNot() {
        assertFalse(may("c2", Roles.CLIENT, Set.of(), "k1"));
        assertFalse(may("k2", Roles.COACH, Set.of(), "k1"));
        assertFalse(may("s2", Roles.SUPERVISOR, Set.of("k2"), "k1"));
        assertFalse(may("k1", Roles.SPONSOR, Set.of(), "k1"), "a sponsor, even under the coach's subject");
    }

    @Test
    void aReferralNoCoachFollowedIsItsClientsAndAnySupervisors() {
        assertTrue(may("c1", Roles.CLIENT, Set.of(), null));
        assertTrue(may("s2", Roles.SUPERVISOR, Set.of(), null));
        assertFalse(may("k1", Roles.COACH, Set.of(), null));
        assertFalse(may("c2", Roles.CLIENT, Set.of(), null));
    }
}
