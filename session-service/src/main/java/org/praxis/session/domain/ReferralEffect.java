package org.praxis.session.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What a referral's progress does to an engagement (DESIGN flow 4). An accepted referral pauses a
 * coaching engagement, or runs alongside an integrated one or one whose contract in force says
 * coaching runs beside therapy (issue 22); when that referral ends (completed,
 * declined, withdrawn, cancelled) a paused engagement resumes. Other referrals change nothing; nor does a
 * referral accepted in follow-up, whose booster sessions were agreed at the end review (a paused engagement
 * could not return to follow-up).
 */
public final class ReferralEffect {
    private static final Set<String> ENDED = Set.of("completed", "declined", "withdrawn", "cancelled");

    private ReferralEffect() {}

    /** The new status and current referral, or null when the event changes nothing. */
    public record Change(String status, UUID currentReferral) {}

    public static Change of(
            String engagementStatus,
            String pathway,
            boolean besideTherapy,
            UUID currentReferral,
            UUID referralId,
            String referralStatus) {
        if ("accepted".equals(referralStatus) && currentReferral == null) {
            if (EngagementLifecycle.ACTIVE.equals(engagementStatus)) {
                boolean alongside = "integrated".equals(pathway) || besideTherapy;
                return new Change(alongside ? EngagementLifecycle.ACTIVE : EngagementLifecycle.PAUSED, referralId);
            }
            return null;
        }
        if (ENDED.contains(referralStatus) && referralId.equals(currentReferral)) {
            return new Change(
                    EngagementLifecycle.PAUSED.equals(engagementStatus) ? EngagementLifecycle.ACTIVE : engagementStatus,
                    null);
        }
        return null;
    }
}
