package org.praxis.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts records on the test broker and reads what services put there, as an outside party would. */
public final class TopicProbe {
    private TopicProbe() {}

    /** Puts one record on {@code topic}; returns where it landed (partition, offset). */
    public static RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends an event with the CloudEvents headers a service's relay writes (a fresh {@code ce_id}, the time
     * now), as {@code source} would publish it for {@code tenant}.
     */
    public static void sendEvent(String topic, String type, String source, String tenant, String key, String payload) {
        send(topic, key, payload, headers(type, source, tenant, Instant.now()));
    }

    /** The CloudEvents headers a relay writes for an event {@code source} sent at {@code at}, with a fresh {@code ce_id}. */
    public static Map<String, String> headers(String type, String source, String tenant, Instant at) {
        return Map.of(
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                type,
                "ce_source",
                source,
                "ce_tenant",
                tenant,
                "ce_time",
                at.toString());
    }

    /**
     * Reads the topic from its beginning until {@code done} holds for the records matching {@code filter},
     * or the deadline passes; returns the matching records either way.
     */
    public static List<ConsumerRecord<String, String>> read(
            String topic,
            Predicate<ConsumerRecord<String, String>> filter,
            Predicate<List<ConsumerRecord<String, String>>> done,
            Duration deadline) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            while (Instant.now().isBefore(end) && !done.test(matching)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    if (filter.test(r)) {
                        matching.add(r);
                    }
                }
            }
        }
        return matching;
    }

    /**
     * Every record on the topic now, from its beginning to the end offsets it has when called: a read
     * that is done when the topic is, not when a fixed time has passed.
     */
    public static List<ConsumerRecord<String, String>> readToEnd(
            String topic, Predicate<ConsumerRecord<String, String>> filter) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant end = Instant.now().plus(Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (Instant.now().isAfter(end)) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + ends);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    if (filter.test(r)) {
                        matching.add(r);
                    }
                }
            }
        }
        return matching;
    }

    /**
     * Every record on {@code topic} under {@code key} that {@code filter} accepts, read once the outbox of the
     * service under test (the shared test database) holds none of that key unsent: everything its committed
     * transactions published, a second copy included, without a fixed wait to see that no more come.
     */
    public static List<ConsumerRecord<String, String>> readPublished(
            String topic, String key, Predicate<ConsumerRecord<String, String>> filter) {
        EmbeddedPostgres.shared()
                .awaitCount(
                        0,
                        "select count(*) from outbox_event where topic = ? and aggregate_id = ? and sent_at is null",
                        topic,
                        key);
        return readToEnd(topic, r -> key.equals(r.key()) && filter.test(r));
    }

    /**
     * Waits until consumer group {@code group} has committed an offset past {@code record}: its consumer applied
     * the record (and everything before it on the partition), since offsets are committed only after that.
     */
    public static void awaitConsumed(String group, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.shared().bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
