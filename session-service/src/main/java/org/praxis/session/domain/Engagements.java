package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.events.SessionEvents;

/** Opening engagements (by a practitioner, or as a draft from a decided intake) and moving their status. */
@ApplicationScoped
public class Engagements {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    EligibilityRegister eligibility;

    @Inject
    Policies policies;

    @Inject
    MonitoringPlans monitoringPlans;

    @Inject
    Event<EngagementMoved> moved;

    @Inject
    Contracts contracts;

    @Inject
    FollowUps followUps;

    public record NewEngagement(
            String clientSubject,
            String practitionerId,
            String pathway,
            String sponsorOrganisation,
            Integer sessionsPrepaid) {}

    @Transactional
    public Engagement open(NewEngagement request) {
        Caller caller = policies.caller();
        EngagementPolicy policy = policies.engagements();
        policy.requireAllowed(caller, EngagementPolicy.Action.OPEN);
        Engagement e = draft(
                caller.tenantId(),
                request.clientSubject(),
                EngagementPolicy.defaultPractitioner(caller, request.practitionerId()),
                request.pathway(),
                request.sponsorOrganisation(),
                null,
                policies.subject());
        Violation.refuseAny(
                "An engagement names its own practitioner: you, or a coach you supervise",
                policy.namingViolations(caller, e));
        requireEligibleFor(e);
        e.sessionsPrepaid = request.sessionsPrepaid();
        e.sessionsRemaining = request.sessionsPrepaid();
        em.persist(e);
        audit.record("create", "engagement", e.id, null);
        monitoringPlans.draft(e);
        return e;
    }

    /** 422 when the pathway needs an eligibility its practitioner lacks (integrated work): opening, each acceptance. */
    public void requireEligibleFor(Engagement e) {
        if ("integrated".equals(e.pathway)
                && !eligibility.holds(e.tenantId, e.practitionerId, EligibilityRegister.INTEGRATED_PRACTICE)) {
            throw ProblemException.unprocessable(
                    "Integrated work needs a practitioner eligible for it",
                    List.of(new Violation("practitionerId", "is not eligible for integrated practice")));
        }
    }

    /** From {@code intake.decided}; the unique source intake keeps it to one draft however often it arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean draftFromDecision(
            UUID intakeId, String clientSubject, String practitionerId, String pathway, String sponsorOrganisation) {
        boolean exists = !tenant.select(
                        Engagement.class, "e.sourceIntakeId = :intake", null, Map.of("intake", intakeId))
                .getResultList()
                .isEmpty();
        if (exists) {
            return false;
        }
        Engagement e = draft(
                tenant.tenantId(),
                clientSubject,
                practitionerId,
                pathway,
                sponsorOrganisation,
                intakeId,
                policies.subject());
        em.persist(e);
        audit.record("create-from-intake", "engagement", e.id, "intake " + intakeId);
        monitoringPlans.draft(e);
        return true;
    }

    private static Engagement draft(
            String tenantId,
            String client,
            String practitioner,
            String pathway,
            String sponsor,
            UUID intakeId,
            String by) {
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.tenantId = tenantId;
        e.clientSubject = client;
        e.practitionerId = practitioner;
        e.pathway = pathway;
        e.sponsorOrganisation = sponsor;
        e.status = EngagementLifecycle.DRAFT;
        e.sourceIntakeId = intakeId;
        e.createdBy = by;
        e.createdAt = Instant.now();
        return e;
    }

    /** The engagement if the caller may see it (its client, practitioner, or their supervisor); otherwise 404. */
    public Engagement readable(UUID id) {
        Engagement e = tenant.get(Engagement.class, id, "Engagement");
        return policies.engagements().requireView(policies.caller(), e, id);
    }

    /**
     * Whether the caller reads an engagement's pathway code: its practitioner and their supervisors do; its
     * client does not (intake-service words a pathway for the client, a code never reaches them). One test for
     * a whole page: the caller's relations (their supervisees, a query) are read once.
     */
    public Predicate<Engagement> pathwayShown() {
        Caller caller = policies.caller();
        EngagementPolicy policy = policies.engagements();
        return e -> policy.can(caller, EngagementPolicy.Action.CHANGE_STATUS, e);
    }

    /** Engagements the caller may list ({@code action} LIST, or LIST_OWN for the client's own). */
    public Page<Engagement> list(PageRequest page, String status, EngagementPolicy.Action action) {
        Caller caller = policies.caller();
        EngagementPolicy policy = policies.engagements();
        policy.requireAllowed(caller, action);
        Map<String, Object> params = new HashMap<>();
        List<String> where =
                new ArrayList<>(List.of("(" + policy.filter(caller, action).jpql("e", params) + ")"));
        if (status != null) {
            where.add("e.status = :status");
            params.put("status", status);
        }
        return tenant.pageNewestFirst(Engagement.class, where, params, page, "e.createdAt");
    }

    @Transactional
    public Engagement move(UUID id, String status, String ifMatch) {
        Engagement e = tenant.get(Engagement.class, id, "Engagement");
        policies.engagements().require(policies.caller(), EngagementPolicy.Action.CHANGE_STATUS, e, id);
        ETags.requireMatch(ifMatch, e.version);
        if (!EngagementLifecycle.isStatus(status)) {
            throw ProblemException.unprocessable(
                    "Unknown status " + status, List.of(new Violation("status", "must be paused, active or closed")));
        }
        EngagementLifecycle.requireMove(e.status, status);
        ReferralEffect.requireMayMove(e, status, () -> contracts.runsBesideTherapy(e.id));
        if (EngagementLifecycle.FOLLOW_UP.equals(e.status)) {
            followUps.close(e);
        } else {
            changeStatus(e, status);
        }
        return e;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changeStatus(Engagement e, String status) {
        String previous = e.status;
        e.status = status;
        // A move of any kind ends a pause the therapy made; the referral's own moves say so again after.
        e.pausedByReferral = false;
        if (EngagementLifecycle.CLOSED.equals(status)) {
            e.closedAt = Instant.now();
        }
        audit.record("move-to-" + status, "engagement", e.id, null);
        moved.fire(new EngagementMoved(e, previous));
        outbox.publish(new SessionEvents.EngagementStatusChanged(
                e.id, e.clientSubject, e.practitionerId, previous, status, e.sourceIntakeId));
    }

    /** Pauses {@code e} for the therapy of its current referral, which resumes it when it ends. */
    public void pauseForTherapy(Engagement e) {
        changeStatus(e, EngagementLifecycle.PAUSED);
        e.pausedByReferral = true;
    }
}
