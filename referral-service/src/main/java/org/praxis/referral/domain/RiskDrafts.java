package org.praxis.referral.domain;

import static org.praxis.referral.domain.ReferralLifecycle.DRAFT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.persistence.TenantQueries;

/**
 * The drafts the system opens. DESIGN flows 2 and 3: a risk flag from intake or a concern noted in a
 * session opens an urgent draft for the supervisors' queue, also for a person known only by their
 * intake until an event names them; an intake decided {@code therapy} opens a draft for its
 * practitioner. Called by the event handlers, inside their transaction.
 */
@ApplicationScoped
public class RiskDrafts {
    /** The risk levels a draft carries: those of intake's risk-flag.raised and session's risk.noted (docs/events). */
    public static final String SERIOUS = "serious";

    public static final List<String> LEVELS = List.of(SERIOUS, "elevated", "low");

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    ReferralHistory history;

    /** The unique (origin, ref) keeps it to one draft per risk, however often the event arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean draftForRisk(
            String origin,
            String ref,
            String clientSubject,
            String practitionerId,
            String riskLevel,
            UUID intakeId,
            UUID engagementId) {
        return draft(
                origin,
                ref,
                clientSubject,
                practitionerId,
                riskLevel,
                intakeId,
                engagementId,
                ReasonCodes.SAFETY_CONCERN,
                Urgency.URGENT);
    }

    /**
     * An intake decided {@code therapy} (issue 22): a draft for the practitioner of the decision (the
     * supervisors' queue when none was named), who picks the service and asks the client's consent. Once
     * that referral completes, coaching may follow it (session-service's coaching after therapy). One per
     * intake, however often the event arrives.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean draftForTherapyDecision(UUID intakeId, String clientSubject, String practitionerId) {
        return draft(
                Referral.FROM_INTAKE_DECISION,
                intakeId.toString(),
                clientSubject,
                practitionerId,
                null,
                intakeId,
                null,
                ReasonCodes.BEYOND_COACHING_SCOPE,
                Urgency.SOON);
    }

    private boolean draft(
            String origin,
            String ref,
            String clientSubject,
            String practitionerId,
            String riskLevel,
            UUID intakeId,
            UUID engagementId,
            String reasonCode,
            Urgency urgency) {
        boolean exists = !tenant.select(
                        Referral.class,
                        "e.origin = :origin and e.originRef = :ref",
                        null,
                        Map.of("origin", origin, "ref", ref))
                .getResultList()
                .isEmpty();
        if (exists) {
            return false;
        }
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.tenantId = tenant.tenantId();
        r.clientSubject = clientSubject;
        r.practitionerId = practitionerId;
        r.origin = origin;
        r.originRef = ref;
        r.riskLevel = riskLevel;
        r.intakeId = intakeId;
        r.engagementId = engagementId;
        r.reasonCode = reasonCode;
        r.urgency = urgency.code;
        r.disclose = List.of();
        r.status = DRAFT;
        r.createdBy = history.actor();
        r.createdAt = Instant.now();
        r.statusAt = r.createdAt;
        em.persist(r);
        history.step(r, "create-from-" + origin, null);
        history.publish(r);
        return true;
    }

    /**
     * A person drafted for by their intake alone (no account yet) is identified once an event says
     * who they are: every referral of the intake still without a client subject gets it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int identify(UUID intakeId, String clientSubject) {
        if (intakeId == null || clientSubject == null) {
            return 0;
        }
        List<Referral> unknown = tenant.select(
                        Referral.class,
                        "e.intakeId = :intake and e.clientSubject is null",
                        null,
                        Map.of("intake", intakeId))
                .getResultList();
        for (Referral r : unknown) {
            r.clientSubject = clientSubject;
            history.step(r, "identify-client", "the intake's person now has an account");
        }
        return unknown.size();
    }
}
