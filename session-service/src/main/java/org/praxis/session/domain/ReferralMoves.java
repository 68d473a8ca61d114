package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.session.domain.access.ReferralEventPolicy;

/** What referral-service's {@code referral.status-changed} does to the engagement the referral names (DESIGN flow 4). */
@ApplicationScoped
public class ReferralMoves {
    @Inject
    TenantQueries tenant;

    @Inject
    AuditLog audit;

    @Inject
    SupervisionRegister supervision;

    @Inject
    Contracts contracts;

    @Inject
    Engagements engagements;

    /** A referral's progress moves the engagement it was made from if it may ({@link ReferralEventPolicy}); else false. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(
            UUID engagementId,
            UUID referralId,
            String referralStatus,
            ReferralEventPolicy.Provenance provenance,
            boolean requireProvenance) {
        Engagement e = tenant.find(Engagement.class, engagementId).orElse(null);
        if (e == null) {
            return true;
        }
        if (!ReferralEventPolicy.mayMove(
                e,
                referralId,
                provenance,
                by -> supervision.supervises(e.tenantId, by, e.practitionerId) || handedOver(e, by),
                requireProvenance)) {
            audit.record(
                    "refuse-referral-" + referralStatus,
                    "engagement",
                    e.id,
                    "referral " + referralId
                            + " is not from this engagement's practitioner, their supervisor or a risk about its client");
            return false;
        }
        ReferralEffect.Change change = ReferralEffect.of(
                e.status,
                e.pathway,
                contracts.runsBesideTherapy(e.id),
                e.currentReferral,
                e.pausedByReferral,
                referralId,
                referralStatus);
        if (change == null) {
            return true;
        }
        e.currentReferral = change.currentReferral();
        if (!change.status().equals(e.status)) {
            engagements.changeStatus(e, change.status());
        } else {
            audit.record("referral-" + referralStatus, "engagement", e.id, "referral " + referralId);
        }
        e.pausedByReferral = change.pausedByReferral();
        return true;
    }

    /** Whether {@code who} handed this engagement on: a referral they made from it stays the engagement's own. */
    private boolean handedOver(Engagement e, String who) {
        return !tenant.select(
                        Handover.class,
                        "e.engagementId = :e and e.fromPractitioner = :who and e.status = :accepted",
                        null,
                        Map.of("e", e.id, "who", who, "accepted", Handover.ACCEPTED))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
