package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;

class EngagementLifecycleTest {

    @Test
    void exactlyTheDocumentedMovesAreAllowed() {
        Set<String> allowed = Set.of(
                "draft>closed", "active>paused", "active>closed", "paused>active", "paused>closed", "follow-up>closed");
        List<String> found = new ArrayList<>();
        for (String from : EngagementLifecycle.STATUSES) {
            for (String to : EngagementLifecycle.STATUSES) {
                if (EngagementLifecycle.canMove(from, to)) {
                    found.add(from + ">" + to);
                }
            }
        }
        assertEquals(allowed, Set.copyOf(found));
        assertEquals(allowed.size(), found.size());
    }

    @Test
    void closedIsFinalAndUnknownStatusesAreNotStatuses() {
        assertFalse(EngagementLifecycle.isOpen("closed"));
        for (String s : List.of("draft", "active", "paused", "follow-up")) {
            assertTrue(EngagementLifecycle.isOpen(s), s);
        }
        assertEquals(List.of("draft", "active", "paused", "follow-up", "closed"), EngagementLifecycle.STATUSES);
        assertFalse(EngagementLifecycle.isStatus("open"));
        assertFalse(EngagementLifecycle.canMove("unknown", "closed"));
    }

    @Test
    void aRefusedMoveSaysHowADraftBecomesActive() {
        assertEquals(
                "An engagement cannot go from draft to active (a draft becomes active when its contract is accepted).",
                assertThrows(ProblemException.class, () -> EngagementLifecycle.requireMove("draft", "active"))
                        .getMessage());
        ProblemException e =
                assertThrows(ProblemException.class, () -> EngagementLifecycle.requireMove("closed", "paused"));
        assertEquals("An engagement cannot go from closed to paused.", e.getMessage());
        assertEquals(409, e.problem().status());
        assertEquals(
                "An engagement cannot go from active to follow-up (an end review that agrees a follow-up moves an"
                        + " engagement there).",
                assertThrows(ProblemException.class, () -> EngagementLifecycle.requireMove("active", "follow-up"))
                        .getMessage());
    }
}
