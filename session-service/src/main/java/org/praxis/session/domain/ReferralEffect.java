package org.praxis.session.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.praxis.platform.problem.ProblemException;

/**
 * What a referral's progress does to an engagement (DESIGN flow 4). An accepted referral pauses a
 * coaching engagement, or runs alongside an integrated one or one whose contract in force says
 * coaching runs beside therapy (issue 22), or waits in a draft to pause it once active; when that referral ends (completed,
 * declined, withdrawn, cancelled) an engagement it paused resumes ({@link Engagement#pausedByReferral}; one a
 * person paused while coaching ran beside the therapy stays paused, whatever the contract says by then). Other
 * referrals change nothing; nor does a
 * referral accepted in follow-up, whose booster sessions were agreed at the end review (a paused engagement
 * could not return to follow-up). A referral accepted while the engagement is paused for another reason keeps it
 * paused until the referral ends, and no one resumes it by hand meanwhile ({@link #mayResume}).
 */
public final class ReferralEffect {
    private static final Set<String> ENDED = Set.of("completed", "declined", "withdrawn", "cancelled");

    private ReferralEffect() {}

    /**
     * The new status and current referral, and whether the pause is that referral's, or null when the event
     * changes nothing.
     */
    public record Change(String status, UUID currentReferral, boolean pausedByReferral) {}

    public static Change of(
            String engagementStatus,
            String pathway,
            boolean besideTherapy,
            UUID currentReferral,
            boolean pausedByReferral,
            UUID referralId,
            String referralStatus) {
        boolean alongside = runsAlongside(pathway, besideTherapy);
        if ("accepted".equals(referralStatus) && currentReferral == null) {
            // A draft keeps the referral, so that its activation by the contract pauses it ({@link #atActivation}).
            if (EngagementLifecycle.DRAFT.equals(engagementStatus)) {
                return new Change(EngagementLifecycle.DRAFT, referralId, false);
            }
            if (EngagementLifecycle.ACTIVE.equals(engagementStatus)) {
                return alongside
                        ? new Change(EngagementLifecycle.ACTIVE, referralId, false)
                        : new Change(EngagementLifecycle.PAUSED, referralId, true);
            }
            // Paused already (a holiday, say): from now on it waits for the therapy too, and resumes when it ends.
            if (EngagementLifecycle.PAUSED.equals(engagementStatus) && !alongside) {
                return new Change(EngagementLifecycle.PAUSED, referralId, true);
            }
            return null;
        }
        if (ENDED.contains(referralStatus) && referralId.equals(currentReferral)) {
            // Only the therapy's own pause ends with it: one a person made while coaching ran beside the
            // therapy (the client's request, say) outlasts it.
            return new Change(
                    EngagementLifecycle.PAUSED.equals(engagementStatus) && pausedByReferral
                            ? EngagementLifecycle.ACTIVE
                            : engagementStatus,
                    null,
                    false);
        }
        return null;
    }

    /**
     * The status a draft's activation leaves after {@code active}: paused when a referral accepted while it was a
     * draft runs (as if accepted a moment after the activation), unless coaching runs beside therapy.
     */
    public static Optional<String> atActivation(String pathway, boolean besideTherapy, UUID currentReferral) {
        return currentReferral != null && !runsAlongside(pathway, besideTherapy)
                ? Optional.of(EngagementLifecycle.PAUSED)
                : Optional.empty();
    }

    /** Whether coaching goes on during the client's therapy: integrated work, or a contract that says so. */
    static boolean runsAlongside(String pathway, boolean besideTherapy) {
        return "integrated".equals(pathway) || besideTherapy;
    }

    /**
     * Whether a paused engagement may be resumed by hand: not while the therapy that paused it goes on (its
     * referral's end resumes it), unless coaching now runs beside therapy. A pause a person made is theirs to end.
     */
    public static boolean mayResume(String pathway, boolean besideTherapy, boolean pausedByReferral) {
        return !pausedByReferral || runsAlongside(pathway, besideTherapy);
    }

    /** 409 when a move by hand would resume {@code e} while {@link #mayResume} says no. */
    static void requireMayMove(Engagement e, String status, BooleanSupplier besideTherapy) {
        if (EngagementLifecycle.PAUSED.equals(e.status)
                && EngagementLifecycle.ACTIVE.equals(status)
                && !mayResume(e.pathway, besideTherapy.getAsBoolean(), e.pausedByReferral)) {
            throw ProblemException.conflict("The engagement is paused while the client is in therapy (referral "
                    + e.currentReferral + "); it resumes when that referral ends.");
        }
    }
}
