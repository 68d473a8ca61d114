package org.praxis.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;

class ConsentRecordTest {
    private static ConsentRecord asked(String decision, List<String> proposed) {
        ConsentRecord c = new ConsentRecord();
        c.decision = decision;
        c.proposed = proposed;
        c.shares = List.of();
        return c;
    }

    @Test
    void onlyAnAgreementAgreesAndOnlyAPendingConsentIsDecided() {
        Set<String> agreed = new TreeSet<>();
        Set<String> pending = new TreeSet<>();
        for (String d : List.of(
                ConsentRecord.PENDING,
                ConsentRecord.AGREED,
                ConsentRecord.REFUSED,
                ConsentRecord.WITHDRAWN,
                ConsentRecord.LAPSED)) {
            if (asked(d, List.of()).isAgreed()) {
                agreed.add(d);
            }
            if (asked(d, List.of()).isPending()) {
                pending.add(d);
            }
            if (!d.equals(ConsentRecord.PENDING)) {
                ProblemException e = assertThrows(
                        ProblemException.class, () -> asked(d, List.of()).decide(true, List.of(), null, Instant.now()));
                assertEquals(409, e.problem().status(), d);
            }
        }
        assertEquals(Set.of("agreed"), agreed);
        assertEquals(Set.of("pending"), pending);
    }

    @Test
    void theClientSharesNoMoreThanWasProposed() {
        ConsentRecord c = asked(ConsentRecord.PENDING, List.of("identity", "reason"));
        ProblemException e = assertThrows(
                ProblemException.class, () -> c.decide(true, List.of("identity", "risk"), null, Instant.now()));
        assertEquals(422, e.problem().status());
        assertEquals(ConsentRecord.PENDING, c.decision);

        c.decide(true, List.of("reason"), null, Instant.now());
        assertEquals(ConsentRecord.AGREED, c.decision);
        assertEquals(List.of("reason"), c.shares);
    }

    @Test
    void aPendingQuestionOrAGivenAgreementLapsesAnAnswerOrWithdrawalStaysTheClients() {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        for (String d : ConsentRecord.DECISIONS) {
            ConsentRecord c = asked(d, List.of("identity"));
            c.lapse(at);
            boolean lapses = d.equals(ConsentRecord.PENDING) || d.equals(ConsentRecord.AGREED);
            assertEquals(lapses ? ConsentRecord.LAPSED : d, c.decision, d);
            assertEquals(lapses ? at : null, c.lapsedAt, d);
        }
    }

    @Test
    void aRefusalSharesNothingWhateverWasSent() {
        ConsentRecord c = asked(ConsentRecord.PENDING, List.of("identity"));
        c.decide(false, List.of("identity", "risk"), null, Instant.now());
        assertEquals(ConsentRecord.REFUSED, c.decision);
        assertEquals(List.of(), c.shares);
    }
}
