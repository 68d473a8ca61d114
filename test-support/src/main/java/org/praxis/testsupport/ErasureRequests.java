package org.praxis.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Asks for a person's erasure as the privacy process does, and checks what is left of them in the database. */
public final class ErasureRequests {
    public static final String TYPE = "org.praxis.privacy.subject.erasure-requested.v1";

    private ErasureRequests() {}

    /**
     * Sends {@code subject.erasure-requested} for {@code subject} in {@code tenant} and returns the
     * confirmations keyed by its request id that {@code confirmationTopic} holds within 30 seconds.
     */
    public static List<ConsumerRecord<String, String>> erase(String tenant, String subject, String confirmationTopic) {
        String requestId = "era-" + UUID.randomUUID();
        TopicProbe.sendEvent("privacy.events", TYPE, "/privacy", tenant, subject, payload(subject, requestId));
        return TopicProbe.read(
                confirmationTopic, r -> requestId.equals(r.key()), found -> !found.isEmpty(), Duration.ofSeconds(30));
    }

    /**
     * As {@link #erase}, and then the services this test stands in for ({@code sources}, e.g.
     * {@code session-service}) confirm on their topics that they erased the person too, as they would: an
     * event they send about the person after that is the person's new activity, not their erased past.
     */
    public static List<ConsumerRecord<String, String>> eraseWithSources(
            String tenant, String subject, String confirmationTopic, String... sources) {
        List<ConsumerRecord<String, String>> confirmations = erase(tenant, subject, confirmationTopic);
        for (ConsumerRecord<String, String> confirmation : confirmations) {
            for (String source : sources) {
                String name = source.substring(0, source.indexOf("-service"));
                TopicProbe.sendEvent(
                        name + ".events",
                        "org.praxis." + name + ".subject.erased.v1",
                        "/" + source,
                        tenant,
                        confirmation.key(),
                        "{\"requestId\":\"" + confirmation.key() + "\",\"service\":\"" + source + "\"}");
            }
        }
        return confirmations;
    }

    /**
     * Delivers one {@code subject.erasure-requested} twice (the same record and {@code ce_id}, as a
     * redelivery would) and returns every confirmation of it on {@code confirmationTopic} once the service that
     * publishes there (e.g. {@code session-service} for {@code session.events}) has applied both deliveries and
     * sent what they wrote: a service that erases once confirms once.
     */
    public static List<ConsumerRecord<String, String>> eraseRedelivered(
            String tenant, String subject, String confirmationTopic) {
        String requestId = "era-" + UUID.randomUUID();
        String payload = payload(subject, requestId);
        assertEquals(
                List.of(), EventContracts.violations(TYPE, payload), "the request as the privacy process sends it");
        Map<String, String> headers = Map.of(
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                TYPE,
                "ce_source",
                "/privacy",
                "ce_tenant",
                tenant,
                "ce_time",
                Instant.now().toString());
        TopicProbe.send("privacy.events", subject, payload, headers);
        RecordMetadata again = TopicProbe.send("privacy.events", subject, payload, headers);
        // The service's consumer group is its name (praxis.service).
        TopicProbe.awaitConsumed(confirmationTopic.substring(0, confirmationTopic.indexOf('.')) + "-service", again);
        return TopicProbe.readPublished(confirmationTopic, requestId, r -> true);
    }

    private static String payload(String subject, String requestId) {
        return "{\"subject\":\"" + subject + "\",\"requestId\":\"" + requestId + "\"}";
    }

    /**
     * Erases {@code person} and checks the whole database (every text, array and JSON column): before,
     * the person is in at least the columns {@code roles}; after, in none; their {@code pseudonym} is in
     * every column that named them except those whose rows are {@code deleted}; and every column naming
     * {@code other} does so as often as before.
     */
    public static void assertErasedEverywhere(
            String tenant,
            String person,
            String pseudonym,
            String other,
            Set<String> roles,
            Set<String> deleted,
            String confirmationTopic) {
        EmbeddedPostgres db = EmbeddedPostgres.shared();
        Map<String, Long> before = db.columnsHolding(person);
        Set<String> missing = new HashSet<>(roles);
        missing.removeAll(before.keySet());
        assertEquals(Set.of(), missing, "columns the population should have named the person in");
        Map<String, Long> otherBefore = db.columnsHolding(other);

        assertEquals(1, erase(tenant, person, confirmationTopic).size(), "erased and confirmed");

        assertEquals(Map.of(), db.columnsHolding(person), "columns still naming the erased person");
        Set<String> kept = new HashSet<>(before.keySet());
        kept.removeAll(deleted);
        // The platform's record that the person is erased (so late events re-create nothing), by pseudonym only.
        kept.add("erased_subject.pseudonym");
        assertEquals(kept, db.columnsHolding(pseudonym).keySet(), "columns naming the pseudonym");
        assertEquals(otherBefore, db.columnsHolding(other), "the other person's rows");
    }
}
