package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.praxis.platform.security.CallerContext;

/**
 * A practitioner's outcomes as evidence (issue 21): each engagement the end review closed adds to counts per
 * practitioner; nothing about a client or one engagement's classifications is kept.
 */
@ApplicationScoped
public class PractitionerOutcomes {
    /** session-service's classifications that count as reliable improvement. */
    public static final List<String> IMPROVED = List.of("reliable-improvement", "reliable-recovery");

    public static final String DETERIORATED = "reliable-deterioration";

    private static final CountedOnce COUNTED = new CountedOnce("practitioner_outcome_counted", "engagement_id");

    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    /** An engagement's outcome: its instruments' classifications and its counts. */
    public record Closed(
            UUID engagementId,
            String practitionerId,
            List<String> classifications,
            int goals,
            int goalsMet,
            int sessionsHeld) {}

    /** What was counted for a practitioner (for their subject export): engagements closed, and what they showed. */
    public record Totals(
            int engagements,
            int measured,
            int reliablyImproved,
            int reliablyDeteriorated,
            int goals,
            int goalsMet,
            int sessionsHeld) {}

    /** The practitioner's totals, if anything was counted for them. */
    Optional<Totals> totals(String practitioner) {
        List<?> rows = em.createNativeQuery("select engagements, measured, reliably_improved, reliably_deteriorated,"
                        + " goals, goals_met, sessions_held from practitioner_outcome"
                        + " where tenant_id = :t and practitioner_id = :p")
                .setParameter("t", callerContext.tenantId())
                .setParameter("p", practitioner)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    int[] n = java.util.Arrays.stream(r)
                            .mapToInt(v -> ((Number) v).intValue())
                            .toArray();
                    return new Totals(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
                })
                .findFirst();
    }

    /** Adds the engagement once: false when it was counted already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean count(Closed c) {
        String tenant = callerContext.tenantId();
        if (!COUNTED.claim(em, tenant, c.engagementId())) {
            return false;
        }
        em.createNativeQuery("insert into practitioner_outcome as o (tenant_id, practitioner_id, engagements, measured,"
                        + " reliably_improved, reliably_deteriorated, goals, goals_met, sessions_held, updated_at)"
                        + " values (:t, :p, 1, :m, :i, :d, :g, :gm, :s, :at)"
                        + " on conflict (tenant_id, practitioner_id) do update set engagements = o.engagements + 1,"
                        + " measured = o.measured + :m, reliably_improved = o.reliably_improved + :i,"
                        + " reliably_deteriorated = o.reliably_deteriorated + :d, goals = o.goals + :g,"
                        + " goals_met = o.goals_met + :gm, sessions_held = o.sessions_held + :s, updated_at = :at")
                .setParameter("t", tenant)
                .setParameter("p", c.practitionerId())
                .setParameter("m", c.classifications().isEmpty() ? 0 : 1)
                .setParameter("i", c.classifications().stream().anyMatch(IMPROVED::contains) ? 1 : 0)
                .setParameter("d", c.classifications().contains(DETERIORATED) ? 1 : 0)
                .setParameter("g", c.goals())
                .setParameter("gm", c.goalsMet())
                .setParameter("s", c.sessionsHeld())
                .setParameter("at", Instant.now())
                .executeUpdate();
        return true;
    }
}
