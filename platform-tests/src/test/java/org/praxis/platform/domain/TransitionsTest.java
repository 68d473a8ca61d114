package org.praxis.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;

class TransitionsTest {
    private final Transitions door = Transitions.of(
            "A door",
            List.of("open", "shut", "gone"),
            Map.of("open", Set.of("shut"), "shut", Set.of("open", "gone"), "gone", Set.of()));

    @Test
    void movesAreExactlyTheTable() {
        assertTrue(door.canMove("open", "shut"));
        assertTrue(door.canMove("shut", "gone"));
        assertFalse(door.canMove("open", "gone"));
        assertFalse(door.canMove("open", "open"));
        assertFalse(door.canMove("ajar", "open"));
        assertTrue(door.isStatus("gone"));
        assertFalse(door.isStatus("ajar"));
        assertEquals(List.of("open", "shut", "gone"), door.statuses());
    }

    @Test
    void aStatusWithoutMovesIsFinal() {
        assertTrue(door.isOpen("shut"));
        assertFalse(door.isOpen("gone"));
        assertFalse(door.isOpen("ajar"));
    }

    @Test
    void aRefusedMoveIsAConflictNamingBothStatuses() {
        door.requireMove("open", "shut");
        ProblemException e = assertThrows(ProblemException.class, () -> door.requireMove("gone", "open"));
        assertEquals("A door cannot go from gone to open.", e.getMessage());
        e = assertThrows(ProblemException.class, () -> door.requireMove("open", "gone", "shut it first"));
        assertEquals("A door cannot go from open to gone (shut it first).", e.getMessage());
    }

    @Test
    void aTableMustCoverExactlyItsStatuses() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Transitions.of("A door", List.of("open"), Map.of("open", Set.of("shut"))));
        assertThrows(
                IllegalArgumentException.class,
                () -> Transitions.of("A door", List.of("open", "shut"), Map.of("open", Set.of("shut"))));
    }
}
