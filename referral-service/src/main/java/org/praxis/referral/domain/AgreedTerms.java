package org.praxis.referral.domain;

import static org.praxis.referral.domain.ReferralLifecycle.AWAITING_CONSENT;
import static org.praxis.referral.domain.ReferralLifecycle.DRAFT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.persistence.TenantQueries;

/**
 * What a client's consent and a supervisor's serious-risk approval are given for: a referral's terms and
 * the recipient its directory entry names. A change to either undoes both before the referral is sent, so
 * neither can be used to send something else: a revise of the terms ({@link Referrals#revise}) or an admin's
 * edit of who the service is or how a referral reaches it ({@link Directory}).
 */
@ApplicationScoped
public class AgreedTerms {
    @Inject
    TenantQueries tenant;

    @Inject
    ReferralHistory history;

    /** The referral's own terms were revised; {@code was} describes them before, {@code changed} whether they differ. */
    void revised(Referral r, String was, boolean changed) {
        if (changed) {
            voidException(r, was, "terms changed to " + ReferralHistory.terms(r));
        }
        if (AWAITING_CONSENT.equals(r.status)) {
            askAgain(r, "revise", "terms changed; the client is to be asked again");
        } else {
            history.step(r, "revise", null);
        }
    }

    /**
     * The directory entries of {@code serviceIds} now describe another recipient ({@code change} says how):
     * every unsent referral to them loses its exception and its consent, and one awaiting consent goes back to draft.
     */
    void recipientChanged(Collection<UUID> serviceIds, String change) {
        if (serviceIds.isEmpty()) {
            return;
        }
        List<Referral> unsent = tenant.select(
                        Referral.class,
                        "e.serviceId in :services and e.status in :unsent",
                        "e.id",
                        Map.of("services", serviceIds, "unsent", List.of(DRAFT, AWAITING_CONSENT)))
                .getResultList();
        Map<UUID, String> kinds = tenant.select(DirectoryService.class, "e.id in :ids", null, Map.of("ids", serviceIds))
                .getResultStream()
                .collect(java.util.stream.Collectors.toMap(s -> s.id, s -> s.kind));
        for (Referral r : unsent) {
            r.serviceKind = kinds.get(r.serviceId); // a change of kind is one of recipient: the terms say the new one
            voidException(r, ReferralHistory.terms(r), change);
            if (AWAITING_CONSENT.equals(r.status)) {
                askAgain(r, "recipient-changed", change + "; the client is to be asked again");
            }
        }
    }

    private void voidException(Referral r, String was, String change) {
        r.termsRevision++;
        // Hole 1: an exception (requested or approved) is for the terms it was asked for; any change voids it.
        if (r.exceptionRequestedAt != null) {
            boolean approved = r.exceptionApprovedAt != null;
            r.voidException();
            history.step(
                    r,
                    "void-risk-exception",
                    (approved ? "approved" : "requested") + " for " + was + "; " + change
                            + ": a new request and another supervisor's approval are needed");
        }
    }

    /** The consent asked for (or given) was for what changed: it lapses, and the referral is a draft again. */
    private void askAgain(Referral r, String action, String reason) {
        if (r.consentId != null) {
            tenant.find(ConsentRecord.class, r.consentId).ifPresent(c -> c.lapse(Instant.now()));
            r.consentId = null;
        }
        history.move(r, DRAFT, action, reason);
    }
}
