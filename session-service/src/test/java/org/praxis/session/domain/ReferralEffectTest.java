package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every engagement status × pathway × beside-therapy × current referral × referral status, against tables. */
class ReferralEffectTest {
    private static final List<String> ENGAGEMENT_STATUSES = EngagementLifecycle.STATUSES;
    private static final List<String> REFERRAL_STATUSES =
            List.of("draft", "awaiting-consent", "sent", "accepted", "declined", "completed", "withdrawn", "cancelled");
    private static final List<String> ENDED = List.of("declined", "completed", "withdrawn", "cancelled");

    /** An accepted referral on an active engagement without one: the status it leaves, by pathway and beside. */
    private static final Map<String, String> ACCEPTED_ON_ACTIVE = Map.of(
            "coaching false", "paused",
            "coaching true", "active",
            "coaching-with-monitoring false", "paused",
            "coaching-with-monitoring true", "active",
            "integrated false", "active",
            "integrated true", "active");

    /**
     * The end of the engagement's current referral: the status it leaves, by engagement status. An accepted
     * referral changes nothing in follow-up (only an active engagement takes one on). Where coaching runs
     * beside the therapy, a paused engagement stays paused (below).
     */
    private static final Map<String, String> END_OF_CURRENT = Map.of(
            "draft", "draft", "active", "active", "paused", "active", "follow-up", "follow-up", "closed", "closed");

    private final UUID referral = UUID.randomUUID();

    @Test
    void everyCombinationAgreesWithTheTables() {
        for (String status : ENGAGEMENT_STATUSES) {
            for (String pathway : Engagement.PATHWAYS) {
                for (boolean beside : List.of(false, true)) {
                    for (String current : List.of("none", "this", "another")) {
                        for (boolean pausedBy : List.of(false, true)) {
                            UUID currentReferral = switch (current) {
                                case "this" -> referral;
                                case "another" -> UUID.randomUUID();
                                default -> null;
                            };
                            for (String referralStatus : REFERRAL_STATUSES) {
                                ReferralEffect.Change expected = null;
                                if (referralStatus.equals("accepted")
                                        && current.equals("none")
                                        && status.equals("active")) {
                                    String left = ACCEPTED_ON_ACTIVE.get(pathway + " " + beside);
                                    expected = new ReferralEffect.Change(left, referral, left.equals("paused"));
                                } else if (referralStatus.equals("accepted")
                                        && current.equals("none")
                                        && status.equals("paused")
                                        && ACCEPTED_ON_ACTIVE
                                                .get(pathway + " " + beside)
                                                .equals("paused")) {
                                    // paused already: recorded, so the pause lasts until the therapy ends
                                    expected = new ReferralEffect.Change("paused", referral, true);
                                } else if (referralStatus.equals("accepted")
                                        && current.equals("none")
                                        && status.equals("draft")) {
                                    // kept until the contract activates it ({@link ReferralEffect#atActivation})
                                    expected = new ReferralEffect.Change("draft", referral, false);
                                } else if (ENDED.contains(referralStatus) && current.equals("this")) {
                                    // Only the therapy's own pause ends with it.
                                    expected = new ReferralEffect.Change(
                                            status.equals("paused") && !pausedBy
                                                    ? "paused"
                                                    : END_OF_CURRENT.get(status),
                                            null,
                                            false);
                                }
                                String c = status + " " + pathway + " beside=" + beside + " current=" + current
                                        + " pausedBy=" + pausedBy + " " + referralStatus;
                                assertEquals(
                                        expected,
                                        ReferralEffect.of(
                                                status,
                                                pathway,
                                                beside,
                                                currentReferral,
                                                pausedBy,
                                                referral,
                                                referralStatus),
                                        c);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void anAcceptedReferralPausesCoachingButNotCoachingBesideTherapy() {
        assertEquals(
                new ReferralEffect.Change("paused", referral, true),
                ReferralEffect.of("active", "coaching", false, null, false, referral, "accepted"));
        assertEquals(
                new ReferralEffect.Change("active", referral, false),
                ReferralEffect.of("active", "coaching", true, null, false, referral, "accepted"));
        assertNull(ReferralEffect.of("paused", "coaching", true, UUID.randomUUID(), false, referral, "accepted"));
    }

    @Test
    void onlyThePauseTheTherapyMadeEndsWithIt() {
        // Coaching beside the therapy; the client then asked for a pause, which was granted: it outlasts the
        // therapy, whatever the contract in force says by its end.
        for (String pathway : List.of("integrated", "coaching")) {
            for (boolean beside : List.of(false, true)) {
                assertEquals(
                        new ReferralEffect.Change("paused", null, false),
                        ReferralEffect.of("paused", pathway, beside, referral, false, referral, "completed"));
            }
        }
        // The therapy paused it, and a later contract says coaching runs beside therapy: its end still resumes it.
        assertEquals(
                new ReferralEffect.Change("active", null, false),
                ReferralEffect.of("paused", "coaching", true, referral, true, referral, "withdrawn"));
        assertEquals(
                new ReferralEffect.Change("active", null, false),
                ReferralEffect.of("paused", "coaching", false, referral, true, referral, "completed"));
    }

    @Test
    void aDraftsActivationPausesItWhileATherapyAcceptedMeanwhileRunsUnlessCoachingRunsBesideIt() {
        for (String pathway : Engagement.PATHWAYS) {
            for (boolean beside : List.of(false, true)) {
                String onActive = ACCEPTED_ON_ACTIVE.get(pathway + " " + beside);
                assertEquals(
                        onActive.equals("paused") ? Optional.of("paused") : Optional.empty(),
                        ReferralEffect.atActivation(pathway, beside, referral),
                        pathway + " " + beside);
                assertEquals(Optional.empty(), ReferralEffect.atActivation(pathway, beside, null));
            }
        }
    }

    @Test
    void aPauseForTherapyIsNotResumedByHandUnlessCoachingRunsBesideIt() {
        for (String pathway : Engagement.PATHWAYS) {
            for (boolean beside : List.of(false, true)) {
                boolean alongside =
                        ACCEPTED_ON_ACTIVE.get(pathway + " " + beside).equals("active");
                assertEquals(alongside, ReferralEffect.mayResume(pathway, beside, true), pathway + " " + beside);
                // A pause a person made (coaching beside the therapy, the client's request granted) is theirs to end.
                assertEquals(true, ReferralEffect.mayResume(pathway, beside, false), pathway + " " + beside);
            }
        }
    }
}
