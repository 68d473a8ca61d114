package org.praxis.webhook.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TopicProbe;
import org.praxis.webhook.WebhookReceiver;
import org.praxis.webhook.WebhookReceiver.Received;
import org.praxis.webhook.Webhooks;

/**
 * Events published on the services' topics reach a subscribed receiver signed, once each; a failing receiver gets
 * retries and then the subscription is disabled; an admin redelivers. The tests' schedule is 1 s, 1 s.
 */
@QuarkusTest
class DeliveryTest {
    private final Webhooks t = new Webhooks();
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void eachEventArrivesSignedAndOnceEvenWhenKafkaRedeliversIt() {
        var subscription = t.subscribe(receiver.url(), Webhooks.OPENED);
        String eventId = UUID.randomUUID().toString();
        t.intakeOpened(eventId);
        t.intakeOpened(eventId); // the same record again, as after a producer retry or a rebalance
        t.publish(
                "session.events",
                Webhooks.COMPLETED,
                "/session-service",
                UUID.randomUUID().toString(),
                "{}");
        Webhooks.another().intakeOpened(UUID.randomUUID().toString());

        Received r = receiver.await(1).get(0);
        assertEquals(eventId, r.id());
        assertTrue(WebhookReceiver.signedWith(r, subscription.secret()));
        assertTrue(Math.abs(Long.parseLong(r.timestamp()) - System.currentTimeMillis() / 1000) < 60);
        assertEquals("application/json", r.contentType());
        JsonPath body = new JsonPath(r.body());
        assertEquals(eventId, body.getString("id"));
        assertEquals(Webhooks.OPENED, body.getString("type"));
        assertTrue(body.getString("data.intakeId") != null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> deliveries(subscription.id())
                        .body("items", hasSize(1))
                        .body("items[0].status", is("delivered"))
                        .body("items[0].attempts[0].statusCode", is(204)));
        // Another event comes after the repeated one on its topic: once it is delivered, the repeat had its chance.
        t.intakeOpened(UUID.randomUUID().toString());
        receiver.await(2);
        assertEquals(
                2, receiver.received().stream().map(Received::id).distinct().count());
        assertEquals(2, receiver.received().size());
    }

    @Test
    void duringARotationsOverlapDeliveriesCarryBothSignatures() {
        var subscription = t.subscribe(receiver.url(), Webhooks.OPENED);
        String rotated = as(t.admin)
                .when()
                .post("/v1/webhook-subscriptions/" + subscription.id() + "/secret-rotation")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        t.intakeOpened(UUID.randomUUID().toString());
        Received r = receiver.await(1).get(0);
        assertEquals(2, r.signature().split(" ").length);
        assertTrue(WebhookReceiver.signedWith(r, rotated));
        assertTrue(WebhookReceiver.signedWith(r, subscription.secret()));
    }

    @Test
    void aFailingReceiverIsRetriedThenDisabledAndAnAdminRedelivers() {
        receiver.answer(500);
        var subscription = t.subscribe(receiver.url(), Webhooks.OPENED);
        String eventId = UUID.randomUUID().toString();
        t.intakeOpened(eventId);

        List<Received> tries = receiver.await(3); // the first attempt and the schedule's two retries
        assertTrue(tries.stream().allMatch(r -> r.id().equals(eventId)));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> as(t.admin)
                        .when()
                        .get("/v1/webhook-subscriptions/" + subscription.id())
                        .then()
                        .body("enabled", is(false))
                        .body("disabledReason", startsWith("Disabled at")));
        String delivery = deliveries(subscription.id())
                .body("items[0].status", is("failed"))
                .body("items[0].attemptCount", is(3))
                .body("items[0].attempts", hasSize(3))
                .body("items[0].attempts[0].statusCode", is(500))
                .body("items[0].attempts[0].error", is("HTTP 500"))
                .extract()
                .path("items[0].id");
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where action = 'disable' and resource_id = ?",
                                subscription.id()));
        String redelivery =
                "/v1/webhook-subscriptions/" + subscription.id() + "/deliveries/" + delivery + "/redelivery";
        as(t.admin).when().post(redelivery).then().statusCode(409);

        // An event while it is disabled is recorded and held, not sent: the receiver's outage loses nothing.
        String held = UUID.randomUUID().toString();
        t.intakeOpened(held);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> deliveries(subscription.id())
                        .body("items", hasSize(2))
                        .body("items[0].status", is("pending"))
                        .body("items[0].attemptCount", is(0)));
        assertEquals(3, receiver.received().size());
        // An admin who keeps it off with a PUT makes it their disabling: nothing more is held, what was stays.
        put(subscription.id(), false).body("disabledReason", nullValue());
        String dropped = UUID.randomUUID().toString();
        awaitConsumed(t.intakeOpened(dropped));
        deliveries(subscription.id()).body("items", hasSize(2));

        receiver.answer(200);
        replace(subscription.id(), Webhooks.OPENED).body("enabled", is(true));
        as(t.admin).when().post(redelivery).then().statusCode(200).body("status", is("pending"));
        // The redelivery has the same webhook-id: a receiver that saw it already can drop it.
        List<Received> afterEnabling = receiver.await(5).subList(3, 5);
        assertEquals(
                java.util.Set.of(eventId, held),
                afterEnabling.stream().map(Received::id).collect(java.util.stream.Collectors.toSet()));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> deliveries(subscription.id())
                        .body("items.status", contains("delivered", "delivered"))
                        .body("items.deliveredAt", everyItem(notNullValue())));

        // An admin's disabling is a decision to send nothing: events meanwhile are not recorded.
        put(subscription.id(), false).body("disabledReason", nullValue());
        String ignored = UUID.randomUUID().toString();
        awaitConsumed(t.intakeOpened(ignored));
        deliveries(subscription.id()).body("items", hasSize(2));
        // With no subscription taking it, the event costs no transaction: not even an inbox mark.
        assertEquals(
                0, EmbeddedPostgres.shared().count("select count(*) from inbox_event where event_id = ?", ignored));
    }

    @Test
    void aTypeTakenOffASubscriptionIsNoLongerSentNorRetriedNorRedelivered() {
        var subscription = t.subscribe(receiver.url(), Webhooks.OPENED, Webhooks.COMPLETED);
        String sent = UUID.randomUUID().toString();
        t.intakeOpened(sent);
        receiver.await(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> deliveries(subscription.id()).body("items[0].status", is("delivered")));
        String delivered = deliveries(subscription.id()).extract().path("items[0].id");

        receiver.answer(500);
        String retried = UUID.randomUUID().toString();
        t.intakeOpened(retried);
        assertEquals(retried, receiver.await(2).get(1).id()); // its first attempt failed: retries are due
        replace(subscription.id(), Webhooks.COMPLETED);
        receiver.answer(200);

        // Longer than the test schedule's pauses (1 s): no retry of the type taken off arrives.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> receiver.received().size() == 2);
        deliveries(subscription.id()).body("items.id", contains(delivered));
        as(t.admin)
                .when()
                .post("/v1/webhook-subscriptions/" + subscription.id() + "/deliveries/" + delivered + "/redelivery")
                .then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"));
        assertEquals(2, receiver.received().size());
    }

    /** The admin replaces the subscription (the receiver's URL, these types, enabled) with its current ETag: 200. */
    private io.restassured.response.ValidatableResponse replace(String subscription, String... types) {
        return put(subscription, List.of(types), true);
    }

    /** The admin keeps the receiver's URL and the one type, enabled or not, with the current ETag: 200. */
    private io.restassured.response.ValidatableResponse put(String subscription, boolean enabled) {
        return put(subscription, List.of(Webhooks.OPENED), enabled);
    }

    private io.restassured.response.ValidatableResponse put(String subscription, List<String> types, boolean enabled) {
        String etag = as(t.admin)
                .when()
                .get("/v1/webhook-subscriptions/" + subscription)
                .then()
                .extract()
                .header("ETag");
        return as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("url", receiver.url(), "eventTypes", types, "enabled", enabled))
                .when()
                .put("/v1/webhook-subscriptions/" + subscription)
                .then()
                .statusCode(200);
    }

    /**
     * webhook-service consumed the event (its offset is committed past it): whatever it was to record is recorded. Not
     * its inbox mark: an event no subscription takes gets none.
     */
    private static void awaitConsumed(RecordMetadata event) {
        TopicProbe.awaitConsumed("webhook-service", event);
    }

    private io.restassured.response.ValidatableResponse deliveries(String subscription) {
        return as(t.admin)
                .when()
                .get("/v1/webhook-subscriptions/" + subscription + "/deliveries")
                .then()
                .statusCode(200);
    }
}
