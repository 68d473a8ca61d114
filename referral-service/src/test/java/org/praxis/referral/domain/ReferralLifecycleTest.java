package org.praxis.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;

class ReferralLifecycleTest {

    @Test
    void exactlyTheDocumentedMovesAreAllowed() {
        Set<String> allowed = Set.of(
                "draft>awaiting-consent",
                "draft>sent",
                "draft>cancelled",
                "awaiting-consent>draft",
                "awaiting-consent>sent",
                "awaiting-consent>withdrawn",
                "awaiting-consent>cancelled",
                "sent>accepted",
                "sent>declined",
                "sent>cancelled",
                "accepted>completed",
                "accepted>cancelled");
        List<String> found = new ArrayList<>();
        for (String from : ReferralLifecycle.STATUSES) {
            for (String to : ReferralLifecycle.STATUSES) {
                if (ReferralLifecycle.canMove(from, to)) {
                    found.add(from + ">" + to);
                }
            }
        }
        assertEquals(allowed, Set.copyOf(found));
        assertEquals(allowed.size(), found.size());
    }

    @Test
    void closedStatusesAreFinal() {
        for (String s : List.of("declined", "completed", "withdrawn", "cancelled")) {
            assertFalse(ReferralLifecycle.isOpen(s), s);
        }
        assertTrue(ReferralLifecycle.isOpen("sent"));
        assertFalse(ReferralLifecycle.canMove("unknown", "sent"));
        assertEquals(
                "A referral cannot go from completed to sent.",
                assertThrows(ProblemException.class, () -> ReferralLifecycle.requireMove("completed", "sent"))
                        .getMessage());
    }

    private static DirectoryService service(boolean accepting) {
        DirectoryService s = new DirectoryService();
        s.id = UUID.randomUUID();
        s.kind = "therapy";
        s.acceptingReferrals = accepting;
        return s;
    }

    private static ConsentRecord consent(String decision, List<String> shares) {
        ConsentRecord c = new ConsentRecord();
        c.decision = decision;
        c.shares = shares;
        return c;
    }

    @Test
    void sendingNeedsAnAcceptingServiceAndConsentOrAnApprovedException() {
        Referral r = new Referral();
        r.disclose = List.of("identity", "reason");
        assertNotNull(r.sendRefusal(consent("agreed", List.of()), null));
        assertNotNull(r.sendRefusal(consent("agreed", List.of()), service(false)));
        assertNotNull(r.sendRefusal(null, service(true)));
        assertNotNull(r.sendRefusal(consent("pending", List.of()), service(true)));
        assertNotNull(r.sendRefusal(consent("refused", List.of()), service(true)));
        assertNull(r.sendRefusal(consent("agreed", List.of()), service(true)));

        r.exceptionRequestedAt = java.time.Instant.now();
        assertNotNull(r.sendRefusal(null, service(true)), "requested is not approved");
        r.exceptionApprovedAt = java.time.Instant.now();
        assertNotNull(r.sendRefusal(null, service(true)), "an approval bound to no terms holds for none");
        r.urgency = "emergency";
        r.exceptionApprovedRevision = r.termsRevision;
        r.exceptionApprovedTerms = r.termsDigest();
        assertNull(r.sendRefusal(null, service(true)));
        r.urgency = "routine";
        assertNotNull(r.sendRefusal(null, service(true)), "approved for other terms (issue 16, hole 1)");
        r.urgency = "emergency";
        r.termsRevision++;
        assertNotNull(r.sendRefusal(null, service(true)), "approved for another revision of the terms");
    }

    @Test
    void theRecipientSeesOnlyWhatBothTheProposalAndTheConsentAllow() {
        Referral r = new Referral();
        r.disclose = List.of("contact", "identity", "reason");
        assertEquals(List.of("identity"), r.effectiveDisclosure(consent("agreed", List.of("identity", "risk"))));
        assertEquals(List.of(), r.effectiveDisclosure(consent("withdrawn", List.of("identity"))));
        assertEquals(List.of(), r.effectiveDisclosure(null));
        r.sentUnderException = true;
        assertEquals(r.disclose, r.effectiveDisclosure(null));
    }

    @Test
    void disclosureItemsAreChecked() {
        assertEquals(List.of(1), Disclosure.unknown(List.of("identity", "diagnosis")));
        assertEquals(List.of(1), Disclosure.beyond(List.of("identity"), List.of("identity", "contact")));
    }

    @Test
    void urgencyMapsToRisingFhirPriorities() {
        assertEquals(
                List.of("stat", "asap", "urgent", "routine"),
                java.util.Arrays.stream(Urgency.values())
                        .map(Urgency::fhirPriority)
                        .toList());
        assertEquals(Urgency.SOON, Urgency.of("soon"));
    }
}
