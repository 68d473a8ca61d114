package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ScratchDatabase;

/** V18 on audit rows written before it: scores' movements, instruments and therapy kinds leave the trail; others stay. */
class AuditActionMigrationTest {
    @Test
    void scoreMovementsLeaveTheAuditTrailAndOtherEntriesStay() {
        try (ScratchDatabase at = new ScratchDatabase()) {
            at.migrate("17");
            audit(at, "trajectory-reliable-deterioration", "sealed-instrument");
            audit(at, "trajectory-no-reliable-change", "sealed-instrument");
            audit(at, "review-due-on-deterioration", "sealed-instrument");
            audit(at, "fall-due", "monitoring-measure", "sealed-instrument");
            audit(at, "record-completed-therapy", "referral", "sealed-kind");
            audit(at, "move", "sealed-reason");

            at.migrate("latest");

            assertEquals(2, at.count("select count(*) from audit_event where action = 'update-trajectory'"));
            assertEquals(0, at.count("select count(*) from audit_event where action like '%deterioration%'"));
            assertEquals(4, at.count("select count(*) from audit_event where reason is null"));
            assertEquals(5, at.count("select count(*) from audit_event"));
            assertEquals(
                    1, at.count("select count(*) from audit_event where action = 'move' and reason = 'sealed-reason'"));
        }
    }

    private static void audit(ScratchDatabase at, String action, String reason) {
        audit(at, action, "engagement", reason);
    }

    private static void audit(ScratchDatabase at, String action, String type, String reason) {
        at.execute("insert into audit_event (id, tenant_id, actor, action, resource_type, resource_id, reason,"
                + " occurred_at) values ('" + UUID.randomUUID() + "', 't', 'session-service', '" + action
                + "', '" + type + "', '" + UUID.randomUUID() + "', '" + reason + "', now())");
    }
}
