package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedKafka;
import org.praxis.testsupport.TopicProbe;

/**
 * What a rolling deploy does to a consumer: SIGTERM while it works through a stream of self-harm flags,
 * then a new process. Every flag must become exactly one urgent draft referral (issue 24).
 */
@Order(3)
class RollingDeployTest extends SystemTest {
    private static final int EVENTS = 1000;
    // 40 intakes x 10 screenings over two relays, one SIGKILLed at round 3: 440 requests in order per
    // intake. 100 intakes made the same point in 1,100 sequential requests, a minute of the build.
    private static final int AGGREGATES = 40;
    private static final int PER_AGGREGATE = 10;

    @Test
    void aSigtermMidBatchLosesNoRiskFlagAndAppliesNoneTwice() {
        ServiceProcess referral = suite.service(REFERRAL);
        List<String> intakes = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < EVENTS; i++) {
                String flag = UUID.randomUUID().toString();
                String intake = UUID.randomUUID().toString();
                intakes.add(intake);
                ProducerRecord<String, String> r = new ProducerRecord<>(
                        "intake.events",
                        intake,
                        "{\"riskFlagId\":\"" + flag
                                + "\",\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + client.subject()
                                + "\",\"code\":\"self-harm-thoughts\",\"level\":\"serious\",\"source\":\"item\",\"assignedCoach\":\""
                                + coach.subject() + "\"}");
                header(r, "ce_id", UUID.randomUUID().toString());
                header(r, "ce_type", "org.praxis.intake.risk-flag.raised.v1");
                header(r, "ce_source", ownerOf("intake.events"));
                header(r, TEST_MARK, "1");
                header(r, "ce_tenant", tenant);
                header(r, "ce_time", Instant.now().toString());
                header(r, "ce_specversion", "1.0");
                producer.send(r);
            }
            producer.flush();
        }
        // SIGTERM as soon as the consumer is under way, mid-stream.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> firstPageSize() > 0);
        int atStop = drafts().size();
        Instant stopped = Instant.now();
        referral.stop();
        referral.start();
        referral.awaitReady(Duration.ofMinutes(2));
        Instant ready = Instant.now();
        Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> drafts().size() >= EVENTS);
        Instant complete = Instant.now();
        consumedToEnd(REFERRAL, "intake.events");
        List<String> drafts = drafts();
        System.out.printf(
                "rolling deploy: %d flags sent, %d drafted when SIGTERM came, %d drafts in the end (%d distinct);"
                        + " restart took %d ms, all applied %d ms after SIGTERM%n",
                EVENTS,
                atStop,
                drafts.size(),
                new HashSet<>(drafts).size(),
                Duration.between(stopped, ready).toMillis(),
                Duration.between(stopped, complete).toMillis());
        assertEquals(EVENTS, drafts.size(), "one draft per flag: none lost, none twice");
        assertEquals(new HashSet<>(intakes), new HashSet<>(drafts), "each flag's intake has its draft");
        assertTrue(atStop < EVENTS, "SIGTERM came mid-stream");
    }

    @Test
    void twoRelaysOneKilledKeepEveryAggregatesEventsInOrder() {
        ServiceProcess first = suite.service(INTAKE);
        ServiceProcess second = suite.secondReplica(INTAKE);
        second.start();
        second.awaitReady(Duration.ofMinutes(2));
        try {
            List<ServiceProcess> replicas = List.of(first, second);
            List<String> intakes = new ArrayList<>();
            for (int i = 0; i < AGGREGATES; i++) {
                intakes.add(at(coach, replicas.get(i % 2))
                        .body(java.util.Map.of(
                                "clientSubject",
                                client.subject(),
                                "displayName",
                                "Sam Client",
                                "presentingConcerns",
                                "Wants a career change"))
                        .when()
                        .post("/v1/intakes")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id"));
            }
            java.util.Map<String, List<String>> screenings = new java.util.HashMap<>();
            Instant killed = null;
            for (int round = 0; round < PER_AGGREGATE; round++) {
                if (round == 3) {
                    first.kill(); // SIGKILL mid-stream: whatever batch it was relaying is left unmarked
                    killed = Instant.now();
                }
                if (round == 4) {
                    first.start(); // it boots while round 4 and 5 go to the second replica alone
                }
                if (round == 6) {
                    first.awaitReady(Duration.ofMinutes(2));
                    System.out.printf(
                            "two relays: the killed replica was back %d ms after SIGKILL%n",
                            Duration.between(killed, Instant.now()).toMillis());
                }
                for (int i = 0; i < AGGREGATES; i++) {
                    ServiceProcess target = round >= 3 && round < 6 ? second : replicas.get((i + round) % 2);
                    String screening = at(client, target)
                            .body(who5(round % 4 + 1))
                            .when()
                            .post("/v1/intakes/" + intakes.get(i) + "/screenings")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    screenings
                            .computeIfAbsent(intakes.get(i), k -> new ArrayList<>())
                            .add(screening);
                }
            }
            Set<String> keys = new HashSet<>(intakes);
            int expected = AGGREGATES * (1 + PER_AGGREGATE);
            // One intake.opened and one screening.scored per request; each later screening's trajectory.changed
            // leaves in the same transaction under the same key but is not what this test counts.
            Set<String> counted = Set.of("org.praxis.intake.intake.opened.v1", "org.praxis.intake.screening.scored.v1");
            List<ConsumerRecord<String, String>> records = TopicProbe.read(
                    "intake.events",
                    r -> keys.contains(r.key()) && counted.contains(TopicProbe.header(r, "ce_type")),
                    found -> found.stream()
                                    .map(r -> TopicProbe.header(r, "ce_id"))
                                    .distinct()
                                    .count()
                            >= expected,
                    Duration.ofMinutes(2));
            int duplicates = 0;
            java.util.Map<String, List<ConsumerRecord<String, String>>> byKey = new java.util.HashMap<>();
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, String> r : records) {
                // What a consumer applies: each ce_id once (the inbox drops a redelivered one).
                if (seen.add(TopicProbe.header(r, "ce_id"))) {
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
                } else {
                    duplicates++;
                }
            }
            System.out.printf(
                    "two relays: %d events over %d aggregates, %d records read, %d redelivered copies%n",
                    expected, AGGREGATES, records.size(), duplicates);
            assertEquals(expected, seen.size(), "every event reached the topic");
            for (String intake : intakes) {
                List<ConsumerRecord<String, String>> events = byKey.get(intake);
                assertEquals("org.praxis.intake.intake.opened.v1", TopicProbe.header(events.get(0), "ce_type"));
                List<String> scored = events.stream()
                        .skip(1)
                        .map(r -> io.restassured.path.json.JsonPath.from(r.value())
                                .getString("screeningId"))
                        .toList();
                assertEquals(
                        screenings.get(intake),
                        scored,
                        "intake " + intake + "'s screenings in the order they were made");
                for (int i = 1; i < events.size(); i++) {
                    assertTrue(
                            Long.parseLong(TopicProbe.header(events.get(i), "ce_sequence"))
                                    > Long.parseLong(TopicProbe.header(events.get(i - 1), "ce_sequence")),
                            "ce_sequence increases");
                }
            }
        } finally {
            second.stop();
            if (!first.ready()) {
                first.start();
                first.awaitReady(Duration.ofMinutes(2));
            }
        }
    }

    private static io.restassured.specification.RequestSpecification at(
            org.praxis.testsupport.Tokens who, ServiceProcess replica) {
        return io.restassured.RestAssured.given()
                .baseUri(replica.baseUrl())
                .header("Authorization", who.bearer())
                .contentType(io.restassured.http.ContentType.JSON);
    }

    private static java.util.Map<String, Object> who5(int each) {
        return java.util.Map.of(
                "instrument",
                "WHO-5",
                "answers",
                java.util.Map.of("1", each, "2", each, "3", each, "4", each, "5", each));
    }

    private int firstPageSize() {
        return as(supervisor, REFERRAL)
                .when()
                .get("/v1/referrals?status=draft&origin=risk-flag&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .<List<?>>path("items")
                .size();
    }

    /** The intake of every risk draft of this tenant (one per flag here), through the API's pages. */
    private List<String> drafts() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(supervisor, REFERRAL)
                    .when()
                    .get("/v1/referrals?status=draft&origin=risk-flag&limit=100"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract();
            ids.addAll(page.<List<String>>path("items.intakeId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p);
    }
}
