package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who held an engagement at a time, from its accepted handovers: what a client's feedback on a session is about. */
class PractitionerHistoryTest {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    private static Handover accepted(String from, String to, int day) {
        Handover h = new Handover();
        h.fromPractitioner = from;
        h.toPractitioner = to;
        h.status = Handover.ACCEPTED;
        h.answeredAt = T0.plusSeconds(day * 86_400L);
        return h;
    }

    @Test
    void withoutHandoversItIsThePractitionerNow() {
        assertEquals("ann", Handover.practitionerAt("ann", List.of(), T0));
    }

    @Test
    void eachPeriodBelongsToTheCoachWhoHadTheEngagementThen() {
        List<Handover> history = List.of(accepted("ann", "ben", 10), accepted("ben", "cat", 20));
        assertEquals("ann", Handover.practitionerAt("cat", history, T0.plusSeconds(86_400L)));
        assertEquals("ben", Handover.practitionerAt("cat", history, T0.plusSeconds(15 * 86_400L)));
        assertEquals("cat", Handover.practitionerAt("cat", history, T0.plusSeconds(25 * 86_400L)));
        // At the very moment of a handover the new coach has it.
        assertEquals("ben", Handover.practitionerAt("cat", history, T0.plusSeconds(10 * 86_400L)));
    }
}
