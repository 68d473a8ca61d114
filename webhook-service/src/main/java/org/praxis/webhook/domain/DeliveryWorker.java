package org.praxis.webhook.domain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: a few threads on each replica, each claiming a batch ({@link DeliveryClaims}), posting them
 * one after another ({@link Receivers}) and recording each outcome. A slow receiver holds up one thread, not all.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    static final int THREADS = 4;

    @Inject
    WebhookConfig config;

    @Inject
    DeliveryClaims claims;

    @Inject
    Receivers receivers;

    private static final long PRUNE_EVERY = java.time.Duration.ofHours(1).toNanos();
    private final java.util.concurrent.atomic.AtomicLong lastPrune =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    void onStart(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        running = true;
        for (int i = 0; i < THREADS; i++) {
            Thread thread = new Thread(this::run, "webhook-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        threads.forEach(Thread::interrupt);
    }

    private void run() {
        while (running) {
            int sent = 0;
            try {
                sent = sendDue();
                long last = lastPrune.get();
                if (System.nanoTime() - last > PRUNE_EVERY && lastPrune.compareAndSet(last, System.nanoTime())) {
                    claims.prune(); // one thread an hour per replica; deleting twice is harmless
                }
            } catch (RuntimeException e) {
                // The database away: what was claimed comes back when its lease ends.
                LOG.warnf("webhook deliveries not sent this round: %s", e.toString());
            }
            if (sent == 0) {
                try {
                    Thread.sleep(config.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims and sends one batch; how many were claimed. */
    int sendDue() {
        List<DeliveryClaims.Claim> batch = claims.claim();
        for (DeliveryClaims.Claim claim : batch) {
            if (!running) {
                break; // the rest come back when their lease ends
            }
            Optional<DeliveryClaims.Target> target = claims.target(claim);
            if (target.isEmpty()) {
                continue; // disabled or deleted meanwhile, or the claim lost: not this worker's to send now
            }
            Receivers.Outcome outcome = receivers.post(
                    target.get().url(),
                    claim.eventId(),
                    claim.body(),
                    target.get().secrets());
            if (outcome.interrupted()) {
                // Stopping: not the receiver's failure, so no attempt spent; its lease runs out and another sends it.
                break;
            }
            claims.record(claim.renewed(target.get()), outcome.statusCode(), outcome.error());
        }
        return batch.size();
    }
}
