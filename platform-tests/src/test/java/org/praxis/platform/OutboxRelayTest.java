package org.praxis.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.events.OutboxRelay;
import org.praxis.platform.privacy.ErasureRequested;
import org.praxis.testsupport.EmbeddedKafka;
import org.praxis.testsupport.TopicProbe;

@QuarkusTest
class OutboxRelayTest {
    static final String TOPIC = "platform-test.events";

    @Inject
    OutboxPublisher outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    org.praxis.platform.events.RetentionSweep retention;

    private List<UUID> publish(String tenant, int aggregates, int perAggregate) {
        List<UUID> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            keys.add(UUID.randomUUID().toString());
        }
        for (int i = 0; i < perAggregate; i++) {
            for (String key : keys) {
                int n = i;
                ids.add(QuarkusTransaction.requiringNew()
                        .call(() -> outbox.publish(tenant, new TestEvents.ThingCounted(key, n))));
            }
        }
        return ids;
    }

    private static List<ConsumerRecord<String, String>> readBack(Set<String> ids) {
        return TopicProbe.read(
                TOPIC,
                r -> ids.contains(TopicProbe.header(r, "ce_id")),
                found -> found.size() >= ids.size(),
                Duration.ofSeconds(60));
    }

    @Test
    void everyRowReachesTheTopicOnceAfterTheBrokerWasDownAndInOrderPerAggregate() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        List<UUID> ids;
        kafka.stop();
        try {
            ids = publish("acme", 3, 10);
            // Committed, but the broker is away: the relay tries, fails, and the rows wait in the outbox.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Db.count(
                                    "select count(*) from outbox_event where id = any(?) and last_error is not null",
                                    (Object) ids.toArray(new UUID[0]))
                            > 0);
            assertEquals(
                    30, Db.count("select count(*) from outbox_event where id = any(?) and sent_at is null", (Object)
                            ids.toArray(new UUID[0])));
        } finally {
            kafka.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        Db.count("select count(*) from outbox_event where id = any(?) and sent_at is null", (Object)
                                        ids.toArray(new UUID[0]))
                                == 0);

        Set<String> wanted = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = readBack(wanted);
        List<String> delivered =
                records.stream().map(r -> TopicProbe.header(r, "ce_id")).toList();
        assertEquals(30, delivered.size(), "each row exactly once");
        assertEquals(wanted, new HashSet<>(delivered));

        // Per aggregate, the payload counter must arrive 0, 1, 2, ...
        Map<String, List<String>> byKey = records.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        byKey.values().forEach(values -> {
            for (int i = 0; i < values.size(); i++) {
                assertEquals("{\"n\": " + i + "}", values.get(i));
            }
        });

        ConsumerRecord<String, String> first = records.get(0);
        assertEquals("org.praxis.test.thing.counted.v1", TopicProbe.header(first, "ce_type"));
        assertEquals("/platform-test", TopicProbe.header(first, "ce_source"));
        assertEquals("acme", TopicProbe.header(first, "ce_tenant"));
        assertEquals("1.0", TopicProbe.header(first, "ce_specversion"));
        assertTrue(TopicProbe.header(first, "ce_time").endsWith("Z"));
    }

    @Test
    void concurrentRelaysNeverSendARowTwice() throws Exception {
        List<UUID> ids = publish("acme", 20, 10);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> relays = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                relays.add(pool.submit(() -> {
                    int sent = 0;
                    for (int round = 0; round < 20; round++) {
                        sent += relay.relayBatch();
                    }
                    return sent;
                }));
            }
            for (Future<Integer> f : relays) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Db.count("select count(*) from outbox_event where id = any(?) and sent_at is null", (Object)
                                        ids.toArray(new UUID[0]))
                                == 0);
        Set<String> wanted = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = readBack(wanted);
        List<String> delivered =
                records.stream().map(r -> TopicProbe.header(r, "ce_id")).toList();
        assertEquals(200, delivered.size(), "four relays plus the background one sent each row exactly once");
        assertEquals(wanted, new HashSet<>(delivered));
        // Relays take turns, so each aggregate's events arrive in the order they were written.
        Map<String, List<ConsumerRecord<String, String>>> byKey =
                records.stream().collect(Collectors.groupingBy(ConsumerRecord::key));
        byKey.values().forEach(values -> {
            for (int i = 0; i < values.size(); i++) {
                assertEquals("{\"n\": " + i + "}", values.get(i).value());
                if (i > 0) {
                    assertTrue(Long.parseLong(TopicProbe.header(values.get(i), "ce_sequence"))
                            > Long.parseLong(TopicProbe.header(values.get(i - 1), "ce_sequence")));
                }
            }
        });
    }

    @Test
    void pruneDeletesWhatIsPastItsRetentionAndKeepsTheRest() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String dead = UUID.randomUUID().toString();
        String superseded = UUID.randomUUID().toString();
        org.praxis.testsupport.EmbeddedPostgres db = org.praxis.testsupport.EmbeddedPostgres.shared();
        db.execute("insert into inbox_event (consumer, event_id, topic, outcome, received_at) values"
                + " ('prune-test', '" + old + "', 't', 'applied', now() - interval '31 days'),"
                + " ('prune-test', '" + recent + "', 't', 'applied', now() - interval '29 days'),"
                + " ('prune-test', '" + dead + "', 't', 'dead-lettered', now() - interval '90 days'),"
                + " ('prune-test', '" + superseded + "', 't', 'superseded', now() - interval '31 days')");
        db.execute("insert into idempotency_record (tenant_id, scope, idempotency_key, request_hash, created_at) values"
                + " ('prune-test', 's', '" + old + "', 'h', now() - interval '25 hours'),"
                + " ('prune-test', 's', '" + recent + "', 'h', now() - interval '23 hours')");
        assertTrue(retention.prune() >= 2);
        assertEquals(0, Db.count("select count(*) from inbox_event where event_id = ?", old));
        assertEquals(1, Db.count("select count(*) from inbox_event where event_id = ?", recent));
        assertEquals(1, Db.count("select count(*) from inbox_event where event_id = ?", dead), "kept until replayed");
        assertEquals(
                0, Db.count("select count(*) from inbox_event where event_id = ?", superseded), "settled like applied");
        assertEquals(0, Db.count("select count(*) from idempotency_record where idempotency_key = ?", old));
        assertEquals(1, Db.count("select count(*) from idempotency_record where idempotency_key = ?", recent));
    }

    @Test
    void aRelayThatDoesNotHoldTheLeaseSendsNothing() throws Exception {
        List<UUID> ids;
        try (java.sql.Connection other = Db.connection()) {
            other.setAutoCommit(false);
            try (var s = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
                s.setLong(1, 0x5072_6178_6973_0001L);
                s.execute();
            }
            ids = publish("acme", 1, 1);
            Thread.sleep(300); // the background relay was woken by the publish and found the lease taken
            assertEquals(0, relay.relayBatch(), "another replica holds the relay");
            assertEquals(1, Db.count("select count(*) from outbox_event where id = any(?) and sent_at is null", (Object)
                    ids.toArray(new UUID[0])));
            other.rollback();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Db.count("select count(*) from outbox_event where id = any(?) and sent_at is null", (Object)
                                        ids.toArray(new UUID[0]))
                                == 0);
    }

    @Test
    void anEventOnAnotherTopicCarriesThatTopicsOwnerAsItsSourceAndItsFullType() {
        String key = UUID.randomUUID().toString();
        UUID own = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish("acme", new TestEvents.ThingCounted(key, 0)));
        String type = "org.praxis.privacy.subject.erasure-requested.v1";
        UUID other = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publishOn(
                        "privacy.events", "org.praxis.privacy", "acme", new ErasureRequested(key, "r-1", key)));

        List<ConsumerRecord<String, String>> privacy = TopicProbe.read(
                "privacy.events",
                r -> other.toString().equals(TopicProbe.header(r, "ce_id")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, privacy.size());
        assertEquals("/privacy", TopicProbe.header(privacy.get(0), "ce_source"));
        assertEquals(type, TopicProbe.header(privacy.get(0), "ce_type"));
        assertEquals("acme", TopicProbe.header(privacy.get(0), "ce_tenant"));
        assertEquals(key, privacy.get(0).key());
        // The service's own topic still carries the service's name.
        assertEquals(
                "/platform-test",
                TopicProbe.header(readBack(Set.of(own.toString())).get(0), "ce_source"));
    }

    @Test
    void onlyASentRowIsForgottenBeforeItsRetentionEnds() {
        String key = UUID.randomUUID().toString();
        UUID[] id = new UUID[1];
        boolean forgottenUnsent = QuarkusTransaction.requiringNew().call(() -> {
            id[0] = outbox.publishOn(
                    "privacy.events", "org.praxis.privacy", "acme", new ErasureRequested(key, "r-2", key));
            return outbox.forgetSent(id[0]);
        });
        assertFalse(forgottenUnsent, "a row not sent yet is kept");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Db.count("select count(*) from outbox_event where id = ? and sent_at is not null", id[0]) == 1);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> outbox.forgetSent(id[0])));
        assertEquals(0, Db.count("select count(*) from outbox_event where id = ?", id[0]));
    }
}
