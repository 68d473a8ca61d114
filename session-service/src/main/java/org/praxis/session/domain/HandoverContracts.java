package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.problem.ProblemException;

/**
 * The contract after a handover: a new version naming the new coach, and no session until the client and the new
 * coach accepted it.
 */
@ApplicationScoped
public class HandoverContracts {
    @Inject
    EntityManager em;

    @Inject
    Contracts contracts;

    @Inject
    AuditLog audit;

    @Inject
    Policies policies;

    /** After a handover: the version in force (else the latest) naming the new coach, to be accepted again. */
    @Transactional(Transactional.TxType.MANDATORY)
    void proposeSuccessor(Engagement e, Handover h) {
        List<Contract> all = contracts.versions(e.id);
        if (all.isEmpty()) {
            return;
        }
        Contract base = contracts.inForce(e.id).map(Contracts.Version::contract).orElse(all.get(all.size() - 1));
        Contract next = base.successorForHandover(all.size() + 1, h.id, policies.subject());
        em.persist(next);
        for (ContractParty p : contracts.parties(base.id)) {
            if (!ContractParty.COACH.equals(p.role) && h.toPractitioner.equals(p.subject)) {
                continue; // named before in another role (a therapist, other): now the coach, once
            }
            ContractParty party = new ContractParty();
            party.id = UUID.randomUUID();
            party.tenantId = next.tenantId;
            party.contractId = next.id;
            party.role = p.role;
            // The coach party is the engagement's practitioner: the new coach, whoever the base version named
            // (after two handovers in a row the version in force still names the first coach).
            party.subject = ContractParty.COACH.equals(p.role) ? h.toPractitioner : p.subject;
            party.required = p.required;
            em.persist(party);
        }
        audit.record("propose", "contract", next.id, "handover " + h.id);
    }

    /** Whether the version in force (else the latest) names {@code who} in a role other than coach. */
    boolean namesInAnotherRole(Engagement e, String who) {
        List<Contract> all = contracts.versions(e.id);
        if (all.isEmpty()) {
            return false;
        }
        Contract base = contracts.inForce(e.id).map(Contracts.Version::contract).orElse(all.get(all.size() - 1));
        return contracts.parties(base.id).stream()
                .anyMatch(p -> !ContractParty.COACH.equals(p.role) && who.equals(p.subject));
    }

    /**
     * 409 while no version from the last handover's on is in force: no session with a coach the client has not
     * accepted. A later version proposed meanwhile does not settle it; only one accepted does.
     */
    public void requireContractSettled(Engagement e) {
        int handedOver = contracts.versions(e.id).stream()
                .filter(c -> c.handoverId != null)
                .mapToInt(c -> c.number)
                .max()
                .orElse(0);
        int inForce = contracts.inForce(e.id).map(v -> v.contract().number).orElse(0);
        if (handedOver > inForce) {
            throw ProblemException.conflict("The coach changed: no session is held until the client and the new coach"
                    + " have accepted contract version " + handedOver + " or a later one.");
        }
    }
}
