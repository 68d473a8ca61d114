package org.praxis.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ScratchDatabase;

/** V6 on versions stored before it: an association id made up longer than an id may be becomes a UUID. */
class AssociationIdsMigrationTest {
    @Test
    void aMadeUpAssociationIdTooLongToReadBecomesAUuidAndOthersStay() {
        try (ScratchDatabase at = new ScratchDatabase()) {
            at.migrate("5");
            String madeUp = "x".repeat(150) + ">" + "y".repeat(150);
            at.execute("insert into framework_version (id, tenant_id, code, version, title, document, created_by,"
                    + " created_at) values (gen_random_uuid(), 't', 'long-urns', 1, 'Long', '{\"CFDocument\":{},"
                    + " \"CFAssociations\":[{\"identifier\":\"" + madeUp + "\",\"associationType\":\"isRelatedTo\"},"
                    + " {\"identifier\":\"given\",\"associationType\":\"isRelatedTo\"}]}', 'admin', now())");

            at.migrate("latest");

            String ids = "select count(*) from framework_version f, jsonb_array_elements(f.document::jsonb"
                    + " -> 'CFAssociations') a where ";
            assertEquals(0, at.count(ids + "length(a ->> 'identifier') > 200"));
            assertEquals(1, at.count(ids + "a ->> 'identifier' = 'given'"));
            assertEquals(
                    1,
                    at.count(ids
                            + "a ->> 'identifier' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"));
            assertEquals(
                    1,
                    at.count(
                            "select count(*) from framework_version where document::jsonb -> 'CFDocument' is not null"));
        }
    }
}
