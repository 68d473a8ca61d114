package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.praxis.assessment.domain.access.PractitionerPolicy;
import org.praxis.assessment.domain.events.AssessmentEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.security.CallerContext;

/**
 * Computes a practitioner's eligibility from what is recorded ({@link EligibilityRules}) and
 * publishes {@code eligibility.changed} when, and only when, the set differs from the one last published
 * ({@link PublishedEligibility}).
 */
@ApplicationScoped
public class Eligibility {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Settings settings;

    @Inject
    Frameworks frameworks;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    PublishedEligibility published;

    @Inject
    Clock clock;

    @Inject
    Practitioners practitioners;

    /** What the practitioner is eligible for on {@code asOf} (today), with every requirement met or missing. */
    public record Standing(String practitioner, LocalDate asOf, EligibilityRules.Result result) {}

    /** The day eligibility is judged on: today in UTC, wherever the clock's zone is. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The practitioner's standing today, for a caller who may see it ({@link PractitionerPolicy}). */
    public Standing standing(String practitioner) {
        practitioners.require(practitioner, PractitionerPolicy.Action.VIEW_ELIGIBILITY);
        LocalDate today = today();
        return new Standing(practitioner, today, evaluate(practitioner, today));
    }

    public EligibilityRules.Result evaluate(String practitioner, LocalDate today) {
        Settings.Values s = settings.current();
        CompetenceFramework framework = frameworks.get(s.frameworkCode(), s.frameworkVersion());
        Map<String, RatingLevel> assessor = new HashMap<>();
        tenant.select(
                        Assessment.class,
                        "e.practitionerId = :p and e.status = :done and e.frameworkCode = :code"
                                + " and e.frameworkVersion = :version",
                        "e.completedAt desc",
                        Map.of(
                                "p",
                                practitioner,
                                "done",
                                Assessment.COMPLETED,
                                "code",
                                s.frameworkCode(),
                                "version",
                                s.frameworkVersion()))
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .ifPresent(latest -> tenant.select(
                                Rating.class,
                                "e.assessmentId = :a and e.source = :src",
                                null,
                                Map.of("a", latest.id, "src", Rating.ASSESSOR))
                        .getResultList()
                        .forEach(r -> assessor.put(r.competenceCode, RatingLevel.of(r.level))));
        // Only verified entries count: typed-in hours, sessions and registrations once verified (issue 16),
        // hours from session.completed as they arrive (the system verified them).
        int practice = sum(
                "select coalesce(sum(e.minutes), 0) from Evidence e where e.tenantId = :t and e.practitionerId = :p"
                        + " and e.kind = '" + Evidence.PRACTICE_HOURS + "' and e.verifiedAt is not null",
                practitioner);
        int practicePending = sum(
                "select coalesce(sum(e.minutes), 0) from Evidence e where e.tenantId = :t"
                        + " and e.practitionerId = :p and e.kind = '" + Evidence.PRACTICE_HOURS
                        + "' and e.verifiedAt is null",
                practitioner);
        int supervision = sum(
                "select coalesce(sum(e.durationMinutes), 0) from SupervisionSession e where e.tenantId = :t"
                        + " and e.superviseeId = :p and e.verifiedAt is not null",
                practitioner);
        int supervisionPending = sum(
                "select coalesce(sum(e.durationMinutes), 0) from SupervisionSession e where e.tenantId = :t"
                        + " and e.superviseeId = :p and e.verifiedAt is null",
                practitioner);
        List<Registration> registrations = tenant.select(
                        Registration.class,
                        "e.practitionerId = :p and e.kind = :k",
                        null,
                        Map.of("p", practitioner, "k", Registration.THERAPY_REGISTER))
                .getResultList();
        List<LocalDate> expiries = registrations.stream()
                .filter(r -> r.verifiedAt != null)
                .map(r -> r.expiresOn)
                .toList();
        List<LocalDate> pendingExpiries = registrations.stream()
                .filter(r -> r.verifiedAt == null)
                .map(r -> r.expiresOn)
                .toList();
        return EligibilityRules.evaluate(new EligibilityRules.Inputs(
                framework,
                assessor,
                practice,
                supervision,
                s.minPracticeMinutes(),
                s.minSupervisionMinutes(),
                expiries,
                today,
                practicePending,
                supervisionPending,
                pendingExpiries));
    }

    private int sum(String jpql, String practitioner) {
        Number n = (Number) em.createQuery(jpql)
                .setParameter("t", tenant.tenantId())
                .setParameter("p", practitioner)
                .getSingleResult();
        return n.intValue();
    }

    /** Recomputes and, if the set changed, stores it and publishes it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> refresh(String practitioner) {
        return refresh(practitioner, today());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> refresh(String practitioner, LocalDate today) {
        // Two changes at once that only together meet a requirement: the second waits for the first to commit
        // and then counts it, else each would fall short alone and neither publish what both add up to.
        tenant.serialise("eligibility " + practitioner);
        em.flush(); // what this transaction recorded counts
        // An erased practitioner holds nothing, whatever their records kept under the pseudonym add up to.
        List<String> now = Pseudonyms.isPseudonym(practitioner)
                ? List.of()
                : evaluate(practitioner, today).eligibilities();
        List<String> before = published.of(practitioner);
        if (before != null ? before.equals(now) : now.isEmpty()) {
            return now;
        }
        published.store(practitioner, now);
        audit.record("eligibility-changed", "practitioner", practitioner, String.join(",", now));
        outbox.publish(new AssessmentEvents.EligibilityChanged(practitioner, now));
        return now;
    }

    /** Recomputes every practitioner of the tenant, in the caller's transaction: the settings it depends on changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshEveryone() {
        LocalDate today = today();
        published.everyone().forEach(p -> refresh(p, today));
    }
}
