package org.praxis.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.Violation;

class AnswerDeadlinesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void defaultsAreFourHoursTwoDaysAWeekAndThreeWeeks() {
        AnswerDeadlines d = AnswerDeadlines.defaults();
        assertEquals(Duration.ofHours(4), d.of(Urgency.EMERGENCY));
        assertEquals(Duration.ofDays(2), d.of(Urgency.URGENT));
        assertEquals(Duration.ofDays(7), d.of(Urgency.SOON));
        assertEquals(Duration.ofDays(21), d.of(Urgency.ROUTINE));
        assertEquals(List.of(), d.violations());
    }

    @Test
    void aReferralIsOverdueOnlyAfterItsDeadline() {
        AnswerDeadlines d = AnswerDeadlines.defaults();
        assertFalse(d.isOverdue(Urgency.EMERGENCY, NOW.minus(Duration.ofHours(4)), NOW), "exactly at the deadline");
        assertTrue(d.isOverdue(Urgency.EMERGENCY, NOW.minus(Duration.ofHours(4)).minusSeconds(1), NOW));
        assertFalse(d.isOverdue(Urgency.ROUTINE, NOW.minus(Duration.ofDays(20)), NOW));
        assertTrue(d.isOverdue(Urgency.ROUTINE, NOW.minus(Duration.ofDays(22)), NOW));
        assertFalse(d.isOverdue(Urgency.ROUTINE, null, NOW), "not sent");
    }

    @Test
    void deadlinesMustBePositiveBoundedAndNotLongerForMoreUrgentReferrals() {
        AnswerDeadlines longerEmergency =
                new AnswerDeadlines(Duration.ofDays(3), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(21));
        assertEquals(
                List.of("urgent"),
                longerEmergency.violations().stream().map(Violation::field).toList());
        AnswerDeadlines zero =
                new AnswerDeadlines(Duration.ZERO, Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(400));
        assertEquals(
                List.of("emergency", "routine"),
                zero.violations().stream().map(Violation::field).toList());
        AnswerDeadlines missing =
                new AnswerDeadlines(null, Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(21));
        assertEquals(
                List.of("emergency"),
                missing.violations().stream().map(Violation::field).toList());
    }
}
