package org.praxis.webhook.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.TopicProbe;
import org.praxis.webhook.WebhookReceiver;
import org.praxis.webhook.WebhookReceiver.Received;
import org.praxis.webhook.Webhooks;

/**
 * A person's erasure reaches the copies of events webhook-service keeps: nothing about them is sent after the
 * request, and what was sent is logged under their pseudonym.
 */
@QuarkusTest
class ErasureTest {
    private final Webhooks t = new Webhooks();
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final EmbeddedPostgres db = EmbeddedPostgres.shared();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void pendingDeliveriesAreDroppedSentOnesPseudonymisedAndLateEventsMakeNone() {
        var subscription = t.subscribe(receiver.url(), Webhooks.OPENED);
        String person = "client-" + UUID.randomUUID();
        String other = "client-" + UUID.randomUUID();
        String personsEvent = opened(person, Instant.now());
        opened(other, Instant.now());
        receiver.await(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.count(
                                "select count(*) from webhook_delivery where subscription_id = ?::uuid"
                                        + " and status = 'delivered'",
                                subscription.id())
                        == 2);
        String sent = as(t.admin)
                .when()
                .get("/v1/webhook-subscriptions/" + subscription.id() + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.eventId == '" + personsEvent + "' }.id");
        // Two still pending (their next attempt a day ahead), as for an endpoint that was down: one about the person,
        // one about another client that names the person as their coach.
        pending(subscription.id(), "{\"clientSubject\":" + quoted(person) + "}");
        String namingThem = pending(
                subscription.id(),
                "{\"clientSubject\":" + quoted(other) + ",\"practitionerId\":" + quoted(person) + "}");
        Instant beforeTheRequest = Instant.now().minusSeconds(1);

        TopicProbe.sendEvent(
                "privacy.events",
                ErasureRequests.TYPE,
                "/privacy",
                t.id,
                person,
                "{\"subject\":\"" + person + "\",\"requestId\":\"era-" + UUID.randomUUID() + "\"}");
        String pseudonym = Pseudonyms.of(t.id, person);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count("select count(*) from erased_subject where pseudonym = ?", pseudonym) == 1);

        assertEquals(Map.of(), db.columnsHolding(person), "columns still naming the erased person");
        assertEquals(
                3,
                db.count("select count(*) from webhook_delivery where subscription_id = ?::uuid", subscription.id()),
                "the pending delivery about the person is gone; the other client's stay");
        assertEquals(2, db.count("select count(*) from webhook_delivery where strpos(body, ?) > 0", quoted(other)));
        assertEquals(
                1,
                db.count(
                        "select count(*) from webhook_delivery where id = ?::uuid and status = 'pending'"
                                + " and strpos(body, ?) > 0",
                        namingThem,
                        quoted(pseudonym)),
                "the other client's pending delivery goes out, naming the coach by pseudonym");

        // An event about the person sent before the request but read after it becomes no delivery.
        opened(person, beforeTheRequest);
        opened(other, Instant.now()); // read after it on the same partition's topic
        receiver.await(3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.count(
                                "select count(*) from webhook_delivery where subscription_id = ?::uuid",
                                subscription.id())
                        == 4);
        assertEquals(Map.of(), db.columnsHolding(person));

        // A redelivery of what was sent about them sends the pseudonym.
        as(t.admin)
                .when()
                .post("/v1/webhook-subscriptions/" + subscription.id() + "/deliveries/" + sent + "/redelivery")
                .then()
                .statusCode(200);
        Received again = receiver.await(4).get(3);
        assertTrue(again.body().contains(pseudonym), again.body());
        assertFalse(receiver.received().subList(2, 4).stream()
                .anyMatch(r -> r.body().contains(person)));
    }

    /**
     * intake-service read the request after this service's copies of its events were recorded: what it sent after
     * the request but before it erased the person is their past, dropped with it; what it sent after its erasure
     * (the person came back) is their new activity and stays.
     */
    @Test
    void deliveriesOfWhatTheSourceSentBeforeItErasedThePersonGoWithTheirPast() {
        var subscription = t.subscribe(receiver.url(), Webhooks.OPENED);
        String person = "client-" + UUID.randomUUID();
        String unconfirmed = "client-" + UUID.randomUUID();
        String request = "era-" + UUID.randomUUID();
        Instant requested = Instant.now().minusSeconds(600);
        Instant sourceErased = requested.plusSeconds(60);
        TopicProbe.send(
                "intake.events",
                request,
                "{\"requestId\":\"" + request + "\",\"service\":\"intake-service\",\"intakes\":1}",
                headers("org.praxis.intake.subject.erased.v1", "/intake-service", sourceErased));
        db.awaitCount(1, "select count(*) from source_erasure where request_id = ?", request);
        String inFlight =
                pending(subscription.id(), "{\"clientSubject\":" + quoted(person) + "}", requested.plusSeconds(30));
        String cameBack =
                pending(subscription.id(), "{\"clientSubject\":" + quoted(person) + "}", sourceErased.plusSeconds(30));
        String notYetConfirmed = pending(
                subscription.id(), "{\"clientSubject\":" + quoted(unconfirmed) + "}", requested.plusSeconds(30));

        for (String[] erasure : new String[][] {{person, request}, {unconfirmed, "era-" + UUID.randomUUID()}}) {
            TopicProbe.send(
                    "privacy.events",
                    erasure[0],
                    "{\"subject\":\"" + erasure[0] + "\",\"requestId\":\"" + erasure[1] + "\"}",
                    headers(ErasureRequests.TYPE, "/privacy", requested));
        }
        db.awaitCount(
                2,
                "select count(*) from erased_subject where pseudonym in (?, ?)",
                Pseudonyms.of(t.id, person),
                Pseudonyms.of(t.id, unconfirmed));
        assertEquals(
                0,
                db.count(
                        "select count(*) from webhook_delivery where id in (?::uuid, ?::uuid)",
                        inFlight,
                        notYetConfirmed));
        assertEquals(Map.of(), db.columnsHolding(unconfirmed));
        assertEquals(
                1,
                db.count(
                        "select count(*) from webhook_delivery where id = ?::uuid and strpos(body, ?) > 0",
                        cameBack,
                        quoted(person)),
                "sent after intake-service erased them: their new activity");
    }

    private Map<String, String> headers(String type, String source, Instant at) {
        return TopicProbe.headers(type, source, t.id, at);
    }

    /** Publishes intake.opened about {@code client}, sent at {@code at}; returns its event id. */
    private String opened(String client, Instant at) {
        String eventId = UUID.randomUUID().toString();
        t.publishAt(
                "intake.events",
                Webhooks.OPENED,
                "/intake-service",
                eventId,
                "{\"intakeId\":\"" + UUID.randomUUID() + "\",\"clientSubject\":\"" + client + "\"}",
                at);
        return eventId;
    }

    /**
     * A delivery of intake.opened with {@code data} as its payload, pending, not due for a day; returns its id. Its
     * event was sent before the erasure request, but recorded here after the request's time: the event read late,
     * before this service had the request. What counts is when the event was sent.
     */
    private String pending(String subscription, String data) {
        return pending(subscription, data, Instant.now().minusSeconds(60));
    }

    /** As {@link #pending(String, String)}, of an event sent at {@code sent}. */
    private String pending(String subscription, String data, Instant sent) {
        String id = UUID.randomUUID().toString();
        db.execute("insert into webhook_delivery (id, tenant_id, subscription_id, event_id, event_type, body, status,"
                + " attempts, next_attempt_at, created_at) values ('" + id + "', '" + t.id + "', '" + subscription
                + "', '" + UUID.randomUUID() + "', '" + Webhooks.OPENED + "', '{\"time\":\""
                + sent + "\",\"data\":" + data
                + "}', 'pending', 1, now() + interval '1 day', now() + interval '1 hour')");
        return id;
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
