package org.praxis.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.FreePorts;
import org.praxis.testsupport.Tokens;

/**
 * The key-rotation procedure of deploy/k8s/README.md, run against intake while it serves reads and
 * writes: (1) list the new key beside the old one, roll out; (2) make it active, roll out — for a
 * while old and new replicas write side by side; (3) the rotation job moves every value; (4) the old
 * key is retired once GET /v1/admin/keys shows no value under it; (5) it leaves the Secret, roll out.
 * Every intake written at any step reads back as written, and no value is left under the old key.
 */
@Order(4)
class KeyRotationTest extends SystemTest {
    private static final String OLD = "system-tests";
    private static final String NEW = "rotated";
    private static final Duration LOAD_PAUSE = Duration.ofMillis(100);

    /** An admin of the operator tenant: only they act on a service's keys; the test's own admin is refused. */
    private final Tokens operator =
            Tokens.anyone().tenant(Suite.OPERATOR_TENANT).roles("admin");

    private final Map<String, String> written = new ConcurrentHashMap<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile List<String> targets = List.of();

    @Test
    void rotatingTheKeyUnderLoadLosesNothingAndLeavesNothingUnderTheRetiredKey() throws Exception {
        Map<String, String> env = suite.environment(INTAKE);
        String oldKeys = env.get("PRAXIS_CRYPTO_KEYS");
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String both = oldKeys + "," + NEW + ":" + Base64.getEncoder().encodeToString(raw);
        String onlyNew = NEW + ":" + Base64.getEncoder().encodeToString(raw);

        ServiceProcess original = suite.service(INTAKE);
        targets = List.of(original.baseUrl());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(
                () -> {
                    int i = 0;
                    while (running.get()) {
                        step(i++);
                        pause();
                    }
                },
                "rotation-load");
        load.start();
        try {
            awaitWrites(20);

            // (1) The new key is listed, the old one still active.
            ServiceProcess listing = start(Map.of("PRAXIS_CRYPTO_KEYS", both, "PRAXIS_CRYPTO_ACTIVE_KEY", OLD));
            switchTo(original, listing);
            awaitWrites(40);

            // (2) The new key is active; old and new replicas write side by side for a while.
            ServiceProcess active = start(Map.of("PRAXIS_CRYPTO_KEYS", both, "PRAXIS_CRYPTO_ACTIVE_KEY", NEW));
            targets = List.of(listing.baseUrl(), active.baseUrl());
            awaitWrites(80);
            // A replica that lacks the new key cannot start any more: data keys under it exist.
            ServiceProcess stale =
                    suite.replica(INTAKE, Map.of("QUARKUS_HTTP_PORT", Integer.toString(FreePorts.next())));
            stale.start();
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> stale.awaitReady(Duration.ofMinutes(2)));
            assertTrue(refused.getMessage().contains(NEW), refused.getMessage());
            switchTo(listing, active);
            awaitWrites(100);

            // (3) Rotation while writes go on; (4) retire the old key when no value uses it.
            long oldValues = -1;
            for (int pass = 0; pass < 5 && oldValues != 0; pass++) {
                Response r = keys(active.baseUrl()).post("/v1/admin/keys/rotation");
                assertEquals(200, r.statusCode(), r.asString());
                oldValues = valuesUnder(r.jsonPath().getList("keys"), OLD);
            }
            assertEquals(0, oldValues, "values left under the old key after five passes");
            assertEquals(
                    0,
                    valuesUnder(
                            keys(active.baseUrl())
                                    .get("/v1/admin/keys")
                                    .jsonPath()
                                    .getList("keys"),
                            OLD));
            // The keys serve every tenant: a tenant's own admin may not retire one.
            assertEquals(
                    403,
                    given().baseUri(active.baseUrl())
                            .header("Authorization", admin.bearer())
                            .post("/v1/admin/keys/" + OLD + "/retirement")
                            .statusCode());
            Response retired = keys(active.baseUrl()).post("/v1/admin/keys/" + OLD + "/retirement");
            assertEquals(200, retired.statusCode(), retired.asString());
            assertEquals("retired", retired.jsonPath().getString("state"));
            awaitWrites(120);

            // (5) The old key leaves the Secret; the new replica takes over the suite's port.
            ServiceProcess last = suite.replica(
                    INTAKE,
                    Map.of(
                            "PRAXIS_CRYPTO_KEYS",
                            onlyNew,
                            "PRAXIS_CRYPTO_ACTIVE_KEY",
                            NEW,
                            "QUARKUS_HTTP_PORT",
                            Integer.toString(original.port)));
            last.start();
            last.awaitReady(Duration.ofMinutes(3));
            switchTo(active, last);
            Map<String, String> lastEnv = new java.util.LinkedHashMap<>(env);
            lastEnv.put("PRAXIS_CRYPTO_KEYS", onlyNew);
            lastEnv.put("PRAXIS_CRYPTO_ACTIVE_KEY", NEW);
            suite.replace(INTAKE, last, lastEnv);
            awaitWrites(140);
        } finally {
            running.set(false);
            load.join(30_000);
        }
        assertTrue(
                failures.isEmpty(), failures.size() + " failed call(s) during the rotation, first: " + failures.peek());
        System.out.printf("key rotation: %d intakes written and read during it%n", written.size());
        String url = suite.url(INTAKE);
        for (Map.Entry<String, String> e : written.entrySet()) {
            assertEquals(
                    e.getValue(),
                    as(coach, INTAKE)
                            .baseUri(url)
                            .when()
                            .get("/v1/intakes/" + e.getKey())
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("presentingConcerns"),
                    "intake " + e.getKey());
        }
        List<Map<String, Object>> keys =
                keys(url).get("/v1/admin/keys").jsonPath().getList("keys");
        assertEquals(0, valuesUnder(keys, OLD));
        assertTrue(valuesUnder(keys, NEW) >= written.size() * 2L, "display name and concerns of each intake: " + keys);
    }

    /** One write, then one read of an intake written before, on one of the current replicas. */
    private void step(int i) {
        List<String> now = targets;
        String url = now.get(i % now.size());
        String concerns = "rotation note " + i + " " + java.util.UUID.randomUUID();
        try {
            Response created = given().baseUri(url)
                    .header("Authorization", coach.bearer())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "clientSubject",
                            client.subject(),
                            "displayName",
                            "Rotation Client " + i,
                            "presentingConcerns",
                            concerns))
                    .post("/v1/intakes");
            if (created.statusCode() != 201) {
                failures.add("create on " + url + ": " + created.statusCode() + " " + created.asString());
                return;
            }
            written.put(created.path("id"), concerns);
            List<String> ids = new ArrayList<>(written.keySet());
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            Response read =
                    given().baseUri(url).header("Authorization", coach.bearer()).get("/v1/intakes/" + id);
            if (read.statusCode() != 200 || !written.get(id).equals(read.path("presentingConcerns"))) {
                failures.add("read " + id + " on " + url + ": " + read.statusCode() + " " + read.asString());
            }
        } catch (RuntimeException e) {
            failures.add("call to " + url + ": " + e);
        }
    }

    /**
     * Paced, not flat out: steps in flight across every start and switch are the load the procedure must
     * survive (each step waits for a higher total of writes, 20 to 140). Flat out, the loop wrote 642
     * intakes, each read back at the end, and took the CPU the replicas' starts needed: system-tests run
     * with only this test, 124 -> 94 CPU-s, with 164 intakes written.
     */
    private static void pause() {
        try {
            Thread.sleep(LOAD_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServiceProcess start(Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(overrides);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(FreePorts.next()));
        ServiceProcess replica = suite.replica(INTAKE, env);
        replica.start();
        replica.awaitReady(Duration.ofMinutes(3));
        return replica;
    }

    /** Traffic moves to the new replica before the old one gets its SIGTERM, as a Service does on rollout. */
    private void switchTo(ServiceProcess from, ServiceProcess to) throws InterruptedException {
        targets = List.of(to.baseUrl());
        Thread.sleep(1_500);
        from.stop();
    }

    private void awaitWrites(int atLeast) {
        eventually(() -> written.size() >= atLeast || !failures.isEmpty());
        assertTrue(failures.isEmpty(), "failed call during the rotation: " + failures.peek());
    }

    private io.restassured.specification.RequestSpecification keys(String url) {
        return given().baseUri(url).header("Authorization", operator.bearer());
    }

    private static long valuesUnder(List<Map<String, Object>> keys, String id) {
        return keys.stream()
                .filter(k -> id.equals(k.get("keyId")))
                .mapToLong(k -> ((Number) k.get("values")).longValue())
                .sum();
    }
}
