package org.praxis.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.platform.events.UnprocessableEvent;

/** What the coordinator takes from a service's subject.erased, and what it refuses to record. */
class ErasureConfirmationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode payload(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void aServiceConfirmsOnItsOwnTopicWithWhatItCounted() throws Exception {
        ErasureConfirmationHandler.Confirmation c = ErasureConfirmationHandler.Confirmation.of(
                "/session-service",
                payload(
                        "{\"requestId\":\"r-1\",\"service\":\"session-service\",\"engagements\":2,\"signedNotesRetained\":1}"));
        assertEquals("r-1", c.requestId());
        assertEquals("session-service", c.service());
        assertEquals(Map.of("engagements", 2, "signedNotesRetained", 1), c.records());
    }

    @Test
    void onlyWholeNonNegativeCountsAreRecords() throws Exception {
        ErasureConfirmationHandler.Confirmation c = ErasureConfirmationHandler.Confirmation.of(
                "/intake-service",
                payload(
                        "{\"requestId\":\"r-1\",\"service\":\"intake-service\",\"intakes\":3,\"note\":\"x\",\"minus\":-1,"
                                + "\"half\":0.5,\"huge\":99999999999}"));
        assertEquals(Map.of("intakes", 3), c.records());
    }

    @Test
    void aConfirmationNamingAnotherServiceThanTheTopicsOwnerIsRefused() {
        assertThrows(
                UnprocessableEvent.class,
                () -> ErasureConfirmationHandler.Confirmation.of(
                        "/session-service",
                        payload("{\"requestId\":\"r-1\",\"service\":\"referral-service\",\"referrals\":0}")));
    }

    @Test
    void aConfirmationWithoutRequestOrServiceOrWithTooManyCountsIsRefused() {
        assertThrows(
                UnprocessableEvent.class,
                () -> ErasureConfirmationHandler.Confirmation.of(
                        "/intake-service", payload("{\"service\":\"intake-service\",\"intakes\":0}")));
        assertThrows(
                UnprocessableEvent.class,
                () -> ErasureConfirmationHandler.Confirmation.of(
                        "/intake-service", payload("{\"requestId\":\"r-1\",\"intakes\":0}")));
        StringBuilder many = new StringBuilder("{\"requestId\":\"r-1\",\"service\":\"intake-service\"");
        for (int i = 0; i <= ErasureConfirmationHandler.MAX_RECORD_KINDS; i++) {
            many.append(",\"kind").append(i).append("\":1");
        }
        assertThrows(
                UnprocessableEvent.class,
                () -> ErasureConfirmationHandler.Confirmation.of(
                        "/intake-service", payload(many.append('}').toString())));
        assertThrows(
                UnprocessableEvent.class,
                () -> ErasureConfirmationHandler.Confirmation.of(
                        "/intake-service",
                        payload("{\"requestId\":\"r-1\",\"service\":\"intake-service\",\"" + "k".repeat(65)
                                + "\":1}")));
    }
}
