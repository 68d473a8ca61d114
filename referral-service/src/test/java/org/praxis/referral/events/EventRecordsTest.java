package org.praxis.referral.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventRecords;

/** The records referral-service publishes and reads against the schemas in docs/events. */
class EventRecordsTest {
    @Test
    void everyPublishedAndConsumedRecordMatchesItsSchema() {
        assertEquals(List.of(), EventRecords.mismatches("org.praxis.referral", "org.praxis.referral"));
    }
}
