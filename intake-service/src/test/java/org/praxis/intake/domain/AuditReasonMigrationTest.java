package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ScratchDatabase;

/** V10 on audit rows written before it: a preference's and a suitability conclusion's reasons go, others stay. */
class AuditReasonMigrationTest {
    @Test
    void clinicalChoicesLeaveTheAuditTrailAndOtherReasonsStay() {
        try (ScratchDatabase at = new ScratchDatabase()) {
            at.migrate("9");
            audit(at, "record-preference", "sealed-preference");
            audit(at, "recheck-suitability", "sealed-conclusion");
            audit(at, "reassign", "sealed-reassigned");

            at.migrate("latest");

            assertEquals(2, at.count("select count(*) from audit_event where reason is null"));
            assertEquals(1, at.count("select count(*) from audit_event where reason = 'sealed-reassigned'"));
        }
    }

    private static void audit(ScratchDatabase at, String action, String reason) {
        at.execute("insert into audit_event (id, tenant_id, actor, action, resource_type, resource_id, reason,"
                + " occurred_at) values ('" + UUID.randomUUID() + "', 't', 'coach-a', '" + action + "', 'intake', '"
                + UUID.randomUUID() + "', '" + reason + "', now())");
    }
}
