package org.praxis.webhook;

import static org.praxis.testsupport.TestTenant.as;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/** A tenant with its subscriptions, and events as the four services publish them. */
public class Webhooks extends TestTenant {
    public static final String OPENED = "org.praxis.intake.intake.opened.v1";
    public static final String COMPLETED = "org.praxis.session.session.completed.v1";

    /** Another fresh tenant. */
    public static Webhooks another() {
        return new Webhooks();
    }

    /** A subscription as created: its id and the secret shown once. */
    public record Created(String id, String secret, String etag) {}

    public Created subscribe(String url, String... types) {
        ExtractableResponse<Response> r = as(admin)
                .body(Map.of("url", url, "eventTypes", List.of(types)))
                .when()
                .post("/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .extract();
        return new Created(r.path("id"), r.path("secret"), r.header("ETag"));
    }

    /**
     * Publishes intake.opened for this tenant with {@code eventId} as its ce_id, as intake-service's relay would;
     * returns where it landed.
     */
    public RecordMetadata intakeOpened(String eventId) {
        return publish(
                "intake.events", OPENED, "/intake-service", eventId, "{\"intakeId\":\"" + UUID.randomUUID() + "\"}");
    }

    public RecordMetadata publish(String topic, String type, String source, String eventId, String payload) {
        return publishAt(topic, type, source, eventId, payload, Instant.now());
    }

    /** As {@link #publish}, the event sent at {@code time} (its {@code ce_time}). */
    public RecordMetadata publishAt(
            String topic, String type, String source, String eventId, String payload, Instant time) {
        return TopicProbe.send(
                topic,
                UUID.randomUUID().toString(),
                payload,
                Map.of(
                        "ce_id", eventId,
                        "ce_type", type,
                        "ce_source", source,
                        "ce_tenant", id,
                        "ce_time", time.toString()));
    }
}
