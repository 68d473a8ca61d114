package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ScratchDatabase;

/**
 * V22 and V24 on engagements written before them: when a closed engagement closed, and whether a paused
 * engagement's pause is its current referral's, both read from the audit of the moves.
 */
class EngagementMigrationsTest {
    @Test
    void aClosedEngagementClosedWhenItsMoveWasAuditedElseWhenItWasMade() {
        try (ScratchDatabase at = new ScratchDatabase()) {
            at.migrate("21");
            String audited = engagement(at, "closed", null);
            audit(at, audited, "move-to-closed", "coach-a", "2026-03-01 10:00:00+00");
            String unaudited = engagement(at, "closed", null);
            String open = engagement(at, "active", null);

            at.migrate("latest");

            assertEquals(1, at.count(where(audited, "closed_at = '2026-03-01 10:00:00+00'")));
            assertEquals(1, at.count(where(unaudited, "closed_at = created_at")));
            assertEquals(1, at.count(where(open, "closed_at is null")));
        }
    }

    @Test
    void aPauseIsTheTherapysWhenItsReferralMadeOrTookItOver() {
        try (ScratchDatabase at = new ScratchDatabase()) {
            at.migrate("23");
            String referral = UUID.randomUUID().toString();
            // The referral's own move: a system actor.
            String byReferral = engagement(at, "paused", referral);
            audit(at, byReferral, "move-to-paused", "system:session-service", "2026-03-01 10:00:00+00");
            // The pause that followed the draft's activation, in the same acceptance.
            String atActivation = engagement(at, "paused", referral);
            audit(at, atActivation, "move-to-active", "client-1", "2026-03-01 10:00:00.100+00");
            audit(at, atActivation, "move-to-paused", "client-1", "2026-03-01 10:00:00.200+00");
            // Paused for a holiday, then a referral accepted took the pause over.
            String takenOver = engagement(at, "paused", referral);
            audit(at, takenOver, "move-to-paused", "coach-a", "2026-03-01 10:00:00+00");
            audit(at, takenOver, "referral-accepted", "system:session-service", "2026-03-02 10:00:00+00");
            // Coaching beside therapy, then the client's pause granted: a person's, after the referral.
            String byPerson = engagement(at, "paused", referral);
            audit(at, byPerson, "referral-accepted", "system:session-service", "2026-03-01 10:00:00+00");
            audit(at, byPerson, "move-to-active", "coach-a", "2026-02-01 10:00:00+00");
            audit(at, byPerson, "move-to-paused", "supervisor-a", "2026-03-05 10:00:00+00");
            // No current referral, or not paused: never the therapy's.
            String noReferral = engagement(at, "paused", null);
            audit(at, noReferral, "move-to-paused", "system:session-service", "2026-03-01 10:00:00+00");
            String active = engagement(at, "active", referral);

            at.migrate("latest");

            for (String yes : new String[] {byReferral, atActivation, takenOver}) {
                assertEquals(1, at.count(where(yes, "paused_by_referral")), yes);
            }
            for (String no : new String[] {byPerson, noReferral, active}) {
                assertEquals(1, at.count(where(no, "not paused_by_referral")), no);
            }
        }
    }

    private static String where(String id, String condition) {
        return "select count(*) from engagement where id = '" + id + "' and " + condition;
    }

    private static String engagement(ScratchDatabase at, String status, String currentReferral) {
        String id = UUID.randomUUID().toString();
        at.execute("insert into engagement (id, tenant_id, client_subject, practitioner_id, pathway, status,"
                + " created_by, created_at, version, current_referral) values ('" + id
                + "', 't', 'client-1', 'coach-a', 'coaching', '" + status + "', 'coach-a', now(), 0, "
                + (currentReferral == null ? "null" : "'" + currentReferral + "'") + ")");
        return id;
    }

    private static void audit(ScratchDatabase at, String engagement, String action, String actor, String at_) {
        at.execute("insert into audit_event (id, tenant_id, actor, action, resource_type, resource_id, reason,"
                + " occurred_at) values ('" + UUID.randomUUID() + "', 't', '" + actor + "', '" + action
                + "', 'engagement', '" + engagement + "', null, '" + at_ + "')");
    }
}
