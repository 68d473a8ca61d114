package org.praxis.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtendWith;
import org.praxis.testsupport.EmbeddedKafka;
import org.praxis.testsupport.RestAssuredSettings;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/**
 * What every system test has: the running suite, a fresh tenant with its people, calls through the public APIs.
 *
 * <p>Long file: the shared steps of two test modules (a screening's answers, a decided engagement, a therapy
 * service, waiting until a topic is consumed), each short; splitting them would only scatter them.
 */
@ExtendWith(SuiteDiagnostics.class)
abstract class SystemTest {
    static final String INTAKE = "intake-service";
    static final String SESSION = "session-service";
    static final String REFERRAL = "referral-service";
    static final String ASSESSMENT = "assessment-service";
    /**
     * Marks records the tests put on topics themselves (garbage, golden examples), so the contract check
     * can tell them apart. Their ce_source is the topic's owner: consumers refuse any other.
     */
    static final String TEST_MARK = "praxis_test";

    /** The ce_source consumers accept on a topic: its one publisher. */
    static String ownerOf(String topic) {
        return topic.equals("privacy.events") ? "/privacy" : "/" + topic.substring(0, topic.indexOf('.')) + "-service";
    }

    static {
        RestAssuredSettings.apply(); // as in the services' Quarkus tests
    }

    final Suite suite = Suite.shared();
    final String tenant = "st-" + UUID.randomUUID().toString().substring(0, 8);
    final Tokens admin = Tokens.anyone().tenant(tenant).roles("admin");
    final Tokens coach = Tokens.anyone().tenant(tenant).roles("coach");
    final Tokens supervisor = Tokens.anyone().tenant(tenant).roles("supervisor");
    final Tokens client = Tokens.anyone().tenant(tenant).roles("client");

    RequestSpecification as(Tokens who, String service) {
        return given().baseUri(suite.url(service))
                .header("Authorization", who.bearer())
                .contentType(ContentType.JSON);
    }

    /** A scalar from a service's own database, read directly (the API may not answer while it is read-only). */
    long countIn(String service, String sql, Object... args) {
        Map<String, String> env = suite.environment(service);
        try (Connection c = DriverManager.getConnection(
                        env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                        env.get("QUARKUS_DATASOURCE_USERNAME"),
                        env.get("QUARKUS_DATASOURCE_PASSWORD"));
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many lines of the service's log (all its starts in this run) contain {@code text}; -1 if unreadable. */
    static long logLines(String service, String text) {
        Path log = Suite.logs().resolve(service + ".log");
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains(text))
                    .count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** Polls with a deadline (no fixed sleeps): events cross the services within seconds. */
    static void eventually(Callable<Boolean> condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(condition);
    }

    /**
     * Waits until the service's consumer group has committed every partition of {@code topic} to its end.
     * The inbox commits only what it has applied or dead-lettered, so whatever the service would still do
     * with those records (a redelivery or a retry included) is done: a count taken now is final, with no
     * fixed wait.
     */
    static void consumedToEnd(String service, String topic) {
        try (Admin admin = admin()) {
            eventually(() -> committedToEnd(admin, service, topic));
        }
    }

    /**
     * {@link #consumedToEnd(String, String)} for every service of the suite that reads {@code topic}, as the
     * broker's group assignments show (a group in a rebalance is waited for).
     */
    static void consumedToEndByItsReaders(String topic) {
        try (Admin admin = admin()) {
            eventually(() -> {
                for (ConsumerGroupDescription group :
                        admin.describeConsumerGroups(Suite.SERVICES).all().get().values()) {
                    if (group.groupState() == GroupState.PREPARING_REBALANCE
                            || group.groupState() == GroupState.COMPLETING_REBALANCE) {
                        return false;
                    }
                    boolean reads = group.members().stream()
                            .anyMatch(m -> m.assignment().topicPartitions().stream()
                                    .anyMatch(tp -> tp.topic().equals(topic)));
                    if (reads && !committedToEnd(admin, group.groupId(), topic)) {
                        return false;
                    }
                }
                return true;
            });
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.shared().bootstrapServers()));
    }

    private static boolean committedToEnd(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return ends.entrySet().stream()
                .allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset()
                                        >= end.getValue().offset()));
    }

    void publish(String topic, String key, String type, String payload) {
        TopicProbe.send(
                topic,
                key,
                payload,
                Map.of(
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        type,
                        "ce_source",
                        ownerOf(topic),
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString(),
                        "ce_specversion",
                        "1.0",
                        TEST_MARK,
                        "1"));
    }

    static Map<String, Object> phq9(int... answers) {
        Map<String, Object> a = new java.util.HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            a.put(Integer.toString(i + 1), answers[i]);
        }
        return Map.of("instrument", "PHQ-9", "answers", a);
    }

    String intake(Tokens by) {
        return as(by, INTAKE)
                .body(Map.of(
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
                .path("id");
    }

    /** An active coaching engagement between the coach and the client (contract proposed and accepted by both). */
    String activeEngagement(String pathway) {
        String id = as(coach, SESSION)
                .body(Map.of("clientSubject", client.subject(), "pathway", pathway))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        acceptFirstContract(id, "Career transition");
        return id;
    }

    /** The coach proposes a first contract naming the client and themselves; both accept it: active. */
    void acceptFirstContract(String engagement, String purpose) {
        as(coach, SESSION)
                .body(Map.of(
                        "purpose",
                        purpose,
                        "parties",
                        java.util.List.of(
                                Map.of("role", "client", "subject", client.subject(), "required", true),
                                Map.of("role", "coach", "subject", coach.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + engagement + "/contracts")
                .then()
                .statusCode(201);
        for (Tokens party : java.util.List.of(client, coach)) {
            as(party, SESSION)
                    .when()
                    .post("/v1/engagements/" + engagement + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
    }

    /** A directory with one therapy service, curated by the tenant's admin. */
    String therapyService() {
        String org = as(admin, REFERRAL)
                .body(Map.of("name", "City Talking Therapies"))
                .when()
                .post("/v1/directory/organisations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return as(admin, REFERRAL)
                .body(Map.of(
                        "organisationId", org, "name", "Adult therapy", "kind", "therapy", "acceptingReferrals", true))
                .when()
                .post("/v1/directory/services")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The coach asks the client's consent to the referral, the client agrees, it is sent and answered in turn. */
    void consentedSentAndAnswered(String referral, String... outcomes) {
        as(coach, REFERRAL)
                .when()
                .post("/v1/referrals/" + referral + "/consent-request")
                .then()
                .statusCode(200);
        as(client, REFERRAL)
                .body(Map.of("agree", true, "shares", java.util.List.of("identity")))
                .when()
                .post("/v1/me/referrals/" + referral + "/consent")
                .then()
                .statusCode(200);
        as(coach, REFERRAL)
                .when()
                .post("/v1/referrals/" + referral + "/sending")
                .then()
                .statusCode(200);
        for (String outcome : outcomes) {
            as(coach, REFERRAL)
                    .body(Map.of("outcome", outcome))
                    .when()
                    .post("/v1/referrals/" + referral + "/answer")
                    .then()
                    .statusCode(200);
        }
    }

    /** The coach decides the intake for a coaching pathway; the draft engagement session-service opens from it. */
    String decidedEngagement(String intake, String pathway, String reason) {
        as(coach, INTAKE)
                .body(Map.of("pathway", pathway, "practitionerId", coach.subject(), "reason", reason))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);
        java.util.concurrent.atomic.AtomicReference<String> drafted =
                new java.util.concurrent.atomic.AtomicReference<>();
        eventually(() -> {
            java.util.List<Map<String, Object>> items = as(coach, SESSION)
                    .when()
                    .get("/v1/engagements")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            items.stream()
                    .filter(e -> intake.equals(e.get("sourceIntakeId")))
                    .findFirst()
                    .ifPresent(e -> drafted.set((String) e.get("id")));
            return drafted.get() != null;
        });
        return drafted.get();
    }
}
