package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.session.domain.access.HandoverPolicy;
import org.praxis.session.domain.events.SessionEvents;

/**
 * Handing an engagement to another coach. Offered by its practitioner or their supervisor (or by a supervisor
 * granting the client's request for another coach), accepted or declined by the coach it names, or withdrawn while
 * open (by whoever may offer it, one the client asked for only by a supervisor; by another grant of the client's
 * request; by the engagement's close). On acceptance
 * the engagement's practitioner changes (and all access with it), a new contract version naming the new coach
 * is proposed, and no session is held until the client and the new coach accepted it.
 */
@ApplicationScoped
public class Handovers {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Engagements engagements;

    @Inject
    HandoverContracts handoverContracts;

    @Inject
    HandoverWithdrawals withdrawals;

    @Inject
    EligibilityRegister eligibility;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    public record Offer(String toPractitioner, String reason, String note) {}

    @Transactional
    public Handover offer(UUID engagementId, Offer offer) {
        Engagement e = engagements.readable(engagementId);
        Handover candidate = new Handover();
        candidate.engagementId = e.id;
        policies.handovers().require(policies.caller(), HandoverPolicy.Action.OFFER, candidate, engagementId);
        if (Handover.CLIENT_REQUEST.equals(offer.reason())) {
            throw ProblemException.unprocessable(
                    "A handover at the client's request starts when a supervisor grants that request",
                    List.of(new Violation("reason", "must be fit, scope or withdrawal")));
        }
        return start(e, offer, null);
    }

    /** A supervisor granted the client's request for another coach (checked by the request's policy). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Handover forClientRequest(Engagement e, String toPractitioner, UUID requestId) {
        // The client's request, granted, comes before an offer still open (a coach named who never answered).
        withdrawals.openOffer(e).ifPresent(withdrawals::withdrawn);
        return start(e, new Offer(toPractitioner, Handover.CLIENT_REQUEST, null), requestId);
    }

    private Handover start(Engagement e, Offer offer, UUID requestId) {
        // Locked (and its version checked) as a close or an acceptance would change it: no offer on a closed
        // engagement, nor one from a coach who just handed it on.
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        String to = offer.toPractitioner();
        if (to.equals(e.practitionerId) || to.equals(e.clientSubject)) {
            throw ProblemException.unprocessable(
                    "The new coach is someone else",
                    List.of(new Violation(
                            "toPractitionerId", "must be neither the current practitioner nor the client")));
        }
        requireEligible(e, to, "toPractitionerId");
        if (handoverContracts.namesInAnotherRole(e, to)) {
            throw ProblemException.unprocessable(
                    "The new coach is a party of the contract in another role",
                    List.of(new Violation(
                            "toPractitionerId", "is named in the contract as another party (a therapist, other)")));
        }
        if (!EngagementLifecycle.isOpen(e.status)) {
            throw ProblemException.conflict("The engagement is " + e.status + "; it is handed over while open.");
        }
        if (withdrawals.openOffer(e).isPresent()) {
            throw ProblemException.conflict("A handover of this engagement is offered already.");
        }
        EngagementLimits.requireRoom(em, e, Handover.class, EngagementLimits.HANDOVERS, "handover offers");
        Handover h = new Handover();
        h.id = UUID.randomUUID();
        h.tenantId = e.tenantId;
        h.engagementId = e.id;
        h.fromPractitioner = e.practitionerId;
        h.toPractitioner = to;
        h.reason = offer.reason();
        h.note(offer.note());
        h.status = Handover.OFFERED;
        h.offeredBy = policies.subject();
        h.offeredAt = Instant.now();
        h.clientRequestId = requestId;
        em.persist(h);
        audit.record("offer-handover", "handover", h.id, "engagement " + e.id);
        return h;
    }

    /** Integrated work needs an eligible practitioner (as when it is opened): the new coach too. */
    private void requireEligible(Engagement e, String coach, String field) {
        if ("integrated".equals(e.pathway)
                && !eligibility.holds(e.tenantId, coach, EligibilityRegister.INTEGRATED_PRACTICE)) {
            throw ProblemException.unprocessable(
                    "Integrated work needs a practitioner eligible for it",
                    List.of(new Violation(field, "is not eligible for integrated practice")));
        }
    }

    /** The new coach accepts (or declines) the offer naming them. */
    @Transactional
    public Handover answer(UUID engagementId, UUID handoverId, boolean accept, String ifMatch) {
        // The engagement first, then the handover, as every path that changes both: no deadlock with a grant.
        Engagement e = tenant.get(Engagement.class, engagementId, "Handover " + handoverId + " of engagement");
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        HandoverPolicy policy = policies.handovers();
        Handover h = handover(engagementId, handoverId);
        if (h != null && !Handover.OFFERED.equals(h.status) && policy.canView(policies.caller(), h)) {
            // Answered already: whoever still sees it (the coach who accepted it) is told so, not refused.
            throw ProblemException.conflict("This handover is " + h.status + " already.");
        }
        h = policy.require(policies.caller(), HandoverPolicy.Action.ANSWER, h, handoverId);
        ETags.requireMatch(ifMatch, h.version);
        if (accept) {
            if (!EngagementLifecycle.isOpen(e.status) || !h.fromPractitioner.equals(e.practitionerId)) {
                throw ProblemException.conflict("The engagement changed since the offer; it can no longer be taken.");
            }
            requireEligible(e, h.toPractitioner, "toPractitionerId");
            e.practitionerId = h.toPractitioner;
            h.answeredAt = Instant.now();
            handoverContracts.proposeSuccessor(e, h);
            outbox.publish(new SessionEvents.EngagementHandedOver(
                    e.id,
                    e.sourceIntakeId,
                    e.clientSubject,
                    h.fromPractitioner,
                    h.toPractitioner,
                    h.reason,
                    h.answeredAt));
        }
        h.status = accept ? Handover.ACCEPTED : Handover.DECLINED;
        h.answeredAt = h.answeredAt == null ? Instant.now() : h.answeredAt;
        audit.record(accept ? "accept-handover" : "decline-handover", "handover", h.id, "engagement " + engagementId);
        return h;
    }

    /**
     * The engagement's practitioner at {@code at}, handovers accepted since counted back: who held a session
     * that started then, whoever records it or gets feedback on it later.
     */
    public String practitionerAt(Engagement e, Instant at) {
        return Handover.practitionerAt(
                e.practitionerId,
                tenant.select(
                                Handover.class,
                                "e.engagementId = :e and e.status = :accepted",
                                "e.answeredAt asc",
                                Map.of("e", e.id, "accepted", Handover.ACCEPTED))
                        .getResultList(),
                at);
    }

    /** A handover and whether the caller reads its note (never the client). */
    public record Seen(Handover handover, boolean note) {}

    public Seen seen(Handover h) {
        return new Seen(h, policies.handovers().can(policies.caller(), HandoverPolicy.Action.READ_NOTE, h));
    }

    public Handover read(UUID engagementId, UUID handoverId) {
        return policies.handovers().requireView(policies.caller(), handover(engagementId, handoverId), handoverId);
    }

    /**
     * The handovers the caller sees, newest first, of one engagement (its practitioner history: who, from
     * whom, when, why) or of all (a coach's offers to answer with {@code status=offered}).
     */
    public Page<Seen> list(UUID engagementId, String status, PageRequest page) {
        Caller caller = policies.caller();
        HandoverPolicy policy = policies.handovers();
        policy.requireAllowed(caller, HandoverPolicy.Action.LIST);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(policy.listFilter(caller, params)));
        if (engagementId != null) {
            where.add("e.engagementId = :eng");
            params.put("eng", engagementId);
        }
        if (status != null) {
            where.add("e.status = :status");
            params.put("status", status);
        }
        Page<Handover> seen = tenant.pageNewestFirst(Handover.class, where, params, page, "e.offeredAt");
        if (engagementId != null && seen.items().isEmpty()) {
            engagements.readable(engagementId);
        }
        return seen.map(h -> new Seen(h, policy.can(caller, HandoverPolicy.Action.READ_NOTE, h)));
    }

    Handover handover(UUID engagementId, UUID handoverId) {
        Handover h = tenant.get(Handover.class, handoverId, "Handover");
        if (!h.engagementId.equals(engagementId)) {
            throw ProblemException.notFound("Handover " + handoverId);
        }
        return h;
    }
}
