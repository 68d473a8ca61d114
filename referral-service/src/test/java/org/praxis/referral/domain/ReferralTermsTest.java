package org.praxis.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;

class ReferralTermsTest {
    private static DirectoryService service(String kind) {
        DirectoryService s = new DirectoryService();
        s.id = UUID.randomUUID();
        s.kind = kind;
        return s;
    }

    private static List<String> fields(ProblemException e) {
        return e.problem().errors().stream().map(Violation::field).toList();
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsApplied() {
        Referral r = new Referral();
        ReferralTerms terms = new ReferralTerms(
                UUID.randomUUID(), "astrology", null, "whenever", List.of("identity", "diagnosis"), null, null);
        ProblemException e = assertThrows(ProblemException.class, () -> terms.applyTo(r, null));
        assertEquals(422, e.problem().status());
        assertEquals(List.of("reasonCode", "urgency", "disclose", "serviceId"), fields(e));
        assertNull(r.urgency);
    }

    @Test
    void aSelfHelpResourceIsOfferedNotReferredTo() {
        DirectoryService selfHelp = service(ServiceKinds.SELF_HELP);
        ReferralTerms terms = new ReferralTerms(selfHelp.id, ReasonCodes.ALL.get(0), null, "routine", null, null, null);
        assertEquals(
                List.of("serviceId"),
                fields(assertThrows(ProblemException.class, () -> terms.applyTo(new Referral(), selfHelp))));
    }

    @Test
    void validTermsAreAppliedWithTheDisclosureSortedOnce() {
        DirectoryService therapy = service("therapy");
        Referral r = new Referral();
        new ReferralTerms(
                        therapy.id,
                        ReasonCodes.ALL.get(0),
                        null,
                        "soon",
                        List.of("reason", "identity", "reason"),
                        null,
                        null)
                .applyTo(r, therapy);
        assertEquals(therapy.id, r.serviceId);
        assertEquals("therapy", r.serviceKind);
        assertEquals("soon", r.urgency);
        assertEquals(List.of("identity", "reason"), r.disclose);
    }
}
