package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedKafka;
import org.praxis.testsupport.TopicProbe;

/** Stopped consumers, a stopped broker, a replayed topic and a poison record: nothing lost, nothing done twice. */
@Order(2)
class FaultsTest extends SystemTest {

    private int referralDrafts(String origin) {
        return as(supervisor, REFERRAL)
                .when()
                .get("/v1/referrals?status=draft&origin=" + origin)
                .then()
                .statusCode(200)
                .extract()
                .<List<?>>path("items")
                .size();
    }

    private String riskyIntake() {
        String intake = intake(coach);
        as(client, INTAKE)
                .body(phq9(1, 1, 0, 0, 0, 0, 0, 0, 2))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
        return intake;
    }

    /**
     * Waits until intake's outbox holds none of these intakes' events unsent: a relay retry that wrote one twice
     * (its acknowledgement lost to the outage) has done so by then, since a row is marked sent only after.
     */
    private void allSent(List<String> intakes) {
        for (String intake : intakes) {
            eventually(() -> countIn(
                            INTAKE,
                            "select count(*) from outbox_event where aggregate_id = ? and sent_at is null",
                            intake)
                    == 0);
        }
    }

    @Test
    void aStoppedConsumerCatchesUpOnEveryEventOnce() {
        ServiceProcess referral = suite.service(REFERRAL);
        referral.stop();
        try {
            riskyIntake();
            riskyIntake();
        } finally {
            referral.start();
            referral.awaitReady(Duration.ofMinutes(2));
        }
        eventually(() -> referralDrafts("risk-flag") == 2);
        consumedToEnd(REFERRAL, "intake.events");
        assertEquals(2, referralDrafts("risk-flag"));
    }

    private int eventsHealth(String service) {
        return io.restassured.RestAssured.given()
                .baseUri(suite.managementUrl(service))
                .when()
                .get("/q/health/group/events")
                .then()
                .extract()
                .statusCode();
    }

    /**
     * Longer than every Kafka client timeout of the services (the consumers' session timeout, which the
     * suite shortens to {@link Suite#CONSUMER_SESSION_TIMEOUT}, is the longest; sends give up after 10 s).
     * The broker also stays away until intake's relay has retried at its capped backoff (Suite caps it at
     * {@link Suite#RELAY_MAX_BACKOFF}): a longer outage only repeats the same capped retries.
     */
    static final Duration OUTAGE = Suite.CONSUMER_SESSION_TIMEOUT.plusSeconds(5);

    @Test
    void aBrokerDownLongerThanEveryClientTimeoutLosesNothingAndTheOutboxDeliversEachEventOnceInOrder() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String capped = "next try in " + Suite.RELAY_MAX_BACKOFF.toMillis() + " ms";
        long cappedBefore = logLines(INTAKE, capped);
        List<String> intakes = new ArrayList<>();
        Instant down = Instant.now();
        kafka.stop();
        try {
            // The services go on taking requests: events wait in each outbox.
            for (int i = 0; i < 3; i++) {
                intakes.add(riskyIntake());
            }
            // Health shows the outage, and readiness does not: pods stay in their Service and take writes.
            for (String service : Suite.SERVICES) {
                eventually(() -> eventsHealth(service) == 503);
                assertTrue(suite.service(service).ready(), service + " stays ready while the broker is away");
            }
            eventually(() -> logLines(INTAKE, capped) > cappedBefore);
            long left = OUTAGE.minus(Duration.between(down, Instant.now())).toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kafka.start();
        }
        Instant up = Instant.now();
        assertTrue(
                logLines(INTAKE, capped) > cappedBefore,
                "the outage lasted until intake's relay retried at its capped backoff (" + capped + ")");
        assertTrue(Duration.between(down, up).compareTo(OUTAGE) >= 0, "the outage outlasted every client timeout");
        for (String intake : intakes) {
            TopicProbe.read(
                    "intake.events", r -> intake.equals(r.key()), found -> found.size() >= 3, Duration.ofSeconds(90));
        }
        allSent(intakes);
        List<ConsumerRecord<String, String>> delivered =
                TopicProbe.readToEnd("intake.events", r -> intakes.contains(r.key()));
        for (String intake : intakes) {
            assertEquals(
                    List.of(
                            "org.praxis.intake.intake.opened.v1",
                            "org.praxis.intake.screening.scored.v1",
                            "org.praxis.intake.risk-flag.raised.v1"),
                    delivered.stream()
                            .filter(r -> intake.equals(r.key()))
                            .map(r -> TopicProbe.header(r, "ce_type"))
                            .toList(),
                    "each event once, in the order it happened, for intake " + intake);
        }
        eventually(() -> referralDrafts("risk-flag") == 3);
        // The consumers came back on their own: a flag raised now is drafted too.
        riskyIntake();
        eventually(() -> referralDrafts("risk-flag") == 4);
        System.out.printf(
                "broker down %d s: 3 flags raised during the outage and 1 after, 4 drafts; recovered %d ms after restart%n",
                Duration.between(down, up).toSeconds(),
                Duration.between(up, Instant.now()).toMillis());
        for (String service : Suite.SERVICES) {
            ServiceProcess s = suite.service(service);
            eventually(s::ready);
            eventually(() -> eventsHealth(service) == 200);
        }
    }

    @Test
    void replayingEveryTopicFromTheStartDuplicatesNothing() throws Exception {
        // One of each effect in this tenant: a draft engagement, a risk-flag referral, practice hours.
        String intake = riskyIntake();
        as(coach, INTAKE)
                .body(Map.of(
                        "pathway",
                        "coaching",
                        "practitionerId",
                        coach.subject(),
                        "reason",
                        "coaching first, monitored"))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);
        as(coach, ASSESSMENT)
                .body(Map.of("displayName", "Casey Coach"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        String engagement = activeEngagement("coaching");
        String session = as(coach, SESSION)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video"))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(coach, SESSION)
                .body(Map.of("status", "held"))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions/" + session + "/outcome")
                .then()
                .statusCode(200);
        eventually(() -> engagements() == 2 && referralDrafts("risk-flag") == 1 && evidence() == 1);

        List<String> consumers = List.of(SESSION, REFERRAL, ASSESSMENT, INTAKE);
        consumers.forEach(s -> suite.service(s).stop());
        try (Admin admin = admin()) {
            for (String group : consumers) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
                committed.keySet().forEach(tp -> start.put(tp, new OffsetAndMetadata(0)));
                if (!start.isEmpty()) {
                    admin.alterConsumerGroupOffsets(group, start).all().get();
                }
            }
        } finally {
            consumers.forEach(s -> suite.service(s).start());
            consumers.forEach(s -> suite.service(s).awaitReady(Duration.ofMinutes(2)));
        }
        try (Admin admin = admin()) {
            eventually(() -> consumers.stream().allMatch(group -> caughtUp(admin, group)));
        }
        assertEquals(2, engagements());
        assertEquals(1, referralDrafts("risk-flag"));
        assertEquals(1, evidence());
    }

    private int engagements() {
        return as(coach, SESSION)
                .when()
                .get("/v1/engagements")
                .then()
                .statusCode(200)
                .extract()
                .<List<?>>path("items")
                .size();
    }

    private int evidence() {
        return as(coach, ASSESSMENT)
                .when()
                .get("/v1/practitioners/" + coach.subject() + "/evidence?kind=practice-hours")
                .then()
                .statusCode(200)
                .extract()
                .<List<?>>path("items")
                .size();
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        return Admin.create(p);
    }

    /** The group has committed up to the end of every partition it reads. */
    private static boolean caughtUp(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream()
                    .allMatch(e -> e.getValue().offset() >= ends.get(e.getKey()).offset());
        } catch (Exception e) {
            return false; // not yet known; ask again
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheFlowAfterItStillWorks() {
        String poisonId = UUID.randomUUID().toString();
        TopicProbe.send(
                "intake.events",
                "poison",
                "{this is not json",
                Map.of(
                        "ce_id",
                        poisonId,
                        "ce_type",
                        "org.praxis.intake.risk-flag.raised.v1",
                        "ce_source",
                        ownerOf("intake.events"),
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString(),
                        TEST_MARK,
                        "1"));
        List<ConsumerRecord<String, String>> dead = TopicProbe.read(
                "intake.events.dlq",
                r -> poisonId.equals(TopicProbe.header(r, "ce_id")),
                found -> found.stream()
                        .anyMatch(
                                r -> TopicProbe.header(r, "praxis_dlq_consumer").startsWith("referral-service")),
                Duration.ofSeconds(60));
        assertTrue(
                dead.stream()
                        .anyMatch(
                                r -> TopicProbe.header(r, "praxis_dlq_consumer").startsWith("referral-service")),
                "referral-service dead-lettered the record");
        assertTrue(dead.stream()
                .allMatch(r -> "{this is not json".equals(r.value())
                        && TopicProbe.header(r, "praxis_dlq_error") != null
                        && TopicProbe.header(r, "praxis_dlq_origin").startsWith("intake.events/")));

        riskyIntake();
        eventually(() -> referralDrafts("risk-flag") == 1);
    }
}
