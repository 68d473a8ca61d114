package org.praxis.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TopicProbe;

/**
 * The consumer lag the ConsumerLag alert reads (deploy/k8s/base/platform/alerts.yaml) is on
 * {@code /q/metrics} under the name the alert uses, per topic, once the inbox has read a partition.
 */
@QuarkusTest
class InboxLagMetricTest {
    static final String LAG = "kafka_consumer_fetch_manager_records_lag";

    @Test
    void theInboxConsumersLagIsExposedPerTopic() {
        String id = UUID.randomUUID().toString();
        TopicProbe.send(
                RecordingHandler.TOPIC,
                "thing-" + id,
                "{\"n\":1}",
                Map.of(
                        "ce_id",
                        id,
                        "ce_type",
                        "org.praxis.test.thing.happened.v1",
                        "ce_source",
                        "/elsewhere",
                        "ce_time",
                        Instant.now().toString(),
                        "ce_tenant",
                        "acme"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count("select count(*) from applied_effect where event_id = ?", id) == 1);
        // praxis.kafka.metrics-refresh is 1s in tests: the partition's meter is bound soon after its first fetch.
        String line = await().atMost(Duration.ofSeconds(30))
                .until(() -> lagOf(RecordingHandler.TOPIC), Optional::isPresent)
                .orElseThrow();
        assertTrue(line.contains("client_id=\"platform-test-inbox-" + RecordingHandler.TOPIC + "\""), line);
        double lag = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        assertTrue(lag >= 0, line);
    }

    private static Optional<String> lagOf(String topic) {
        return RestAssured.get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(l -> l.startsWith(LAG + "{") && l.contains("topic=\"" + topic + "\""))
                .findFirst();
    }
}
