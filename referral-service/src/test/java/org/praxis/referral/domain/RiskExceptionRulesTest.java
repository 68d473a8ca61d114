package org.praxis.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;

/** The serious-risk exception's rules on {@link Referral}, over every status, urgency and state of the exception. */
class RiskExceptionRulesTest {
    /** Where the exception stands: never asked, asked, approved for these terms, approved for terms since changed. */
    enum Stage {
        NONE,
        REQUESTED,
        APPROVED,
        APPROVED_FOR_OTHER_TERMS
    }

    /** What the referral says of the risk: its reason code and, from a flag or concern, the level ("-": none). */
    static final List<String> RISKS =
            List.of("safety-concern/-", "safety-concern/serious", "safety-concern/elevated", "grief/-");

    private static Referral referral(String status, String urgency, Stage stage) {
        return referral(status, urgency, stage, "safety-concern/-");
    }

    private static Referral referral(String status, String urgency, Stage stage, String risk) {
        Referral r = new Referral();
        r.status = status;
        r.urgency = urgency;
        r.reasonCode = risk.split("/")[0];
        r.riskLevel = risk.endsWith("/-") ? null : risk.split("/")[1];
        r.disclose = List.of("identity");
        if (stage != Stage.NONE) {
            r.requestException(null, "coach-1", Instant.now());
        }
        if (stage == Stage.APPROVED || stage == Stage.APPROVED_FOR_OTHER_TERMS) {
            r.approveException("supervisor-1", Instant.now());
        }
        if (stage == Stage.APPROVED_FOR_OTHER_TERMS) {
            r.termsRevision++;
        }
        return r;
    }

    /** The status of the refusal, or 0 when the rule lets it through. */
    private static int refusal(Runnable rule) {
        try {
            rule.run();
            return 0;
        } catch (ProblemException e) {
            return e.problem().status();
        }
    }

    @Test
    void beforeSendingIsExactlyDraftAndAwaitingConsent() {
        Set<String> before = new TreeSet<>();
        for (String s : ReferralLifecycle.STATUSES) {
            Referral r = new Referral();
            r.status = s;
            if (r.isBeforeSending()) {
                before.add(s);
            }
        }
        assertEquals(Set.of("draft", "awaiting-consent"), before);
    }

    @Test
    void theExceptionIsRequestedOnlyBeforeSendingAndOnlyForASeriousRisk() {
        List<String> table = new ArrayList<>();
        for (String status : ReferralLifecycle.STATUSES) {
            for (String urgency : Urgency.codes()) {
                for (Stage stage : Stage.values()) {
                    for (String risk : RISKS) {
                        int refused = refusal(referral(status, urgency, stage, risk)::requireExceptionRequestable);
                        boolean before = status.equals("draft") || status.equals("awaiting-consent");
                        boolean serious = urgency.equals("emergency")
                                && (risk.equals("safety-concern/-") || risk.equals("safety-concern/serious"));
                        // A later status is a conflict first; before sending, anything but an emergency about a
                        // safety concern, serious where a level is known, is refused by the rules.
                        int expected = !before ? 409 : serious ? 0 : 422;
                        if (refused != expected) {
                            table.add(status + "/" + urgency + "/" + stage + "/" + risk + ": " + refused + " not "
                                    + expected);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), table);
    }

    @Test
    void theExceptionIsApprovedOnceRequestedBeforeSendingForASeriousRiskAndNotYetApproved() {
        Set<String> approvable = new TreeSet<>();
        int cases = 0;
        for (String status : ReferralLifecycle.STATUSES) {
            for (String urgency : Urgency.codes()) {
                for (Stage stage : Stage.values()) {
                    for (String risk : RISKS) {
                        cases++;
                        int refused = refusal(referral(status, urgency, stage, risk)::requireExceptionApprovable);
                        if (refused == 0) {
                            approvable.add(status + "/" + urgency + "/" + stage + "/" + risk);
                        } else {
                            assertEquals(409, refused, status + "/" + urgency + "/" + stage + "/" + risk);
                        }
                    }
                }
            }
        }
        assertEquals(8 * 4 * 4 * 4, cases);
        // An approval for terms since changed no longer holds, so the new terms may be approved; only a serious risk.
        Set<String> expected = new TreeSet<>();
        for (String status : List.of("draft", "awaiting-consent")) {
            for (String stage : List.of("REQUESTED", "APPROVED_FOR_OTHER_TERMS")) {
                for (String risk : List.of("safety-concern/-", "safety-concern/serious")) {
                    expected.add(status + "/emergency/" + stage + "/" + risk);
                }
            }
        }
        assertEquals(expected, approvable);
    }

    @Test
    void anApprovalIsBoundToTheTermsItWasGivenFor() {
        Referral r = referral("draft", "emergency", Stage.APPROVED);
        assertTrue(r.exceptionApproved());
        assertEquals(r.termsRevision, r.exceptionApprovedRevision);
        assertEquals("emergency", r.exceptionApprovedUrgency);
        assertEquals(List.of("identity"), r.exceptionApprovedDisclose);
        r.disclose = List.of("identity", "contact");
        assertTrue(!r.exceptionApproved(), "other disclosure, other terms");
    }

    @Test
    void aNewRequestVoidsTheEarlierApprovalAndIsNewTerms() {
        Referral r = referral("draft", "emergency", Stage.APPROVED);
        int revision = r.termsRevision;
        r.requestException(null, "coach-2", Instant.now());
        assertNull(r.exceptionApprovedAt);
        assertNull(r.exceptionApprovedTerms);
        assertEquals("coach-2", r.exceptionRequestedBy);
        assertNotEquals(revision, r.termsRevision);
    }
}
