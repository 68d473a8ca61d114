package org.praxis.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.privacy.ErasureUnderWay;

/**
 * Feeds other services' events to this service's {@link EventHandler}s, each event once: the handler
 * runs in a transaction that inserts {@code (handler, ce_id)} into the inbox, so a redelivered event
 * changes nothing. Offsets are committed only after the records were applied. An event that keeps
 * failing goes to {@code <topic>.dlq} with the error in its headers, and consumption goes on.
 */
@ApplicationScoped
public class InboxConsumer {
    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    public static final String DLQ_SUFFIX = ".dlq";
    public static final String DLQ_ERROR = "praxis_dlq_error";
    public static final String DLQ_CONSUMER = "praxis_dlq_consumer";
    public static final String DLQ_ORIGIN = "praxis_dlq_origin";

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    PraxisConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    ObjectMapper json;

    @Inject
    EventCatalogue catalogue;

    @Inject
    InboxMarks marks;

    @Inject
    ParkedEvents parked;

    @Inject
    AppliedOnce once;

    private volatile boolean running;
    private final List<TopicConsumer> loops = new ArrayList<>();
    private DeadLetterTopic deadLetters;

    void onStart(@Observes StartupEvent event) {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        if (!config.inbox().enabled() || topics.isEmpty()) {
            return;
        }
        deadLetters = new DeadLetterTopic(() -> kafka.producer(config.service() + "-dlq"), config);
        running = true;
        // One consumer and thread per topic: a slow privacy or assessment handler never delays risk flags.
        for (String topic : topics) {
            TopicConsumer loop = new TopicConsumer(topic, this);
            loops.add(loop);
            loop.thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loops.isEmpty()) {
            return;
        }
        running = false;
        loops.forEach(TopicConsumer::wakeup);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (TopicConsumer loop : loops) {
            try {
                loop.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deadLetters.close();
    }

    /** Marks the topic's consumer as alive now (it is retrying, not hung). */
    private void alive(String topic) {
        loops.stream().filter(l -> l.topic().equals(topic)).forEach(l -> l.lastPoll = Instant.now());
    }

    /** The topics' consumers, for {@link InboxConsumerHealth}; empty when this service consumes nothing. */
    List<TopicConsumer> loops() {
        return loops;
    }

    /** False once the service is stopping: loops end at the next record boundary. */
    boolean running() {
        return running;
    }

    /** True when this service consumes topics at all. */
    public boolean started() {
        return !loops.isEmpty();
    }

    /** False when a consumer thread is gone while the service still runs: its topic's events would wait. */
    public boolean alive() {
        return !loops.isEmpty() && (!running || loops.stream().allMatch(l -> l.thread.isAlive()));
    }

    /**
     * Applies the record to every handler of its type; parks it when its type is unknown to this
     * version; false when shutdown came before it was fully applied.
     */
    boolean process(ConsumerRecord<String, String> record) {
        return process(record, null);
    }

    /**
     * As {@link #process(ConsumerRecord)}, for {@code onlyHandler} alone when not null: a dead letter's
     * replay reaches only the handler that dead-lettered it, so the others never apply it again, even
     * after their inbox marks were pruned.
     */
    boolean process(ConsumerRecord<String, String> record, String onlyHandler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.read(
                    record, EventSources.ownerOf(record.topic(), config.inbox().sources()), json);
        } catch (UnprocessableEvent e) {
            return deadLetters.send(record, e, "inbox", this::running);
        }
        boolean taken = false;
        for (EventHandler handler : handlers) {
            if (handler.topics().contains(record.topic()) && handler.handles(event.type())) {
                taken = true;
                if (onlyHandler != null && !onlyHandler.equals(handler.name())) {
                    continue;
                }
                if (!deliver(handler, event, record)) {
                    return false;
                }
            }
        }
        if (!taken && !catalogue.knows(event.type())) {
            // A newer publisher's type (a v2, or one only newer versions of this service handle):
            // skipping it would lose it for good during a rolling deploy.
            return retrying(record.topic(), "parking " + event.id(), () -> parked.park(record, event, null, null));
        }
        return true;
    }

    /** Whether this version can do something with {@code type} on {@code topic}: apply it, or knowingly ignore it. */
    boolean knows(String topic, String type) {
        if (catalogue.knows(type)) {
            return true;
        }
        for (EventHandler handler : handlers) {
            if (handler.topics().contains(topic) && handler.handles(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a database step about a record of {@code topic} until it succeeds; false when shutdown came first. Waiting
     * out the database is the consumer at work: liveness stays fresh, or every replica would restart in a loop.
     */
    private boolean retrying(String topic, String what, Runnable step) {
        for (int attempt = 1; running; attempt++) {
            try {
                step.run();
                return true;
            } catch (RuntimeException e) {
                alive(topic);
                LOG.warnf("%s failed (try %d), retrying: %s", what, attempt, DeadLetterTopic.described(e));
                sleep(config.inbox().retryBackoff().multipliedBy(Math.min(attempt, 150)));
            }
        }
        return false;
    }

    /** True once the handler applied the event (or it was dead-lettered); false when shutdown interrupted the tries. */
    private boolean deliver(EventHandler handler, IncomingEvent event, ConsumerRecord<String, String> record) {
        int attempt = 0;
        while (running) {
            attempt++;
            try {
                once.apply(handler, event);
                return true;
            } catch (RuntimeException e) {
                ErasureUnderWay waiting = ErasureUnderWay.in(e);
                if (waiting != null) {
                    // Neither applied nor dropped yet, and the topic goes on: offered again once the source confirms.
                    return retrying(
                            record.topic(),
                            "parking " + event.id(),
                            () -> parked.park(record, event, waiting.waitingFor(), handler.name()));
                }
                if (TransientFailures.isTransient(e)) {
                    // Waiting out a database outage is the consumer at work, not a hung one: keep liveness
                    // fresh, or every replica would be restarted in a loop while the database is away.
                    alive(record.topic());
                    // Not the event's fault (database away, failover, deadlock, lock or pool timeout,
                    // optimistic lock): retry with a growing pause instead of dead-lettering good events.
                    LOG.warnf(
                            "transient failure applying %s (try %d), retrying: %s",
                            event.id(), attempt, DeadLetterTopic.described(e));
                    sleep(config.inbox().retryBackoff().multipliedBy(Math.min(attempt, 150)));
                    continue;
                }
                if (e instanceof UnprocessableEvent || attempt >= config.inbox().maxAttempts()) {
                    if (!deadLetters.send(record, e, handler.name(), this::running)) {
                        return false;
                    }
                    // Sent but unmarked, the record is read again after a restart and dead-lettered once more:
                    // the mark is claimed once, and a replay takes the record with its digest.
                    return retrying(
                            record.topic(),
                            "marking " + event.id() + " dead-lettered",
                            () -> marks.markDeadLettered(handler, event, record));
                }
                LOG.debugf(e, "attempt %d of event %s failed", attempt, event.id());
                sleep(config.inbox().retryBackoff().multipliedBy(Math.max(1, attempt)));
            }
        }
        return false;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
