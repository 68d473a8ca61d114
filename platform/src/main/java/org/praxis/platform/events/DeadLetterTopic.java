package org.praxis.platform.events;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;

/**
 * Where the {@link InboxConsumer} puts an event that cannot be applied: {@code <topic>.dlq}, the record as
 * it came with the error, the consumer and the origin in its headers ({@link DeadLetters} replays it).
 */
final class DeadLetterTopic {
    private static final Logger LOG = Logger.getLogger(DeadLetterTopic.class);

    private final Supplier<KafkaProducer<String, String>> newProducer;
    private final PraxisConfig config;
    // Made at the first dead letter, not at start: a Kafka producer costs start-up a fifth of a second
    // (SASL login, metrics, its thread), and most runs never dead-letter anything.
    private KafkaProducer<String, String> producer;

    DeadLetterTopic(Supplier<KafkaProducer<String, String>> newProducer, PraxisConfig config) {
        this.newProducer = newProducer;
        this.config = config;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = newProducer.get();
        }
        return producer;
    }

    /** True once the dead-letter topic has the record; false when shutdown came first. */
    boolean send(ConsumerRecord<String, String> record, Exception error, String consumerName, BooleanSupplier running) {
        ProducerRecord<String, String> dead =
                new ProducerRecord<>(record.topic() + InboxConsumer.DLQ_SUFFIX, record.key(), record.value());
        record.headers().forEach(h -> dead.headers().add(h));
        CloudEventHeaders.put(dead.headers(), InboxConsumer.DLQ_ERROR, described(error));
        CloudEventHeaders.put(dead.headers(), InboxConsumer.DLQ_CONSUMER, config.service() + "/" + consumerName);
        CloudEventHeaders.put(
                dead.headers(),
                InboxConsumer.DLQ_ORIGIN,
                record.topic() + "/" + record.partition() + "/" + record.offset());
        while (running.getAsBoolean()) {
            try {
                producer().send(dead).get(10, java.util.concurrent.TimeUnit.SECONDS);
                LOG.warnf(
                        "event at %s/%d/%d dead-lettered: %s",
                        record.topic(), record.partition(), record.offset(), described(error));
                return true;
            } catch (Exception e) {
                // Never skip an event silently: keep trying until the dead-letter topic takes it.
                LOG.warnf("dead-letter send failed, retrying: %s", e.getMessage());
                InboxConsumer.sleep(config.inbox().retryBackoff());
            }
        }
        return false;
    }

    /**
     * What a dead letter (its header, the admin's list, the log) says of its error: the root exception with the
     * values it quotes masked. A driver's or parser's message may repeat what it choked on (PostgreSQL's
     * "Detail: Failing row contains (…)", Jackson's 'from String "…"'), which can be a person's id, and a dead
     * letter outlives that person's erasure. At most 500 characters.
     */
    static String described(Throwable error) {
        Throwable root = TransientFailures.rootCause(error);
        String message = root.getMessage() == null ? "" : root.getMessage();
        message = message.replaceAll("(?si)\\s*d[eé]tail\\s*:.*", " (detail withheld)")
                .replaceAll("String \"(?:[^\"\\\\]|\\\\.)*\"", "String \"…\"")
                .replaceAll("\\(String\\)\"(?:[^\"\\\\]|\\\\.)*\"", "(String)\"…\"")
                .replaceAll("token '[^']*'", "token '…'")
                .replaceAll("\\('[^']*'\\)", "('…')")
                .replaceAll("((?i:string|uuid|input|value|type [a-z ]+)): \"[^\"]*\"", "$1: \"…\"")
                .replaceAll("((?i:uuid string|input string)): [^\\s\"]+", "$1: …");
        String text = root.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
