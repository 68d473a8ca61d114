package org.praxis.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayloadReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Held(
            @JsonProperty(required = true) UUID sessionId,
            @JsonProperty(required = true) @Size(max = 5) String practitionerId,
            int durationMinutes,
            Instant completedAt,
            List<String> codes) {}

    private static IncomingEvent event(String payload) throws Exception {
        return new IncomingEvent(
                UUID.randomUUID().toString(),
                "org.praxis.test.held.v1",
                "/test",
                "acme",
                null,
                "test.events",
                "k",
                JSON.readTree(payload),
                1L);
    }

    @Test
    void readsTheFieldsItNamesAndIgnoresTheRest() throws Exception {
        UUID id = UUID.randomUUID();
        Held held = event("{\"sessionId\":\"" + id + "\",\"practitionerId\":\"p-1\",\"durationMinutes\":50,"
                        + "\"completedAt\":\"2026-01-02T03:04:05Z\",\"codes\":[\"a\"],\"other\":true}")
                .payloadAs(Held.class);
        assertEquals(new Held(id, "p-1", 50, Instant.parse("2026-01-02T03:04:05Z"), List.of("a")), held);
    }

    @Test
    void aMissingOrNullRequiredFieldIsTheEventsFault() {
        UnprocessableEvent missing = assertThrows(
                UnprocessableEvent.class,
                () -> event("{\"practitionerId\":\"p-1\",\"durationMinutes\":50}")
                        .payloadAs(Held.class));
        assertEquals(
                "org.praxis.test.held.v1: Missing required creator property 'sessionId' (index 0)",
                missing.getMessage());
        UnprocessableEvent nulled = assertThrows(
                UnprocessableEvent.class,
                () -> event("{\"sessionId\":\"" + UUID.randomUUID()
                                + "\",\"practitionerId\":null,\"durationMinutes\":1}")
                        .payloadAs(Held.class));
        assertEquals("org.praxis.test.held.v1: practitionerId is required", nulled.getMessage());
    }

    @Test
    void aWrongTypeOrAnOverlongTextIsTheEventsFault() {
        String id = "\"sessionId\":\"" + UUID.randomUUID() + "\"";
        for (String payload : List.of(
                "{\"sessionId\":\"not-a-uuid\",\"practitionerId\":\"p\"}",
                "{" + id + ",\"practitionerId\":7}",
                "{" + id + ",\"practitionerId\":\"p\",\"durationMinutes\":\"50\"}",
                "{" + id + ",\"practitionerId\":\"p\",\"durationMinutes\":null}",
                "{" + id + ",\"practitionerId\":\"p\",\"completedAt\":\"yesterday\"}",
                "{" + id + ",\"practitionerId\":\"p\",\"codes\":\"a\"}",
                "{" + id + ",\"practitionerId\":\"p-123456\"}")) {
            assertThrows(UnprocessableEvent.class, () -> event(payload).payloadAs(Held.class), payload);
        }
    }
}
