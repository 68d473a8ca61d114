package org.praxis.session.domain.access;

import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.praxis.session.domain.Engagement;

/**
 * The consuming side of hole 3 of issue 16: a {@code referral.status-changed} event may pause or
 * resume an engagement only when the referral is about that engagement's client and comes from its
 * practitioner, a supervisor of that practitioner, the referral it already follows, a practitioner who handed the engagement over (a referral
 * they made from it stays the engagement's: it paused it, and its end resumes it), or a risk (a risk flag or a
 * risk concern) about that client. Otherwise a coach's referral linked to another coach's engagement would pause it.
 *
 * <p>The event (docs/events, {@code ReferralEvents.StatusChanged})
 * says whose referral it is: {@code clientSubject}, {@code createdBy} (else {@code practitionerId}) and
 * {@code origin}; this policy refuses any that do not match the engagement. An event carrying none of
 * them (from a referral-service older than these fields) is refused while {@code requireProvenance}
 * holds ({@code praxis.session.referral-events.require-provenance}, on by default).
 */
public final class ReferralEventPolicy {
    static final Set<String> RISK_ORIGINS = Set.of("risk-flag", "risk-concern");

    /** What the event says about the referral; null where it says nothing. */
    public record Provenance(String clientSubject, String practitionerId, String createdBy, String origin) {
        public boolean isEmpty() {
            return clientSubject == null && practitionerId == null && createdBy == null && origin == null;
        }
    }

    private ReferralEventPolicy() {}

    /**
     * @param answersFor whether a subject supervises the engagement's practitioner or handed the engagement over
     * @return whether the referral may move this engagement
     */
    public static boolean mayMove(
            Engagement e, UUID referralId, Provenance p, Predicate<String> answersFor, boolean requireProvenance) {
        if (p.isEmpty()) {
            return !requireProvenance;
        }
        if (p.clientSubject() == null || !p.clientSubject().equals(e.clientSubject)) {
            return false;
        }
        if (referralId.equals(e.currentReferral)) {
            // It moved the engagement once, so its end resumes it, whoever answers for the coach by now
            // (a supervisor's referral after a handover or a change of supervisor would else leave it paused).
            return true;
        }
        if (p.origin() != null && RISK_ORIGINS.contains(p.origin())) {
            return true;
        }
        String by = p.createdBy() != null ? p.createdBy() : p.practitionerId();
        return by != null && (by.equals(e.practitionerId) || answersFor.test(by));
    }
}
