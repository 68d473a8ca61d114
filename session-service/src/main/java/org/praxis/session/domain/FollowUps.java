package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.session.domain.events.SessionEvents;

/**
 * The follow-up an end review may agree (dates, and booster sessions held within a window), and the close
 * of an engagement after its end review: the one place that publishes {@code engagement.closed} and {@code
 * engagement.outcome}. Boosters do not use the prepaid package: they were agreed at the end review, after the
 * contracted work the package pays for.
 */
@ApplicationScoped
public class FollowUps {
    /** Follow-up dates and booster sessions one end review agrees at most. */
    public static final int MAX_DATES = 6;

    public static final int MAX_BOOSTERS = 6;
    /** How far after the end review a follow-up date or the booster window may reach. */
    public static final int MAX_MONTHS_AHEAD = 24;

    @Inject
    EntityManager em;

    @Inject
    Engagements engagements;

    @Inject
    Outcomes outcomes;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    /** What an end review agrees: follow-up dates, booster sessions (0 or more) and the last day for one. */
    public record Plan(List<LocalDate> dates, int boosters, LocalDate boostersWithin) {
        public List<LocalDate> dates() {
            return dates == null ? List.of() : dates;
        }
    }

    /** 422 naming each field of {@code plan} that an end review held on {@code heldOn} cannot agree. */
    public static void requireValid(Plan plan, LocalDate heldOn) {
        LocalDate limit = heldOn.plusMonths(MAX_MONTHS_AHEAD);
        List<Violation> errors = new ArrayList<>();
        if (plan.dates().stream().anyMatch(d -> !d.isAfter(heldOn) || d.isAfter(limit))) {
            errors.add(new Violation(
                    "followUp.dates", "must be after the review and within " + MAX_MONTHS_AHEAD + " months of it"));
        }
        if (plan.dates().stream().distinct().count() < plan.dates().size()) {
            errors.add(new Violation("followUp.dates", "must not repeat a date"));
        }
        if (plan.boosters() > 0
                && (plan.boostersWithin() == null
                        || !plan.boostersWithin().isAfter(heldOn)
                        || plan.boostersWithin().isAfter(limit))) {
            errors.add(new Violation(
                    "followUp.boostersWithin",
                    "booster sessions need a window ending after the review, within " + MAX_MONTHS_AHEAD
                            + " months of it"));
        }
        if (plan.boosters() == 0 && plan.boostersWithin() != null) {
            errors.add(new Violation("followUp.boostersWithin", "is for booster sessions; none are agreed"));
        }
        if (plan.boosters() == 0 && plan.dates().isEmpty()) {
            errors.add(new Violation("followUp", "agrees at least one follow-up date or booster session"));
        }
        Violation.refuseAny("The follow-up cannot be agreed", errors);
    }

    /** At the end review: with a plan the engagement moves to follow-up; without one it closes now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterEndReview(Engagement e, Review end, Plan plan) {
        if (plan == null) {
            close(e, end);
            return;
        }
        e.followUpDates =
                plan.dates().stream().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
        e.boostersAgreed = plan.boosters();
        e.boostersHeld = 0;
        e.boostersWithin = plan.boostersWithin();
        e.endReview = end.id;
        engagements.changeStatus(e, EngagementLifecycle.FOLLOW_UP);
    }

    /** A person closes an engagement in follow-up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void close(Engagement e) {
        close(e, em.find(Review.class, e.endReview));
    }

    /** Closed is final, so this runs once per engagement: after its end review, or after its follow-up. */
    private void close(Engagement e, Review end) {
        long goals = em.createQuery(
                        "select count(g) from Goal g where g.tenantId = :t and g.engagementId = :e", Long.class)
                .setParameter("t", e.tenantId)
                .setParameter("e", e.id)
                .getSingleResult();
        int met = end.goalsMet == null || end.goalsMet.isEmpty() ? 0 : end.goalsMet.split(",").length;
        engagements.changeStatus(e, EngagementLifecycle.CLOSED);
        outbox.publish(new SessionEvents.EngagementClosed(
                e.id, e.practitionerId, met, (int) goals, end.followUpOffered, end.boosterSessionsOffered));
        outbox.publish(outcomes.atClose(e, (int) goals, met));
    }

    public static List<LocalDate> dates(Engagement e) {
        return e.followUpDates == null || e.followUpDates.isEmpty()
                ? List.of()
                : Arrays.stream(e.followUpDates.split(","))
                        .map(LocalDate::parse)
                        .toList();
    }

    /**
     * 409 unless {@code e} is in follow-up with a booster left to book ({@code booked}: those scheduled or
     * held); 422 unless {@code at} falls on or before the window's last day.
     */
    public static void requireBookable(Engagement e, Instant at, long booked) {
        if (!EngagementLifecycle.FOLLOW_UP.equals(e.status)) {
            throw ProblemException.conflict(
                    "Booster sessions are held in follow-up after the end review; this engagement is " + e.status
                            + ".");
        }
        if (booked >= e.boostersAgreed) {
            throw ProblemException.conflict(
                    "The end review agreed " + e.boostersAgreed + " booster sessions; they are all scheduled or held.");
        }
        requireWithinWindow(e, at);
    }

    /** 422 unless {@code at} falls on or before the last day of the booster window. */
    public static void requireWithinWindow(Engagement e, Instant at) {
        if (e.boostersWithin == null || at.atZone(ZoneOffset.UTC).toLocalDate().isAfter(e.boostersWithin)) {
            throw ProblemException.unprocessable(
                    "Booster sessions are held by " + e.boostersWithin,
                    List.of(new Violation("scheduledAt", "must be on or before " + e.boostersWithin)));
        }
    }

    /** 409 unless a booster of {@code e} may be recorded as held on {@code today}. */
    public static void requireHoldable(Engagement e, LocalDate today) {
        if (!EngagementLifecycle.FOLLOW_UP.equals(e.status)) {
            throw ProblemException.conflict(
                    "Booster sessions are held in follow-up; this engagement is " + e.status + ".");
        }
        if (e.boostersHeld >= e.boostersAgreed) {
            throw ProblemException.conflict("All " + e.boostersAgreed + " agreed booster sessions are held.");
        }
        if (today.isAfter(e.boostersWithin)) {
            throw ProblemException.conflict("The booster window ended on " + e.boostersWithin + ".");
        }
    }

    /** Counts a held booster; after the last one, with no follow-up date still ahead, the engagement closes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void boosterHeld(Engagement e, LocalDate today) {
        e.boostersHeld++;
        audit.record("booster-held", "engagement", e.id, e.boostersHeld + " of " + e.boostersAgreed);
        if (e.boostersHeld.equals(e.boostersAgreed) && dates(e).stream().noneMatch(d -> d.isAfter(today))) {
            close(e);
        }
    }
}
