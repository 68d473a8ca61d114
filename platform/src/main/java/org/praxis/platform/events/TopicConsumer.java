package org.praxis.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The consumer of one topic, on its own thread (so a slow handler of one topic never delays another's
 * events): polls, hands each record to the {@link InboxConsumer}, and commits exactly the offsets of
 * what was applied.
 */
final class TopicConsumer {
    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String topic;
    private final InboxConsumer inbox;
    final Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    volatile Instant lastPoll;
    volatile String lastFailure;
    /** Per partition, the offset after the last record applied (or dead-lettered): what may be committed. */
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();

    TopicConsumer(String topic, InboxConsumer inbox) {
        this.topic = topic;
        this.inbox = inbox;
        this.thread = new Thread(this::run, "inbox-" + topic);
        this.thread.setDaemon(true);
    }

    String topic() {
        return topic;
    }

    void wakeup() {
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /**
     * The thread never dies of a client error (a commit timeout after a broker outage, being fenced
     * after a long database wait): it closes the consumer, backs off and subscribes again; the next
     * consumer starts from the committed offsets, and the inbox drops what comes twice.
     */
    private void run() {
        Duration backoff = Duration.ofSeconds(1);
        while (inbox.running()) {
            try {
                consumer = inbox.kafka.consumer(
                        inbox.config.service(),
                        inbox.config.service() + "-inbox-" + topic,
                        inbox.config.inbox().autoOffsetReset());
                loop();
                backoff = Duration.ofSeconds(1);
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                lastFailure = Instant.now() + " " + e;
                LOG.errorf(e, "inbox consumer of %s failed; recreating it in %s", topic, backoff);
                closeQuietly();
                InboxConsumer.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            closeQuietly();
        }
    }

    private void loop() {
        // Offsets are committed at most once per commit-interval, not after every poll: a commit is a
        // round trip and a write to __consumer_offsets, and at a few hundred events a second those
        // writes cost the broker and the consumer more than the events themselves (see bench/REPORT.md).
        // What a crash or a rebalance redelivers, the inbox drops by (handler, ce_id).
        long interval = inbox.config.inbox().commitInterval().toNanos();
        long lastCommit = System.nanoTime();
        applied.clear();
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Runs inside poll() on this thread: hand over exactly what was applied, nothing beyond.
                try {
                    commitApplied(partitions);
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "offset commit on revocation failed; the next owner gets those events again: %s",
                            e.getMessage());
                }
                applied.keySet().removeAll(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                // Another member may own them already: committing now would fail or overwrite its progress.
                applied.keySet().removeAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // nothing to do: positions come from the committed offsets
            }
        });
        LOG.infof("inbox consumer %s reading %s", inbox.config.service(), topic);
        try {
            while (inbox.running()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                lastPoll = Instant.now();
                for (ConsumerRecord<String, String> record : records) {
                    // On shutdown, stop at a record boundary: what is not applied is not committed, so the
                    // next owner of the partition receives it.
                    if (!inbox.running() || !inbox.process(record)) {
                        break;
                    }
                    applied.put(
                            new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!applied.isEmpty() && System.nanoTime() - lastCommit >= interval) {
                    commitApplied(null);
                    lastCommit = System.nanoTime();
                }
            }
        } finally {
            if (!applied.isEmpty()) {
                try {
                    commitApplied(null);
                } catch (RuntimeException e) {
                    LOG.warnf("last offset commit failed; the inbox will drop what comes again: %s", e.getMessage());
                }
            }
        }
    }

    /** Commits the applied offsets of {@code partitions} (all when null), then forgets them. */
    private void commitApplied(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(applied);
        if (partitions != null) {
            offsets.keySet().retainAll(partitions);
        }
        if (offsets.isEmpty()) {
            return;
        }
        consumer.commitSync(offsets, Duration.ofSeconds(10));
        offsets.forEach((tp, offset) -> applied.remove(tp, offset));
    }

    private void closeQuietly() {
        KafkaConsumer<String, String> current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("closing the consumer: %s", e.getMessage());
            }
        }
    }
}
