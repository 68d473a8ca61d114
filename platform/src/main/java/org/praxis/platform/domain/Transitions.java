package org.praxis.platform.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.platform.problem.ProblemException;

/**
 * The mechanics of a table of allowed moves between statuses, for a service's {@code *Lifecycle}
 * (which names the statuses and writes the table). A status with no moves is final.
 */
public final class Transitions {
    private final String subject;
    private final List<String> statuses;
    private final Map<String, Set<String>> next;

    private Transitions(String subject, List<String> statuses, Map<String, Set<String>> next) {
        if (!Set.copyOf(statuses).equals(next.keySet())) {
            throw new IllegalArgumentException("The table must have a row for each status and no other");
        }
        next.values().forEach(to -> {
            if (!statuses.containsAll(to)) {
                throw new IllegalArgumentException("A move leads to an unknown status: " + to);
            }
        });
        this.subject = subject;
        this.statuses = List.copyOf(statuses);
        this.next = Map.copyOf(next);
    }

    /**
     * @param subject how a refusal names the thing, with its article ("A referral")
     * @param statuses every status, in the order they are listed
     * @param next for each status, the statuses it may move to
     */
    public static Transitions of(String subject, List<String> statuses, Map<String, Set<String>> next) {
        return new Transitions(subject, statuses, next);
    }

    public List<String> statuses() {
        return statuses;
    }

    public boolean isStatus(String status) {
        return next.containsKey(status);
    }

    public boolean canMove(String from, String to) {
        return next.getOrDefault(from, Set.of()).contains(to);
    }

    /** 409 unless {@code from} may move to {@code to}. */
    public void requireMove(String from, String to) {
        requireMove(from, to, null);
    }

    /** 409 unless {@code from} may move to {@code to}; {@code why}, when given, is said in brackets. */
    public void requireMove(String from, String to, String why) {
        if (!canMove(from, to)) {
            throw ProblemException.conflict(
                    subject + " cannot go from " + from + " to " + to + (why == null ? "" : " (" + why + ")") + ".");
        }
    }

    /** A known status that may still move somewhere. */
    public boolean isOpen(String status) {
        return !next.getOrDefault(status, Set.of()).isEmpty();
    }
}
