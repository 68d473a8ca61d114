package org.praxis.referral.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.referral.domain.RiskDrafts;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.EventRecords;

/** The records referral-service publishes and reads against the schemas in docs/events. */
class EventRecordsTest {
    @Test
    void everyPublishedAndConsumedRecordMatchesItsSchema() {
        assertEquals(List.of(), EventRecords.mismatches("org.praxis.referral", "org.praxis.referral"));
    }

    /** The levels a risk draft documents (an enum in the OpenAPI document) are those its producers send. */
    @Test
    void riskDraftsKnowTheLevelsOfTheEventsThatOpenThem() throws IOException {
        for (String type : List.of(RiskFlagRaisedHandler.TYPE, RiskNotedHandler.TYPE)) {
            var schema = new ObjectMapper()
                    .readTree(EventContracts.directory()
                            .resolve(type + ".schema.json")
                            .toFile());
            List<String> levels = new ArrayList<>();
            schema.path("properties").path("level").path("enum").forEach(l -> levels.add(l.asText()));
            assertEquals(RiskDrafts.LEVELS, levels, type);
        }
    }
}
