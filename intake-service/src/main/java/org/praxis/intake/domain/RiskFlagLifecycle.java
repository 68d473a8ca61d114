package org.praxis.intake.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.platform.domain.Transitions;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;

/** The risk flag's statuses and the moves between them: a flag only moves forward, raised to closed. */
public final class RiskFlagLifecycle {
    public static final String RAISED = "raised";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String ACTIONED = "actioned";
    public static final String CLOSED = "closed";

    public static final List<String> STATUSES = List.of(RAISED, ACKNOWLEDGED, ACTIONED, CLOSED);
    /** The flags still to be dealt with: every status but closed. */
    public static final Set<String> OPEN = Set.of(RAISED, ACKNOWLEDGED, ACTIONED);
    /** How many steps a flag can have: one per status, since it only moves forward. */
    public static final int MAX_STEPS = 4;

    private static final Transitions TABLE = Transitions.of(
            "A risk flag",
            STATUSES,
            Map.of(
                    RAISED, Set.of(ACKNOWLEDGED),
                    ACKNOWLEDGED, Set.of(ACTIONED, CLOSED),
                    ACTIONED, Set.of(CLOSED),
                    CLOSED, Set.of()));

    private RiskFlagLifecycle() {}

    public static boolean isStatus(String status) {
        return TABLE.isStatus(status);
    }

    public static boolean canMove(String from, String to) {
        return TABLE.canMove(from, to);
    }

    /** 409 unless a risk flag may move from {@code from} to {@code to}. */
    public static void requireMove(String from, String to) {
        TABLE.requireMove(from, to);
    }

    /**
     * 422 unless a move to closed says how the risk was dealt with: a closed flag leaves the supervisors' queue and
     * the triage, and the note is what a reviewer later reads of why.
     */
    public static void requireNote(String to, String note) {
        if (CLOSED.equals(to) && (note == null || note.isBlank())) {
            throw ProblemException.unprocessable(
                    "Closing a risk flag needs a note",
                    List.of(new Violation("note", "must say how the risk was dealt with")));
        }
    }

    public static boolean isOpen(String status) {
        return TABLE.isOpen(status);
    }
}
