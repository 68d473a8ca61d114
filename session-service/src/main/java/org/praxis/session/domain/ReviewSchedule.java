package org.praxis.session.domain;

import java.time.LocalDate;
import java.util.Optional;

/** When the next periodic review is due: every N weeks from activation or from the last review. */
public final class ReviewSchedule {
    private ReviewSchedule() {}

    public static Optional<LocalDate> nextDue(
            LocalDate activatedOn, Optional<LocalDate> lastReview, Integer everyWeeks) {
        if (activatedOn == null || everyWeeks == null) {
            return Optional.empty();
        }
        return Optional.of(lastReview.orElse(activatedOn).plusWeeks(everyWeeks));
    }

    public static boolean isDue(Optional<LocalDate> nextDue, LocalDate today) {
        return nextDue.isPresent() && !nextDue.get().isAfter(today);
    }

    /** The review date once something asks for a review by {@code day}: the earlier of the two. */
    public static LocalDate dueBy(Optional<LocalDate> due, LocalDate day) {
        return due.filter(d -> d.isBefore(day)).orElse(day);
    }
}
