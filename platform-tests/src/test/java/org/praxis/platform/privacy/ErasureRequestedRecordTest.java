package org.praxis.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventRecords;

/** subject.erasure-requested, the platform's one published record, against its schema in docs/events. */
class ErasureRequestedRecordTest {
    @Test
    void theRecordMatchesItsSchema() {
        assertEquals(List.of(), EventRecords.mismatches("org.praxis.platform", ErasureRequested.TYPE_PREFIX));
    }
}
