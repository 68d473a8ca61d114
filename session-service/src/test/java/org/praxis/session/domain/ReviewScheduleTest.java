package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewScheduleTest {
    private static final LocalDate ACTIVATED = LocalDate.of(2026, 10, 1);

    @Test
    void theFirstReviewIsDueTheScheduleAfterActivationAndEachNextAfterTheLast() {
        assertEquals(Optional.of(LocalDate.of(2026, 10, 29)), ReviewSchedule.nextDue(ACTIVATED, Optional.empty(), 4));
        assertEquals(
                Optional.of(LocalDate.of(2026, 12, 3)),
                ReviewSchedule.nextDue(ACTIVATED, Optional.of(LocalDate.of(2026, 11, 5)), 4));
    }

    @Test
    void dueOnTheDayAndAfterNotBefore() {
        Optional<LocalDate> next = ReviewSchedule.nextDue(ACTIVATED, Optional.empty(), 4);
        assertFalse(ReviewSchedule.isDue(next, LocalDate.of(2026, 10, 28)));
        assertTrue(ReviewSchedule.isDue(next, LocalDate.of(2026, 10, 29)));
        assertTrue(ReviewSchedule.isDue(next, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void noScheduleOrNoActivationMeansNothingDue() {
        assertFalse(ReviewSchedule.isDue(
                ReviewSchedule.nextDue(ACTIVATED, Optional.empty(), null), LocalDate.of(2030, 1, 1)));
        assertFalse(ReviewSchedule.isDue(ReviewSchedule.nextDue(null, Optional.empty(), 4), LocalDate.of(2030, 1, 1)));
    }

    @Test
    void somethingAskingForAReviewMakesItDueThatDayUnlessItIsDueEarlier() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertEquals(today, ReviewSchedule.dueBy(Optional.empty(), today));
        assertEquals(today, ReviewSchedule.dueBy(Optional.of(today.plusDays(1)), today));
        assertEquals(today, ReviewSchedule.dueBy(Optional.of(today), today));
        assertEquals(today.minusDays(1), ReviewSchedule.dueBy(Optional.of(today.minusDays(1)), today));
    }
}
