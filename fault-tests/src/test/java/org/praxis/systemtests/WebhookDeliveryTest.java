package org.praxis.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;

/**
 * webhook-service from its jar beside the suite's four services, over the same broker: a receiver a tenant's admin
 * subscribes through the API sees the story's events — an intake opened, an engagement's contract accepted — each
 * once, signed with the secret it was shown (Standard Webhooks), and nothing of another tenant.
 */
class WebhookDeliveryTest extends SystemTest {
    static final String WEBHOOK = "webhook-service";
    private static final List<String> TYPES = List.of(
            "org.praxis.intake.intake.opened.v1",
            "org.praxis.session.contract.accepted.v1",
            "org.praxis.session.engagement.status-changed.v1");

    private static ServiceProcess webhook;

    record Received(String id, String timestamp, String signature, String body) {}

    /** Started once, with the suite's broker and issuer, its own database and keys; loopback receivers allowed. */
    private ServiceProcess webhook() {
        if (webhook == null) {
            Map<String, String> env = new LinkedHashMap<>(suite.environment(INTAKE));
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            EmbeddedPostgres.shared().execute("drop database if exists webhook");
            EmbeddedPostgres.shared().execute("create database webhook");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", url.replaceFirst("/intake(\\?|$)", "/webhook$1"));
            int port = Suite.freePort();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(Suite.freePort()));
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            // Its own key ring: the active key must be one of its keys, whatever intake's environment names.
            env.put("PRAXIS_CRYPTO_KEYS", "system-tests:" + Base64.getEncoder().encodeToString(key));
            env.put("PRAXIS_CRYPTO_ACTIVE_KEY", "system-tests");
            env.put("PRAXIS_WEBHOOKS_ALLOW_PRIVATE_ENDPOINTS", "true");
            webhook = new ServiceProcess(WEBHOOK, port, Suite.jar(WEBHOOK), env, Suite.logs());
            webhook.start();
            webhook.awaitReady(Duration.ofMinutes(3));
        }
        return webhook;
    }

    @AfterAll
    static void stopWebhookService() {
        if (webhook != null) {
            webhook.stop();
            webhook = null;
        }
    }

    @Test
    void aSubscribedReceiverSeesTheStorysEventsSignedAndOnceEach() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var h = exchange.getRequestHeaders();
            received.add(new Received(
                    h.getFirst("webhook-id"),
                    h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String secret = given().baseUri(webhook().baseUrl())
                    .header("Authorization", admin.bearer())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "url",
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "eventTypes",
                            TYPES))
                    .when()
                    .post("/v1/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("secret");

            String intakeId = intake(coach);
            String engagementId = activeEngagement("coaching");

            eventually(() -> types(received).containsAll(List.of(TYPES.get(0), TYPES.get(1))));
            // Everything this tenant's story published of the subscribed types has arrived: wait for a quiet spell.
            eventually(() -> {
                int before = received.size();
                Thread.sleep(2_000);
                return received.size() == before;
            });
            for (Received r : received) {
                assertTrue(signedWith(r, secret), "signature of " + r.id());
                assertTrue(TYPES.contains(new JsonPath(r.body()).getString("type")), r.body());
                assertEquals(r.id(), new JsonPath(r.body()).getString("id"));
            }
            assertEquals(
                    received.size(),
                    received.stream().map(Received::id).distinct().count(),
                    "each event once: " + received.stream().map(Received::id).toList());
            assertTrue(received.stream()
                    .anyMatch(r -> intakeId.equals(new JsonPath(r.body()).getString("data.intakeId"))));
            assertTrue(received.stream()
                    .anyMatch(r -> engagementId.equals(new JsonPath(r.body()).getString("data.engagementId"))));
        } finally {
            receiver.stop(0);
        }
    }

    /** A receiver that fails the first attempt gets the same delivery again after the schedule's first pause (5 s). */
    @Test
    void aFailingReceiverIsRetriedWithTheSameWebhookId() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        List<Long> at = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var h = exchange.getRequestHeaders();
            received.add(new Received(
                    h.getFirst("webhook-id"),
                    h.getFirst("webhook-timestamp"),
                    h.getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            at.add(System.nanoTime());
            exchange.sendResponseHeaders(received.size() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String subscription = given().baseUri(webhook().baseUrl())
                    .header("Authorization", admin.bearer())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "url",
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "eventTypes",
                            List.of(TYPES.get(0))))
                    .when()
                    .post("/v1/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            intake(coach);
            eventually(() -> received.size() >= 2);
            assertEquals(received.get(0).id(), received.get(1).id());
            assertTrue(at.get(1) - at.get(0) >= Duration.ofSeconds(5).toNanos(), "the first retry waits 5 s");
            eventually(() -> "delivered"
                    .equals(given().baseUri(webhook().baseUrl())
                            .header("Authorization", admin.bearer())
                            .when()
                            .get("/v1/webhook-subscriptions/" + subscription + "/deliveries")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("items[0].status")));
        } finally {
            receiver.stop(0);
        }
    }

    private static List<String> types(List<Received> received) {
        return received.stream()
                .map(r -> new JsonPath(r.body()).getString("type"))
                .collect(Collectors.toList());
    }

    /** As a receiver checks it: one of the v1 signatures is the HMAC-SHA256 of id.timestamp.body under the secret's key. */
    private static boolean signedWith(Received r, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal(
                                    (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            return Arrays.asList(r.signature().split(" ")).contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
