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

class ProgressSummaryLifecycleTest {

    @Test
    void exactlyTheDocumentedMovesAreAllowed() {
        Set<String> allowed = Set.of("draft>approved", "draft>rejected", "draft>withdrawn");
        List<String> found = new ArrayList<>();
        for (String from : ProgressSummaryLifecycle.STATUSES) {
            for (String to : ProgressSummaryLifecycle.STATUSES) {
                if (ProgressSummaryLifecycle.canMove(from, to)) {
                    found.add(from + ">" + to);
                }
            }
        }
        assertEquals(allowed, Set.copyOf(found));
        assertEquals(allowed.size(), found.size());
    }

    @Test
    void onlyADraftIsOpenAndTheClientDecidesApprovedOrRejected() {
        assertEquals(List.of("draft", "approved", "rejected", "withdrawn"), ProgressSummaryLifecycle.STATUSES);
        assertEquals(List.of("approved", "rejected"), ProgressSummaryLifecycle.DECISIONS);
        assertTrue(ProgressSummaryLifecycle.isOpen("draft"));
        for (String s : List.of("approved", "rejected", "withdrawn")) {
            assertFalse(ProgressSummaryLifecycle.isOpen(s), s);
        }
        assertFalse(ProgressSummaryLifecycle.isStatus("sent"));
    }

    @Test
    void aDecidedSummaryIsNeverChangedAgain() {
        ProblemException e = assertThrows(
                ProblemException.class, () -> ProgressSummaryLifecycle.requireMove("approved", "withdrawn"));
        assertEquals(
                "A progress summary cannot go from approved to withdrawn (draft a new summary instead).",
                e.getMessage());
        assertEquals(409, e.problem().status());
        assertEquals(
                "A progress summary cannot go from draft to draft.",
                assertThrows(ProblemException.class, () -> ProgressSummaryLifecycle.requireMove("draft", "draft"))
                        .getMessage());
    }
}
