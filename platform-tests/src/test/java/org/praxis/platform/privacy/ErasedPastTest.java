package org.praxis.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.praxis.platform.events.IncomingEvent;

/** Which events about a person erased here are their erased past, and which their new activity. */
class ErasedPastTest {
    private static final Instant REQUESTED = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant SOURCE_ERASED = REQUESTED.plusSeconds(30);

    private static IncomingEvent sentAt(Instant time) {
        return new IncomingEvent(
                "e",
                "org.praxis.intake.thing.v1",
                "/intake-service",
                "acme",
                time,
                "intake.events",
                "k",
                JsonNodeFactory.instance.objectNode(),
                null);
    }

    @Test
    void sentBeforeTheRequestOrWithoutATimeIsThePast() {
        assertTrue(ErasedSubjects.erasedPast(sentAt(REQUESTED.minusMillis(1)), REQUESTED, true, null));
        assertTrue(ErasedSubjects.erasedPast(sentAt(REQUESTED), REQUESTED, false, null));
        assertTrue(ErasedSubjects.erasedPast(sentAt(null), REQUESTED, true, SOURCE_ERASED));
    }

    @Test
    void sentAfterTheRequestIsThePastUntilTheSourceErasedAndNewActivityAfter() {
        assertTrue(ErasedSubjects.erasedPast(sentAt(REQUESTED.plusSeconds(1)), REQUESTED, true, SOURCE_ERASED));
        assertTrue(ErasedSubjects.erasedPast(sentAt(SOURCE_ERASED), REQUESTED, true, SOURCE_ERASED));
        assertFalse(ErasedSubjects.erasedPast(sentAt(SOURCE_ERASED.plusMillis(1)), REQUESTED, true, SOURCE_ERASED));
    }

    @Test
    void sentAfterTheRequestWhileTheSourcesErasureIsNotKnownHereWaits() {
        ErasureUnderWay waiting = assertThrows(
                ErasureUnderWay.class,
                () -> ErasedSubjects.erasedPast(sentAt(REQUESTED.plusSeconds(1)), REQUESTED, true, null));
        assertEquals("erasure-by:/intake-service", waiting.waitingFor());
        assertEquals(waiting, ErasureUnderWay.in(new IllegalStateException(new RuntimeException(waiting))));
    }

    @Test
    void aSourceThatConfirmsNoErasureHereIsTakenAtTheRequestsTime() {
        assertFalse(ErasedSubjects.erasedPast(sentAt(REQUESTED.plusSeconds(1)), REQUESTED, false, null));
    }
}
