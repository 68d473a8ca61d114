package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.web.Bounds;

/**
 * Keeps each engagement's score trajectories as intake-service reports them (trajectory.changed): the
 * intake an engagement was drafted from names it. A deterioration makes the engagement due for review.
 */
@ApplicationScoped
public class ScoreTrajectories {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    ReviewCalendar calendar;

    @Inject
    AuditLog audit;

    /** One classified screening of an intake, as trajectory.changed carries it. */
    public record Change(
            String instrument,
            UUID screeningId,
            UUID baselineScreeningId,
            int baselineTotal,
            int latestTotal,
            String baselineBand,
            String latestBand,
            String classification,
            boolean deteriorated,
            String thresholdsVersion) {}

    /**
     * Applies a change to the open engagements drafted from {@code intakeId} (none: nothing to do). A screening
     * already applied changes nothing, so a replayed event neither rewrites the row nor audits again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID intakeId, Change c) {
        for (Engagement e : openEngagementsFrom(intakeId).getResultList()) {
            ScoreTrajectory t = of(e.id, c.instrument());
            if (t != null && t.latestScreeningId.equals(c.screeningId())) {
                continue;
            }
            boolean first = t == null;
            if (first) {
                t = new ScoreTrajectory();
                t.id = UUID.randomUUID();
                t.tenantId = e.tenantId;
                t.engagementId = e.id;
                t.instrument = c.instrument();
            }
            t.baselineScreeningId = c.baselineScreeningId();
            t.latestScreeningId = c.screeningId();
            t.baselineTotal = c.baselineTotal();
            t.latestTotal = c.latestTotal();
            t.baselineBand = c.baselineBand();
            t.latestBand = c.latestBand();
            t.classification = c.classification();
            t.deteriorated = c.deteriorated();
            t.thresholdsVersion = c.thresholdsVersion();
            t.updatedAt = Instant.now();
            if (first) {
                em.persist(t);
            }
            // Admins read the audit trail: it says that the system acted, never how a client's scores moved (so a
            // review brought forward by a deterioration is not audited: the entry alone would tell).
            audit.record("update-trajectory", "engagement", e.id, null);
            if (c.deteriorated()) {
                calendar.dueBy(e, LocalDate.now(ZoneOffset.UTC));
            }
        }
    }

    /**
     * Whether {@link #apply} has an engagement to change, read without a transaction: most screenings belong to
     * intakes no engagement was drafted from yet, and the consumer then spares the inbox write and the commit. An
     * engagement drafted just after this read misses only a change it could as well have missed by being drafted a
     * moment later; it gets the trajectory with the intake's next classified screening.
     */
    public boolean anyOpenEngagementFrom(UUID intakeId) {
        return !openEngagementsFrom(intakeId).setMaxResults(1).getResultList().isEmpty();
    }

    private TypedQuery<Engagement> openEngagementsFrom(UUID intakeId) {
        return tenant.select(
                Engagement.class,
                "e.sourceIntakeId = :intake and e.status <> :closed",
                null,
                Map.of("intake", intakeId, "closed", EngagementLifecycle.CLOSED));
    }

    /** The engagement's trajectories, by instrument ({@link Bounds#LIST} instruments at most). */
    public List<ScoreTrajectory> ofEngagement(UUID engagementId) {
        return tenant.select(ScoreTrajectory.class, "e.engagementId = :e", "e.instrument", Map.of("e", engagementId))
                .setMaxResults(Bounds.LIST)
                .getResultList();
    }

    private ScoreTrajectory of(UUID engagementId, String instrument) {
        return tenant.select(
                        ScoreTrajectory.class,
                        "e.engagementId = :e and e.instrument = :i",
                        null,
                        Map.of("e", engagementId, "i", instrument))
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
