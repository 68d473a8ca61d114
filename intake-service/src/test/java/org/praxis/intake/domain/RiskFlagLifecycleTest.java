package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;

class RiskFlagLifecycleTest {

    @Test
    void exactlyTheDocumentedMovesAreAllowed() {
        Set<String> allowed =
                Set.of("raised>acknowledged", "acknowledged>actioned", "acknowledged>closed", "actioned>closed");
        List<String> found = new ArrayList<>();
        for (String from : RiskFlagLifecycle.STATUSES) {
            for (String to : RiskFlagLifecycle.STATUSES) {
                if (RiskFlagLifecycle.canMove(from, to)) {
                    found.add(from + ">" + to);
                }
            }
        }
        assertEquals(allowed, Set.copyOf(found));
        assertEquals(allowed.size(), found.size());
    }

    @Test
    void openIsEveryStatusButClosedAndAFlagHasAtMostOneStepPerStatus() {
        assertEquals(List.of("raised", "acknowledged", "actioned", "closed"), RiskFlagLifecycle.STATUSES);
        assertEquals(
                RiskFlagLifecycle.OPEN,
                RiskFlagLifecycle.STATUSES.stream()
                        .filter(RiskFlagLifecycle::isOpen)
                        .collect(Collectors.toSet()));
        assertEquals(RiskFlagLifecycle.STATUSES.size(), RiskFlagLifecycle.MAX_STEPS);
        assertFalse(RiskFlagLifecycle.isStatus("open"));
        assertFalse(RiskFlagLifecycle.canMove("unknown", "closed"));
    }

    @Test
    void onlyClosingNeedsANote() {
        for (String to : RiskFlagLifecycle.STATUSES) {
            for (String note : java.util.Arrays.asList(null, "", "  ")) {
                if (to.equals(RiskFlagLifecycle.CLOSED)) {
                    ProblemException e =
                            assertThrows(ProblemException.class, () -> RiskFlagLifecycle.requireNote(to, note));
                    assertEquals(422, e.problem().status());
                } else {
                    RiskFlagLifecycle.requireNote(to, note);
                }
            }
            RiskFlagLifecycle.requireNote(to, "called the client; safe");
        }
    }

    @Test
    void aRefusedMoveIsAConflict() {
        ProblemException e =
                assertThrows(ProblemException.class, () -> RiskFlagLifecycle.requireMove("closed", "raised"));
        assertEquals("A risk flag cannot go from closed to raised.", e.getMessage());
        assertEquals(409, e.problem().status());
    }
}
