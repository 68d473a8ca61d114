package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.web.ETags;
import org.praxis.session.domain.access.HandoverPolicy;

/**
 * How an open handover offer ends without an answer: withdrawn by whoever may offer it (one the client asked for,
 * not by the coach being left), by another grant of the client's request ({@link Handovers}), or by the close.
 */
@ApplicationScoped
public class HandoverWithdrawals {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    @Inject
    Handovers handovers;

    /** The practitioner or their supervisor takes an open offer back. */
    @Transactional
    public Handover withdraw(UUID engagementId, UUID handoverId, String ifMatch) {
        Handover h = policies.handovers()
                .require(
                        policies.caller(),
                        HandoverPolicy.Action.WITHDRAW,
                        handovers.handover(engagementId, handoverId),
                        handoverId);
        ETags.requireMatch(ifMatch, h.version);
        if (!Handover.OFFERED.equals(h.status)) {
            throw ProblemException.conflict("This handover is " + h.status + " already.");
        }
        if (Handover.CLIENT_REQUEST.equals(h.reason) && h.fromPractitioner.equals(policies.subject())) {
            // The client's granted request is not the coach's to undo (the coach being left); a supervisor may end it
            // when the coach it names does not answer.
            throw ProblemException.forbidden("Only a supervisor withdraws a handover the client asked for.");
        }
        withdrawn(h);
        return h;
    }

    /** A closed engagement is handed to no one: its open offer (and the named coach's sight of it) ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    void engagementMoved(@Observes EngagementMoved moved) {
        if (EngagementLifecycle.CLOSED.equals(moved.engagement().status)) {
            // The lock an offer takes: one being made now commits first, and is found and withdrawn here.
            em.lock(moved.engagement(), LockModeType.PESSIMISTIC_WRITE);
            openOffer(moved.engagement()).ifPresent(this::withdrawn);
        }
    }

    Optional<Handover> openOffer(Engagement e) {
        return tenant.select(
                        Handover.class,
                        "e.engagementId = :e and e.status = :s",
                        null,
                        Map.of("e", e.id, "s", Handover.OFFERED))
                .getResultStream()
                .findFirst();
    }

    void withdrawn(Handover h) {
        h.status = Handover.WITHDRAWN;
        h.answeredAt = Instant.now();
        audit.record("withdraw-handover", "handover", h.id, "engagement " + h.engagementId);
    }
}
