package org.praxis.intake.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TestTenant;

/**
 * The database round trips of one screening submission, counted where the PostgreSQL driver sends
 * them: each ends with a Sync message, which pgjdbc logs at FINEST. A change that adds a statement
 * to this write path fails here (the message lists what was sent), not in a benchmark weeks later.
 * The figures are issue 19's least work plus the reads the rules need: the intake (access), the
 * open assignment the screening completes, the tenant's words for the client and the instrument's
 * earlier scores (issue 21's trajectory).
 */
@QuarkusTest
class ScreeningRoundTripsTest {
    private static final Logger WIRE = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final TestTenant t = new TestTenant();

    /** What the driver sent, by thread: the request's thread is the one that sent its idempotency key. */
    private static final class Wire extends Handler {
        private final SimpleFormatter text = new SimpleFormatter();
        final Map<String, List<String>> byThread = new ConcurrentHashMap<>();

        @Override
        public void publish(LogRecord record) {
            byThread.computeIfAbsent(
                            Thread.currentThread().getName(), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(text.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static List<String> sent(String marker, Runnable request) {
        Wire wire = new Wire();
        Level before = WIRE.getLevel();
        WIRE.setLevel(Level.FINEST);
        WIRE.addHandler(wire);
        try {
            request.run();
        } finally {
            WIRE.removeHandler(wire);
            WIRE.setLevel(before);
        }
        return wire.byThread.values().stream()
                .filter(messages -> messages.stream().anyMatch(m -> m.contains(marker)))
                .findFirst()
                .map(List::copyOf)
                .orElseThrow(() -> new AssertionError("no statement carried " + marker + ": " + wire.byThread));
    }

    /** The driver sends BEGIN ahead of the first statement, in the same round trip: only Syncs count. */
    private static long roundTrips(List<String> sent) {
        return sent.stream().filter(m -> m.contains("FE=> Sync")).count();
    }

    private static List<String> statements(List<String> sent) {
        return sent.stream()
                .filter(m -> m.contains("FE=> Parse") || m.contains("FE=> Bind") || m.contains("FE=> Sync"))
                .toList();
    }

    private String openIntake() {
        return as(t.supervisor)
                .body(Map.of("displayName", "Sam", "clientSubject", t.client.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> phq9(int item9) {
        return Map.of(
                "instrument",
                "PHQ-9",
                "answers",
                Map.of("1", 1, "2", 1, "3", 2, "4", 2, "5", 1, "6", 1, "7", 1, "8", 1, "9", item9));
    }

    private List<String> submit(String intake, String key, Map<String, Object> body, int status) {
        return sent(
                key,
                () -> as(t.supervisor)
                        .header("Idempotency-Key", key)
                        .body(body)
                        .when()
                        .post("/v1/intakes/" + intake + "/screenings")
                        .then()
                        .statusCode(status));
    }

    @Test
    void aScreeningTakesItsRoundTripsAndNoMore() {
        String intake = openIntake();
        submit(intake, "trips-" + UUID.randomUUID(), phq9(0), 201); // the tenant's client wording read and kept
        String key = "trips-" + UUID.randomUUID();
        List<String> sent = submit(intake, key, phq9(0), 201);
        List<String> flagged = submit(intake, "trips-" + UUID.randomUUID(), phq9(2), 201);
        List<String> replayed = submit(intake, key, phq9(0), 201);
        assertEquals(ROUND_TRIPS, roundTrips(sent), () -> String.join("\n", statements(sent)));
        assertEquals(ROUND_TRIPS_WITH_FLAG, roundTrips(flagged), () -> String.join("\n", statements(flagged)));
        assertEquals(ROUND_TRIPS_REPLAYED, roundTrips(replayed), () -> String.join("\n", statements(replayed)));
    }

    /**
     * The intake (access), the open assignment, the screening, the instrument's earlier scores (the baseline and
     * the one before: one query, for the trajectory), idempotency record + audit + outbox, commit. The
     * tenant's client wording (the answer's words for the client) is kept a few seconds: read by the warm-up.
     */
    private static final long ROUND_TRIPS = 6;
    /** And the risk flag and its first step (the flag's audit record and the events go with the others). */
    private static final long ROUND_TRIPS_WITH_FLAG = 8;
    /** A replay runs the create, finds the key taken, reads the first answer and rolls back. */
    private static final long ROUND_TRIPS_REPLAYED = 7;
}
