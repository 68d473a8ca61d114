package org.praxis.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisorChoiceTest {
    private static List<String> refused(String practitioner, String supervisor, String supervisorsSupervisor) {
        return SupervisorChoice.violations(practitioner, supervisor, supervisorsSupervisor).stream()
                .map(v -> v.field() + ": " + v.message())
                .toList();
    }

    @Test
    void someoneElseWhoIsNotTheirSuperviseeMaySupervise() {
        assertEquals(List.of(), refused("coach-1", "sup-1", null));
        assertEquals(List.of(), refused("coach-1", "sup-1", "sup-2"));
        assertEquals(List.of(), refused("coach-1", null, null), "removing the supervisor");
        assertEquals(List.of(), refused("coach-1", null, "coach-1"), "removing the supervisor");
    }

    @Test
    void nobodySupervisesThemselvesOrTheOneTheySupervise() {
        assertEquals(List.of("supervisorId: must be someone else"), refused("coach-1", "coach-1", null));
        assertEquals(
                List.of("supervisorId: must not be one this practitioner supervises"),
                refused("coach-1", "sup-1", "coach-1"));
    }
}
