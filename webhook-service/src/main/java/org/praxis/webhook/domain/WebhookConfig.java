package org.praxis.webhook.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How webhooks are delivered ({@code praxis.webhooks.*}). */
@ConfigMapping(prefix = "praxis.webhooks")
public interface WebhookConfig {

    /**
     * Whether endpoints may resolve to private, loopback, link-local or multicast addresses, and use plain
     * http: only for trials on one machine (the local stack), never where the service can reach an internal network.
     */
    @WithDefault("false")
    boolean allowPrivateEndpoints();

    /**
     * The pause before each retry after the first attempt; a delivery whose last retry fails is failed and its
     * subscription disabled. The default spans 27 hours; each pause gets up to 10% jitter.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** How long the secret replaced by a rotation stays valid: deliveries meanwhile carry both signatures. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Whether this replica sends deliveries (the consumer that records them runs either way). */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often the worker looks for due deliveries. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed per look. */
    @WithDefault("20")
    int batchSize();

    /**
     * How long a claimed delivery is left to its worker before another may take it (a worker that died). The claim
     * is renewed for this long just before each POST, so it must exceed the request timeout: else a slow receiver's
     * delivery could be claimed and sent by another worker while the first POST still runs.
     */
    @WithDefault("60s")
    Duration claimLease();

    /** How long a finished delivery, or a pending one of a disabled subscription, is kept after it was recorded. */
    @WithDefault("P30D")
    Duration retention();

    /** Connect and answer time allowed to a receiver. */
    @WithDefault("10s")
    Duration requestTimeout();
}
