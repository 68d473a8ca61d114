package org.praxis.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the shared plumbing; each service sets {@code praxis.service} and its topic. */
@ConfigMapping(prefix = "praxis")
public interface PraxisConfig {

    /** The service's name: event source, consumer group, audit actor of its consumers. */
    String service();

    Events events();

    Outbox outbox();

    Inbox inbox();

    Crypto crypto();

    OpenApi openapi();

    interface OpenApi {
        /** The realm whose token URLs the OpenAPI document names (TokenSchemes), read when it is built. */
        String issuer();
    }

    interface Crypto {
        /**
         * The service's key-encryption keys, {@code id:base64(32 bytes)[,id:base64...]}, from its own
         * Secret; no default, so a service without real keys does not start. Old keys stay listed
         * while values use them ({@code GET /v1/admin/keys}).
         */
        String keys();

        /** The key new data keys are wrapped with, and so every newly sealed value. */
        String activeKey();

        /** How often the rotation job looks for values under another key than the active one; 0 turns it off. */
        @WithDefault("60s")
        Duration rotationInterval();

        /** Rows re-sealed per transaction by the rotation job. */
        @WithDefault("200")
        int rotationBatch();

        /**
         * The tenant whose admins operate this service's keys ({@code /v1/admin/keys}): the organisation that
         * runs the deployment. The keys serve every tenant, so no other tenant's admin lists, rotates or retires
         * them. Unset: nobody does through the API (the rotation job still runs on its interval).
         */
        Optional<String> operatorTenant();
    }

    Kafka kafka();

    interface Kafka {
        /**
         * How often the meters of the relay's and the inbox's Kafka clients are matched to the client's
         * metrics: how soon the lag of a partition just assigned appears on {@code /q/metrics}.
         */
        @WithDefault("30s")
        Duration metricsRefresh();

        /**
         * The inbox consumers' session timeout (Kafka's own default): how long the group coordinator keeps a
         * silent member. The system tests shorten it, so their broker outage outlasts it in seconds.
         */
        @WithDefault("45s")
        Duration consumerSessionTimeout();
    }

    interface Events {
        /** Topic this service publishes to, e.g. {@code intake.events}. */
        String topic();

        /** Prefix of {@code ce_type}, e.g. {@code org.praxis.intake}. */
        String typePrefix();
    }

    interface Outbox {
        @WithDefault("true")
        boolean relayEnabled();

        /** How often the relay looks for pending rows when no commit woke it. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long one send may take before the batch is retried. */
        @WithDefault("10s")
        Duration sendTimeout();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Sent rows are kept this long for diagnosis, then pruned. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Inbox {
        @WithDefault("true")
        boolean enabled();

        /** Tries of one event before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration retryBackoff();

        @WithDefault("earliest")
        String autoOffsetReset();

        /** How often consumed offsets are committed; what a crash redelivers, the inbox drops. */
        @WithDefault("1s")
        Duration commitInterval();

        /**
         * Applied inbox rows are kept this long, then pruned: longer than the topics keep records, so
         * nothing still redeliverable loses its mark. Dead-lettered rows stay until replayed.
         */
        @WithDefault("P30D")
        Duration retention();

        /**
         * Publishers other than the default owner of a topic ({@code <x>.events} is published by
         * {@code /<x>-service}, {@code privacy.events} by {@code /privacy}): {@code topic=/source[,...]}.
         */
        @WithDefault(" ")
        String sources();

        /**
         * Event types known beyond the suite's own ({@code praxis/event-types.txt}), comma-separated: a
         * type known to nobody is parked and offered again rather than skipped.
         */
        @WithDefault(" ")
        String knownTypes();

        /**
         * How often parked events (types this version does not know, events waiting for a source's erasure) are
         * offered to the handlers again; a waiting one is also offered as soon as what it waits for is read here.
         * 0: only then.
         */
        @WithDefault("60s")
        Duration parkedRetryInterval();
    }

    Idempotency idempotency();

    interface Idempotency {
        /** A client may repeat a create with the same Idempotency-Key this long; then the record is pruned. */
        @WithDefault("P1D")
        Duration retention();
    }

    Privacy privacy();

    interface Privacy {
        /**
         * Whether this service is the erasure coordinator: {@code POST/GET /v1/erasure-requests} and the
         * handler of the services' {@code subject.erased} confirmations. Exactly one service sets it (intake:
         * where a person first arrives). Read at build time ({@code @IfBuildProperty}): elsewhere the endpoints
         * do not exist (404) and are not in the OpenAPI document, so set it in application.properties,
         * not in the environment.
         */
        @WithDefault("false")
        boolean erasureCoordinator();

        /**
         * The topics on which an erasure is confirmed: the owner of each ({@code ce_source}, e.g.
         * {@code /session-service} for {@code session.events}) must confirm before a request is complete.
         */
        @WithDefault("intake.events,session.events,referral.events,assessment.events")
        List<String> erasureConfirmationTopics();
    }

    Security security();

    interface Security {
        TokenCache tokenCache();

        /**
         * Bearer tokens already verified, by SHA-256 of the whole token: a repeat skips the JWT decodes
         * and the signature check. An entry lives until the token's {@code exp}, at most {@link #maxAge},
         * and not past a change of the issuer's keys.
         */
        interface TokenCache {
            @WithDefault("true")
            boolean enabled();

            @WithDefault("10000")
            int maxSize();

            @WithDefault("5m")
            Duration maxAge();

            /**
             * How often the issuer's JWKS is fetched to notice a key withdrawn or replaced: how long a
             * withdrawn key's tokens can still be accepted. 0: fetched at start only.
             */
            @WithDefault("30s")
            Duration jwksCheckInterval();
        }
    }

    RateLimit rateLimit();

    /**
     * Budgets of API calls ({@code org.praxis.platform.ratelimit}): each client (its tenant, {@code azp}
     * and subject) may make {@code client-limit} calls per {@code window}, each tenant {@code tenant-limit};
     * a tenant's admin may set other figures for the tenant ({@code /v1/admin/rate-limits}).
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Calls per window of one client; bench/run raises it through the environment. */
        @WithDefault("3000")
        long clientLimit();

        /** Calls per window of all the tenant's clients together. */
        @WithDefault("30000")
        long tenantLimit();

        @WithDefault("60s")
        Duration window();

        /**
         * How often a replica writes the calls it took locally to the shared buckets and reads the other
         * replicas' (it also does so, in the background, after each 1/20 of a budget).
         */
        @WithDefault("1s")
        Duration syncInterval();
    }
}
