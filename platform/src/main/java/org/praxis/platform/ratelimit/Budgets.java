package org.praxis.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.manual.ManuallySyncingOptimization;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;

/**
 * The service's token buckets, kept by Bucket4j in the service's own database so that its replicas
 * share one budget. A replica takes calls from its local copy of a bucket (no database round trip on
 * the request) and writes what it took to the shared bucket in the background: every
 * {@code praxis.rate-limit.sync-interval}, and as soon as it has taken 1/20 of the budget. So replicas
 * together exceed a budget by at most 1/20 of it each, plus what arrives during one write. Only a key's
 * first call on a replica reads the shared bucket on the request's thread.
 */
@ApplicationScoped
public class Budgets {
    private static final Logger LOG = Logger.getLogger(Budgets.class);
    private static final int SYNC_SHARE = 20;
    private static final Duration SWEEP = Duration.ofMinutes(1);

    @Inject
    DataSource dataSource;

    @Inject
    PraxisConfig config;

    private final Map<String, Local> local = new ConcurrentHashMap<>();
    private volatile PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private volatile ScheduledExecutorService syncer;
    private long lastSweepNanos = System.nanoTime();

    /** A shared bucket as this replica holds it, and the calls it took since it last wrote them. */
    private static final class Local {
        final BucketProxy bucket;
        final long syncAfter;
        final AtomicLong unsynced = new AtomicLong();
        final AtomicBoolean syncing = new AtomicBoolean();
        volatile long lastUsedNanos = System.nanoTime();

        Local(BucketProxy bucket, long syncAfter) {
            this.bucket = bucket;
            this.syncAfter = syncAfter;
        }
    }

    /** Takes one call from the key's bucket of this quota. */
    public ConsumptionProbe take(String key, Quota quota) {
        String id = key + "|" + quota.limit() + "/" + quota.window().toSeconds();
        Local bucket = local.computeIfAbsent(id, k -> open(k, quota));
        bucket.lastUsedNanos = System.nanoTime();
        ConsumptionProbe probe = bucket.bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()
                && bucket.unsynced.incrementAndGet() >= bucket.syncAfter
                && bucket.syncing.compareAndSet(false, true)) {
            syncer().execute(() -> sync(bucket));
        }
        return probe;
    }

    private Local open(String id, Quota quota) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(quota.limit()).refillGreedy(quota.limit(), quota.window()))
                .build();
        BucketProxy bucket = shared().builder()
                .withOptimization(new ManuallySyncingOptimization())
                .build(id, () -> configuration);
        syncer(); // the periodic writes start with the first bucket
        return new Local(bucket, Math.max(1, quota.limit() / SYNC_SHARE));
    }

    private void sync(Local bucket) {
        try {
            bucket.unsynced.set(0);
            bucket.bucket.getOptimizationController().syncByCondition(1, Duration.ZERO);
        } catch (RuntimeException e) {
            // The calls stay counted locally and are written with the next sync.
            LOG.debugf(e, "Rate-limit bucket not synchronised");
        } finally {
            bucket.syncing.set(false);
        }
    }

    /** Writes every bucket's local calls, forgets the idle ones, and now and then drops expired rows. */
    private void syncAll() {
        long idle = 2 * config.rateLimit().window().toNanos();
        long now = System.nanoTime();
        local.forEach((id, bucket) -> {
            if (bucket.unsynced.get() > 0 && bucket.syncing.compareAndSet(false, true)) {
                sync(bucket);
            } else if (now - bucket.lastUsedNanos > idle && bucket.unsynced.get() == 0) {
                local.remove(id, bucket);
            }
        });
        if (now - lastSweepNanos > SWEEP.toNanos()) {
            lastSweepNanos = now;
            try {
                shared().removeExpired(1000);
            } catch (RuntimeException e) {
                LOG.debugf(e, "Expired rate-limit buckets not removed");
            }
        }
    }

    private PostgreSQLSelectForUpdateBasedProxyManager<String> shared() {
        if (shared == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                            .primaryKeyMapper(PrimaryKeyMapper.STRING)
                            .table("rate_limit_bucket")
                            // A bucket that refilled completely holds nothing worth keeping.
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofSeconds(10)))
                            .build();
                }
            }
        }
        return shared;
    }

    private ScheduledExecutorService syncer() {
        if (syncer == null) {
            synchronized (this) {
                if (syncer == null) {
                    ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(run -> {
                        Thread thread = new Thread(run, "praxis-rate-limit-sync");
                        thread.setDaemon(true);
                        return thread;
                    });
                    long every = config.rateLimit().syncInterval().toMillis();
                    started.scheduleWithFixedDelay(this::syncAll, every, every, TimeUnit.MILLISECONDS);
                    syncer = started;
                }
            }
        }
        return syncer;
    }

    @PreDestroy
    void stop() {
        if (syncer != null) {
            syncer.shutdown();
            local.values().forEach(this::sync);
        }
    }
}
