package org.praxis.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.platform.web.Page;

/** Today, overdue actions and supervision hours against worked values, on a fixed clock, without Quarkus. */
class PractitionerCalendarTest {
    private static LocalDate todayOn(String instant, String zone) {
        Eligibility eligibility = new Eligibility();
        eligibility.clock = Clock.fixed(Instant.parse(instant), ZoneId.of(zone));
        return eligibility.today();
    }

    @Test
    void todayIsTheUtcDayWhateverTheClocksZone() {
        assertEquals(
                LocalDate.parse("2026-03-01"),
                todayOn("2026-03-01T23:30:00Z", "Pacific/Kiritimati"),
                "already 2 March at +14");
        assertEquals(
                LocalDate.parse("2026-03-02"),
                todayOn("2026-03-02T00:00:00Z", "America/Los_Angeles"),
                "still 1 March at -8");
        assertEquals(LocalDate.parse("2026-03-02"), todayOn("2026-03-02T00:00:00Z", "UTC"));
    }

    @Test
    void anActionIsOverdueFromTheDayAfterItWasDueUntilItIsDone() {
        DevelopmentAction d = new DevelopmentAction();
        d.dueOn = LocalDate.parse("2026-03-01");
        assertFalse(d.isOverdueOn(LocalDate.parse("2026-02-28")));
        assertFalse(d.isOverdueOn(LocalDate.parse("2026-03-01")), "due today is not yet overdue");
        assertTrue(d.isOverdueOn(LocalDate.parse("2026-03-02")));
        d.doneAt = Instant.parse("2026-03-05T10:00:00Z");
        assertFalse(d.isOverdueOn(LocalDate.parse("2026-03-09")), "done late is done");
    }

    private static double hours(long minutes) {
        return new SupervisionSessions.SupervisionPage(new Page<>(List.of(), null), minutes, 0).totalHours();
    }

    @Test
    void supervisionMinutesAreHoursToTheNearestTenthHalvesUp() {
        assertEquals(0.0, hours(0));
        assertEquals(0.0, hours(2), "2 min is 0.033 h");
        assertEquals(0.1, hours(3), "3 min is half a tenth: up");
        assertEquals(0.8, hours(45), "0.75 h: up");
        assertEquals(0.8, hours(50), "0.833 h");
        assertEquals(1.5, hours(90));
        assertEquals(1.7, hours(100), "1.667 h");
        assertEquals(2.5, hours(150));
        assertEquals(10.0, hours(599), "9.983 h");
        assertEquals(100.0, hours(6000));
    }
}
