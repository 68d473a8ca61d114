package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ScratchDatabase;

/**
 * Platform V0_15 on the coordinator's requests (intake-service is the erasure coordinator): a completed one forgets
 * its reference and the audit trail's copy of the reason; one in progress keeps both.
 */
class CompletedErasureMigrationTest {
    @Test
    void aCompletedErasureForgetsItsReferenceAndAuditedReasonAnOpenOneKeepsThem() {
        try (ScratchDatabase at = new ScratchDatabase()) {
            at.migrate("0.14");
            UUID completed = request(at, "now()");
            UUID open = request(at, "null");

            at.migrate("latest");

            assertEquals(1, at.count("select count(*) from erasure_request where reference is null"));
            assertEquals(
                    1,
                    at.count("select count(*) from erasure_request where reference = 'ERA-7' and id = '" + open + "'"));
            assertEquals(
                    0,
                    at.count("select count(*) from audit_event where reason is not null and resource_id = '" + completed
                            + "'"));
            assertEquals(
                    1,
                    at.count("select count(*) from audit_event where reason is not null and resource_id = '" + open
                            + "'"));
        }
    }

    private static UUID request(ScratchDatabase at, String completedAt) {
        UUID id = UUID.randomUUID();
        at.execute("insert into erasure_request (id, tenant_id, subject, pseudonym, reason, reference, requested_by,"
                + " requested_at, completed_at) values ('" + id + "', 't', "
                + ("null".equals(completedAt) ? "'p-" + id + "'" : "null")
                + ", 'erased-" + id.toString().substring(0, 8) + "', 'sealed', 'ERA-7', 'admin-a', now(), "
                + completedAt
                + ")");
        at.execute("insert into audit_event (id, tenant_id, actor, action, resource_type, resource_id, reason,"
                + " occurred_at) values ('" + UUID.randomUUID() + "', 't', 'admin-a', 'request-erasure',"
                + " 'erasure-request', '" + id + "', 'sealed-reason', now())");
        return id;
    }
}
