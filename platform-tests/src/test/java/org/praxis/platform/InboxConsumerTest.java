package org.praxis.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.praxis.platform.events.InboxConsumer;
import org.praxis.testsupport.TopicProbe;

@QuarkusTest
class InboxConsumerTest {
    private static final String TOPIC = RecordingHandler.TOPIC;

    private static Map<String, String> headers(String id, String tenant) {
        Map<String, String> h = new HashMap<>();
        h.put("ce_id", id);
        h.put("ce_type", "org.praxis.test.thing.happened.v1");
        h.put("ce_source", "/elsewhere");
        h.put("ce_time", Instant.now().toString());
        h.put("ce_tenant", tenant);
        return h;
    }

    private static String send(String payload) {
        String id = UUID.randomUUID().toString();
        TopicProbe.send(TOPIC, "thing-" + id, payload, headers(id, "acme"));
        return id;
    }

    private static long applied(String eventId) {
        return Db.count("select count(*) from applied_effect where event_id = ?", eventId);
    }

    private static void awaitApplied(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId) == 1);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            TopicProbe.send(TOPIC, "thing-" + id, "{\"n\":1}", headers(id, "globex"));
        }
        // A marker sent after the copies: once it is applied, every copy has been read.
        String marker = send("{\"n\":2}");
        awaitApplied(marker);
        assertEquals(1, applied(id));
        assertEquals(1, RecordingHandler.ATTEMPTS.get(id).get(), "the copies never reached the handler");
        assertEquals(
                1,
                Db.count("select count(*) from applied_effect where event_id = ? and tenant_id = 'globex'", id),
                "applied on behalf of the event's tenant");
    }

    @Test
    void anEventItsHandlerHasNothingToDoWithIsNeitherAppliedNorMarked() {
        String idle = send("{\"nothingToDo\":true}");
        String marker = send("{\"n\":6}"); // read after it: once the marker is applied, it has been read
        awaitApplied(marker);
        assertEquals(0, applied(idle));
        assertEquals(null, RecordingHandler.ATTEMPTS.get(idle), "the handler never saw it");
        assertEquals(0, Db.count("select count(*) from inbox_event where event_id = ?", idle), "no inbox mark");
        assertEquals(1, Db.count("select count(*) from inbox_event where event_id = ?", marker));
    }

    @Test
    void anEventFromAnotherSourceThanTheTopicsOwnerIsDeadLetteredUnapplied() {
        String forged = UUID.randomUUID().toString();
        Map<String, String> h = headers(forged, "acme");
        h.put("ce_source", "/session-service");
        TopicProbe.send(TOPIC, "thing-" + forged, "{\"n\":4}", h);
        String next = send("{\"n\":5}");
        awaitApplied(next);
        assertEquals(0, applied(forged));
        assertEquals(null, RecordingHandler.ATTEMPTS.get(forged), "never reached the handler");
        List<ConsumerRecord<String, String>> dead = deadLetters(forged);
        assertEquals(1, dead.size());
        assertTrue(
                TopicProbe.header(dead.get(0), InboxConsumer.DLQ_ERROR).contains("is not /elsewhere"),
                TopicProbe.header(dead.get(0), InboxConsumer.DLQ_ERROR));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        String poison = send("{\"poison\":true}");
        String next = send("{\"n\":3}");
        awaitApplied(next);
        assertEquals(0, applied(poison), "each failed try was rolled back");
        assertEquals(3, RecordingHandler.ATTEMPTS.get(poison).get(), "tried max-attempts times");

        List<ConsumerRecord<String, String>> dead = deadLetters(poison);
        assertEquals(1, dead.size());
        assertTrue(TopicProbe.header(dead.get(0), InboxConsumer.DLQ_ERROR).contains("cannot be applied"));
        assertEquals("platform-test/recording", TopicProbe.header(dead.get(0), InboxConsumer.DLQ_CONSUMER));
        assertEquals("{\"poison\":true}", dead.get(0).value());
        assertEquals(
                1,
                Db.count("select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'", poison));
    }

    @Test
    void aTransientDatabaseErrorIsRetriedPastMaxAttemptsAndNotDeadLettered() {
        // max-attempts is 3 in tests: five deadlocks in a row would have dead-lettered a good event before.
        String id = send("{\"deadlocksFirst\":5}");
        awaitApplied(id);
        assertEquals(6, RecordingHandler.ATTEMPTS.get(id).get());
        assertEquals(
                0, Db.count("select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'", id));
    }

    @Test
    void metricsAndLivenessShowTheConsumerAndTheDeadLetters() {
        String poison = send("{\"poison\":true}");
        String next = send("{\"n\":5}");
        awaitApplied(next);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Db.count(
                                "select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'",
                                poison)
                        == 1);
        String metrics = io.restassured.RestAssured.get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        double dead = metricValue(metrics, "praxis_inbox_dead_lettered{topic=\"" + TOPIC + "\"");
        assertTrue(dead >= 1, metrics);
        assertEquals(1.0, metricValue(metrics, "praxis_inbox_consumer_alive"));
        assertTrue(metricValue(metrics, "praxis_outbox_oldest_unsent_seconds") >= 0);
        io.restassured.RestAssured.get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'inbox-consumer' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body(
                        "checks.find { it.name == 'inbox-consumer' }.data.consuming",
                        org.hamcrest.Matchers.equalTo(true));
    }

    private static double metricValue(String exposition, String name) {
        return exposition
                .lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + (name.contains("{") ? "" : "{")))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in metrics"));
    }

    @Test
    void aSlowHandlerOfOneTopicDoesNotHoldUpAnother() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, String> h = headers(id, "acme");
        TopicProbe.send(SlowHandler.TOPIC, "slow-" + id, "{}", h);
        try {
            assertTrue(
                    SlowHandler.ENTERED.await(30, java.util.concurrent.TimeUnit.SECONDS),
                    "the slow handler got its event");
            String next = send("{\"n\":6}");
            awaitApplied(next); // while the slow topic's handler is still busy
            assertEquals(1, SlowHandler.RELEASE.getCount(), "applied before the slow handler was let go");
        } finally {
            SlowHandler.RELEASE.countDown();
        }
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicWithoutRetries() {
        String id = UUID.randomUUID().toString();
        TopicProbe.send(TOPIC, "k", "{not json", headers(id, "acme"));
        String next = send("{\"n\":4}");
        awaitApplied(next);
        List<ConsumerRecord<String, String>> dead = deadLetters(id);
        assertEquals(1, dead.size());
        assertTrue(TopicProbe.header(dead.get(0), InboxConsumer.DLQ_ERROR)
                .toLowerCase()
                .contains("json"));
        assertEquals(null, RecordingHandler.ATTEMPTS.get(id), "the handler never saw it");
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String eventId) {
        return TopicProbe.read(
                TOPIC + InboxConsumer.DLQ_SUFFIX,
                r -> eventId.equals(TopicProbe.header(r, "ce_id")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(20));
    }
}
