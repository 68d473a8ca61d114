package org.praxis.session.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.Problem;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.events.SessionEvents;

/** Opening engagements (by a practitioner, or as a draft from a decided intake) and moving their status. */
@ApplicationScoped
public class Engagements {
    @Inject
    EntityManager em;
    @Inject
    TenantQueries tenant;
    @Inject
    CallerContext callerContext;
    @Inject
    OutboxPublisher outbox;
    @Inject
    AuditLog audit;
    @Inject
    EligibilityRegister eligibility;
    @Inject
    SupervisionRegister supervision;

    public record NewEngagement(String clientSubject, String practitionerId, String pathway, String sponsorOrganisation,
                                Integer sessionsPrepaid) {
    }

    @Transactional
    public Engagement open(NewEngagement request) {
        Caller caller = callerContext.caller();
        String practitioner = request.practitionerId();
        if (!caller.hasRole(Roles.SUPERVISOR)) {
            // A coach opens engagements for themselves only.
            if (practitioner != null && !practitioner.equals(caller.subject())) {
                throw ProblemException.unprocessable("A coach opens engagements only as their practitioner",
                        List.of(new Problem.FieldError("practitionerId", "must be you or empty")));
            }
            practitioner = caller.subject();
        } else if (practitioner == null || !supervision.supervises(caller.tenantId(), caller.subject(), practitioner)) {
            throw ProblemException.unprocessable("Name a practitioner you supervise",
                    List.of(new Problem.FieldError("practitionerId", "must be a coach you supervise")));
        }
        if ("integrated".equals(request.pathway())
                && !eligibility.isEligible(caller.tenantId(), practitioner, EligibilityRegister.INTEGRATED_PRACTICE)) {
            throw ProblemException.unprocessable("Integrated work needs a practitioner eligible for it",
                    List.of(new Problem.FieldError("practitionerId", "is not eligible for integrated practice")));
        }
        Engagement e = draft(caller.tenantId(), request.clientSubject(), practitioner, request.pathway(),
                request.sponsorOrganisation(), null, caller.subject());
        e.sessionsPrepaid = request.sessionsPrepaid();
        e.sessionsRemaining = request.sessionsPrepaid();
        em.persist(e);
        audit.record("create", "engagement", e.id, null);
        return e;
    }

    /** From {@code intake.decided}; the unique source intake keeps it to one draft however often it arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean draftFromDecision(UUID intakeId, String clientSubject, String practitionerId, String pathway,
                                     String sponsorOrganisation) {
        boolean exists = !tenant.select(Engagement.class, "e.sourceIntakeId = :intake", null, Map.of("intake", intakeId))
                .getResultList().isEmpty();
        if (exists) {
            return false;
        }
        Engagement e = draft(tenant.tenantId(), clientSubject, practitionerId, pathway, sponsorOrganisation, intakeId,
                callerContext.subject());
        em.persist(e);
        audit.record("create-from-intake", "engagement", e.id, "intake " + intakeId);
        return true;
    }

    private static Engagement draft(String tenantId, String client, String practitioner, String pathway, String sponsor,
                                    UUID intakeId, String by) {
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.tenantId = tenantId;
        e.clientSubject = client;
        e.practitionerId = practitioner;
        e.pathway = pathway;
        e.sponsorOrganisation = sponsor;
        e.status = Engagement.DRAFT;
        e.sourceIntakeId = intakeId;
        e.createdBy = by;
        e.createdAt = Instant.now();
        return e;
    }

    /** The engagement if the caller is its client, its practitioner or a supervisor; otherwise 404. */
    public Engagement readable(UUID id) {
        Engagement e = tenant.get(Engagement.class, id, "Engagement");
        if (!EngagementAccess.canRead(callerContext.caller(), e, supervises(e))) {
            throw ProblemException.notFound("Engagement " + id);
        }
        return e;
    }

    public Engagement practisable(UUID id) {
        Engagement e = readable(id);
        if (!EngagementAccess.canPractise(callerContext.caller(), e, supervises(e))) {
            throw ProblemException.forbidden("Only the engagement's practitioner or a supervisor may do this.");
        }
        return e;
    }

    private boolean supervises(Engagement e) {
        Caller caller = callerContext.caller();
        return caller.hasRole(Roles.SUPERVISOR) && supervision.supervises(e.tenantId, caller.subject(), e.practitionerId);
    }

    /** The query condition limiting engagements to those the caller practises (coach, or supervisor of their coach). */
    public String practisedBy(Caller caller, Map<String, Object> params) {
        if (caller.hasRole(Roles.SUPERVISOR)) {
            List<String> supervisees = new ArrayList<>(supervision.supervisees(caller.tenantId(), caller.subject()));
            supervisees.add(caller.subject()); // a supervisor who also coaches sees their own
            params.put("supervisees", supervisees);
            return "e.practitionerId in :supervisees";
        }
        params.put("me", caller.subject());
        return "e.practitionerId = :me";
    }

    public List<Engagement> list(PageRequest page, String status) {
        Caller caller = callerContext.caller();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (caller.hasAnyRole(Roles.SUPERVISOR, Roles.COACH)) {
            where.add(practisedBy(caller, params));
        } else {
            where.add("e.clientSubject = :me");
            params.put("me", caller.subject());
        }
        if (status != null) {
            where.add("e.status = :status");
            params.put("status", status);
        }
        return tenant.page(Engagement.class, where, params, page, "e.createdAt");
    }

    @Transactional
    public Engagement move(UUID id, String status, String ifMatch) {
        Engagement e = practisable(id);
        ETags.requireMatch(ifMatch, e.version);
        if (!Engagement.isStatus(status)) {
            throw ProblemException.unprocessable("Unknown status " + status,
                    List.of(new Problem.FieldError("status", "must be paused, active or closed")));
        }
        if (!e.canMoveTo(status)) {
            throw ProblemException.conflict("An engagement cannot go from " + e.status + " to " + status
                    + (Engagement.ACTIVE.equals(status) ? " (a draft becomes active when its contract is accepted)" : "") + ".");
        }
        changeStatus(e, status);
        return e;
    }

    /** Applies a referral's progress (DESIGN flow 4) to the engagement it was made from. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyReferral(UUID engagementId, UUID referralId, String referralStatus) {
        tenant.find(Engagement.class, engagementId).ifPresent(e -> {
            ReferralEffect.Change change = ReferralEffect.of(e.status, e.pathway, e.currentReferral, referralId, referralStatus);
            if (change == null) {
                return;
            }
            e.currentReferral = change.currentReferral();
            if (!change.status().equals(e.status)) {
                changeStatus(e, change.status());
            } else {
                audit.record("referral-" + referralStatus, "engagement", e.id, "referral " + referralId);
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changeStatus(Engagement e, String status) {
        String previous = e.status;
        e.status = status;
        audit.record("move-to-" + status, "engagement", e.id, null);
        outbox.publish(SessionEvents.ENGAGEMENT_STATUS_CHANGED, e.id, new SessionEvents.EngagementStatusChanged(e.id,
                e.clientSubject, e.practitionerId, previous, status));
    }
}
