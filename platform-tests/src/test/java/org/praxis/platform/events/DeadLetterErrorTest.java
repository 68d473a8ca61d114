package org.praxis.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A dead letter says what went wrong without repeating the values it went wrong on (a person's id, say). */
class DeadLetterErrorTest {
    private static final String PERSON = "client-" + UUID.randomUUID();

    @Test
    void aDatabaseErrorKeepsItsCauseAndWithholdsTheFailingRow() {
        SQLException e = new SQLException(
                "ERROR: null value in column \"status\" of relation \"referral\" violates not-null constraint\n"
                        + "  Detail: Failing row contains (" + PERSON + ", null).",
                "23502");
        String said = DeadLetterTopic.described(new IllegalStateException("could not apply", e));
        assertTrue(said.startsWith("java.sql.SQLException: ERROR: null value in column \"status\""), said);
        assertTrue(said.contains("relation \"referral\""), "what failed stays readable: " + said);
        assertFalse(said.contains(PERSON), said);
    }

    @Test
    void aParserErrorWithholdsTheValueItChokedOn() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class, () -> new ObjectMapper().readValue("{\"id\":\"" + PERSON + "\"}", IdOnly.class));
        String said = DeadLetterTopic.described(e);
        assertTrue(said.contains("UUID"), said);
        assertFalse(said.contains(PERSON), said);

        for (String message : new String[] {
            "ERROR: invalid input syntax for type uuid: \"" + PERSON + "\"",
            "For input string: \"" + PERSON + "\"",
            "Invalid UUID string: " + PERSON,
            "Cannot deserialize value of type `java.util.UUID` from String value ('" + PERSON + "')"
        }) {
            String masked = DeadLetterTopic.described(new IllegalArgumentException(message));
            assertFalse(masked.contains(PERSON), masked);
        }
    }

    @Test
    void ourOwnMessagesAreKeptAndLongOnesCut() {
        assertEquals(
                "org.praxis.platform.events.UnprocessableEvent: subject.erased needs requestId and service",
                DeadLetterTopic.described(new UnprocessableEvent("subject.erased needs requestId and service")));
        assertEquals(
                501,
                DeadLetterTopic.described(new IllegalStateException("x".repeat(900)))
                        .length());
    }

    record IdOnly(UUID id) {}
}
