package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.session.domain.access.EngagementPolicy;

/**
 * Coaching after therapy (issue 22): the completed therapy referrals session-service has heard of,
 * and the one coaching engagement a client, a coach or a supervisor starts from each.
 */
@ApplicationScoped
public class AfterTherapy {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    Engagements engagements;

    @Inject
    MonitoringPlans monitoringPlans;

    @Inject
    AfterTherapyPolicies tenantPolicy;

    public record CompletedReferral(
            UUID referralId,
            String clientSubject,
            UUID intakeId,
            UUID engagementId,
            String practitionerId,
            String serviceKind,
            Instant completedAt,
            String origin) {}

    /** Referrals referral-service drafts itself from intake-service's events: their intake id is the person's. */
    private static final java.util.Set<String> ORIGINS_NAMING_THEIR_INTAKE =
            java.util.Set.of("intake-decision", "risk-flag");

    /** Records a completed therapy referral once, however often its event arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordCompleted(CompletedReferral r) {
        if (completed(r.referralId()) != null) {
            return false;
        }
        CompletedTherapyReferral c = new CompletedTherapyReferral();
        c.id = UUID.randomUUID();
        c.tenantId = tenant.tenantId();
        c.referralId = r.referralId();
        c.clientSubject = r.clientSubject();
        c.intakeId = intakeOf(r);
        c.engagementId = r.engagementId();
        c.practitionerId = r.practitionerId();
        c.serviceKind = r.serviceKind();
        c.completedAt = r.completedAt();
        em.persist(c);
        audit.record("record-completed-therapy", "referral", r.referralId(), null); // not the kind: clinical
        return true;
    }

    /**
     * The intake coaching after the referral goes on from: its scores and monitoring are linked to the new
     * engagement. A practitioner types a manual referral's intake id, so it is not taken on trust: a referral
     * from an engagement goes on from that engagement's own intake (the same client's), one drafted from
     * intake-service's events from the intake they named, and any other from none.
     */
    private UUID intakeOf(CompletedReferral r) {
        if (r.engagementId() != null) {
            return tenant.find(Engagement.class, r.engagementId())
                    .filter(e -> r.clientSubject().equals(e.clientSubject))
                    .map(e -> e.sourceIntakeId)
                    .orElse(null);
        }
        return ORIGINS_NAMING_THEIR_INTAKE.contains(r.origin()) ? r.intakeId() : null;
    }

    /** The coach of the engagement the referral came from, as it is now (after a handover, the new one). */
    private String coachInCharge(CompletedTherapyReferral r) {
        return r.engagementId == null
                ? r.practitionerId
                : tenant.find(Engagement.class, r.engagementId)
                        .map(e -> e.practitionerId)
                        .orElse(r.practitionerId);
    }

    private CompletedTherapyReferral completed(UUID referralId) {
        return tenant.select(CompletedTherapyReferral.class, "e.referralId = :r", null, Map.of("r", referralId))
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * A draft coaching engagement after the completed therapy referral: its client starts it naming a
     * practitioner, a coach names themselves, a supervisor a supervisee. 404 when the caller may not
     * start from the referral (another client's, another coach's, another tenant's, not completed or not
     * therapy); 409 when one was started already or the tenant's policy wants a new intake first.
     */
    @Transactional
    public Engagement start(UUID referralId, String practitionerId, String pathway, Integer sessionsPrepaid) {
        Caller caller = policies.caller();
        EngagementPolicy policy = policies.engagements();
        policy.requireAllowed(caller, EngagementPolicy.Action.OPEN_AFTER_THERAPY);
        CompletedTherapyReferral r = completed(referralId);
        if (r == null || !policy.canStartAfter(caller, r.clientSubject, coachInCharge(r))) {
            throw ProblemException.notFound("Completed therapy referral " + referralId);
        }
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.tenantId = r.tenantId;
        e.clientSubject = r.clientSubject;
        e.practitionerId = EngagementPolicy.defaultPractitioner(caller, practitionerId);
        e.pathway = pathway == null ? "coaching" : pathway;
        e.status = EngagementLifecycle.DRAFT;
        e.sourceIntakeId = r.intakeId;
        e.afterTherapyReferral = r.referralId;
        e.precedingEngagementId = r.engagementId;
        e.sessionsPrepaid = sessionsPrepaid;
        e.sessionsRemaining = sessionsPrepaid;
        e.createdBy = caller.subject();
        e.createdAt = Instant.now();
        Violation.refuseAny(
                "An engagement after therapy names its client's practitioner: you, a coach you supervise, or"
                        + " (its client) a coach",
                policy.afterTherapyNamingViolations(caller, e));
        if (!tenant.select(Engagement.class, "e.afterTherapyReferral = :r", null, Map.of("r", referralId))
                .getResultList()
                .isEmpty()) {
            throw ProblemException.conflict("Coaching after this referral has been started already.");
        }
        if (tenantPolicy.current().newIntakeRequired()) {
            throw ProblemException.conflict(
                    "This organisation asks for a new intake before coaching after therapy: start with an intake.");
        }
        engagements.requireEligibleFor(e);
        em.persist(e);
        audit.record("create-after-therapy", "engagement", e.id, "referral " + referralId);
        monitoringPlans.draft(e);
        return e;
    }
}
