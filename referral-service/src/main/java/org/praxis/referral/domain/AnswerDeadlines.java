package org.praxis.referral.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.praxis.platform.problem.Violation;

/**
 * How long a recipient may take to answer a sent referral, per urgency, before it is overdue.
 * A more urgent referral never gets longer than a less urgent one.
 */
public record AnswerDeadlines(Duration emergency, Duration urgent, Duration soon, Duration routine) {
    static final Duration LONGEST = Duration.ofDays(365);

    public static AnswerDeadlines defaults() {
        return new AnswerDeadlines(
                Urgency.EMERGENCY.defaultDeadline,
                Urgency.URGENT.defaultDeadline,
                Urgency.SOON.defaultDeadline,
                Urgency.ROUTINE.defaultDeadline);
    }

    public Duration of(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> emergency;
            case URGENT -> urgent;
            case SOON -> soon;
            case ROUTINE -> routine;
        };
    }

    /** Why these deadlines cannot be used; empty when they can. */
    public List<Violation> violations() {
        List<Violation> problems = new ArrayList<>();
        Duration previous = Duration.ZERO;
        for (Urgency u : Urgency.values()) {
            Duration d = of(u);
            if (d == null) {
                problems.add(new Violation(u.code, "is required (an ISO-8601 duration such as PT4H or P2D)"));
                continue;
            }
            if (d.isNegative() || d.isZero() || d.compareTo(LONGEST) > 0) {
                problems.add(new Violation(u.code, "must be more than zero and at most 365 days"));
            } else if (d.compareTo(previous) < 0) {
                problems.add(new Violation(u.code, "must not be shorter than the deadline of a more urgent referral"));
            }
            previous = d.compareTo(previous) > 0 ? d : previous;
        }
        return problems;
    }

    /** A referral of this urgency sent before the returned instant is overdue at {@code now}. */
    public Instant sentBefore(Urgency urgency, Instant now) {
        return now.minus(of(urgency));
    }

    public boolean isOverdue(Urgency urgency, Instant sentAt, Instant now) {
        return sentAt != null && sentAt.isBefore(sentBefore(urgency, now));
    }
}
