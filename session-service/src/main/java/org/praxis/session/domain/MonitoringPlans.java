package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.web.ETags;
import org.praxis.session.domain.access.MonitoringPlanPolicy;

/** Monitoring plans: drafted with the tenant's defaults with the engagement, then the practitioner's to edit. */
@ApplicationScoped
public class MonitoringPlans {
    @Inject
    MonitoringMeasures measures;

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    MonitoringPolicies monitoringPolicies;

    /** A plan with the tenant's defaults for a new engagement on a monitoring pathway; none for any other. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void draft(Engagement e) {
        if (!MonitoringPlan.PATHWAYS.contains(e.pathway)) {
            return;
        }
        MonitoringPlan p = new MonitoringPlan();
        p.id = UUID.randomUUID();
        p.tenantId = e.tenantId;
        p.engagementId = e.id;
        p.schedule(monitoringPolicies.current(), null);
        p.updatedBy = e.createdBy;
        p.updatedAt = Instant.now();
        em.persist(p);
        audit.record("create", "monitoring-plan", p.id, "engagement " + e.id);
    }

    /** The engagement's plan, if it has one (no access check: for the service's own rules). */
    public Optional<MonitoringPlan> of(UUID engagementId) {
        return tenant.select(MonitoringPlan.class, "e.engagementId = :e", null, Map.of("e", engagementId))
                .getResultStream()
                .findFirst();
    }

    /** The plan if the caller may see it; 404 otherwise, and for an engagement without one. */
    public MonitoringPlan readable(UUID engagementId) {
        MonitoringPlan p = of(engagementId).orElse(null);
        if (p == null) {
            // The same answer as for a plan the caller may not see: a 404 does not tell whether the pathway has one.
            throw ProblemException.notFound("Monitoring plan " + engagementId);
        }
        return policies.monitoringPlans().requireView(policies.caller(), p, engagementId);
    }

    /**
     * The engagement moved from {@code previous} to its status. Active again after a pause, its weekly plan goes
     * on: only an active engagement's completed measure dates the next one, so one completed during the pause
     * left its instrument without a measure, and each such instrument is dated N weeks on, as after a change of
     * plan. Closed, its open measures are withdrawn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void engagementMoved(@Observes EngagementMoved moved) {
        Engagement e = moved.engagement();
        String previous = moved.previous();
        if (EngagementLifecycle.PAUSED.equals(previous) && EngagementLifecycle.ACTIVE.equals(e.status)) {
            measures.planChanged(e);
        } else if (EngagementLifecycle.CLOSED.equals(e.status)) {
            measures.withdrawOpen(e);
        }
    }

    @Transactional
    public MonitoringPlan replace(UUID engagementId, MonitoringSchedule schedule, LocalDate until, String ifMatch) {
        MonitoringPlan p = readable(engagementId);
        policies.monitoringPlans().require(policies.caller(), MonitoringPlanPolicy.Action.EDIT, p, engagementId);
        ETags.requireMatch(ifMatch, p.version);
        Engagement e = tenant.get(Engagement.class, engagementId, "Engagement");
        if (EngagementLifecycle.CLOSED.equals(e.status)) {
            // Its measures were withdrawn at the close; a plan changed now would ask for nothing and mislead.
            throw ProblemException.conflict("The engagement is closed; its monitoring plan no longer changes.");
        }
        Violation.refuseAny("The monitoring plan is not usable", schedule.violations());
        p.schedule(schedule, until);
        p.updatedBy = policies.subject();
        p.updatedAt = Instant.now();
        audit.record("replace", "monitoring-plan", p.id, null);
        em.flush();
        measures.planChanged(e);
        return p;
    }
}
