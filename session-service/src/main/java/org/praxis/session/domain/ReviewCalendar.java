package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.praxis.platform.persistence.TenantQueries;

/**
 * Keeps each engagement's next periodic review date where its inputs change — a contract version
 * coming into force (activation, or a new review interval), a periodic review held — so the list of
 * due reviews is one indexed query instead of a walk through every engagement's contracts and reviews.
 */
@ApplicationScoped
public class ReviewCalendar {
    @Inject
    TenantQueries tenant;

    /**
     * Every {@code everyWeeks} weeks (of the version in force) from activation or the last periodic review, or
     * earlier when a deterioration asked for a review that no periodic review has answered yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reschedule(Engagement e, Integer everyWeeks) {
        Optional<LocalDate> last = tenant.select(
                        Review.class,
                        "e.engagementId = :e and e.kind = :periodic",
                        "e.heldOn desc",
                        Map.of("e", e.id, "periodic", Review.PERIODIC))
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(r -> r.heldOn);
        if (e.reviewRequestedOn != null
                && last.filter(held -> !held.isBefore(e.reviewRequestedOn)).isPresent()) {
            e.reviewRequestedOn = null;
        }
        Optional<LocalDate> periodic = ReviewSchedule.nextDue(
                e.activatedAt == null ? null : LocalDate.ofInstant(e.activatedAt, ZoneOffset.UTC), last, everyWeeks);
        e.reviewDueOn = e.reviewRequestedOn == null
                ? periodic.orElse(null)
                : ReviewSchedule.dueBy(periodic, e.reviewRequestedOn);
    }

    /**
     * Makes the engagement due for review by {@code day} (a deterioration asks for one now) unless it is due
     * earlier already; true when the date moved. It stays due until a periodic review is held that day or later.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean dueBy(Engagement e, LocalDate day) {
        e.reviewRequestedOn = ReviewSchedule.dueBy(Optional.ofNullable(e.reviewRequestedOn), day);
        LocalDate due = ReviewSchedule.dueBy(Optional.ofNullable(e.reviewDueOn), day);
        if (due.equals(e.reviewDueOn)) {
            return false;
        }
        e.reviewDueOn = due;
        return true;
    }
}
