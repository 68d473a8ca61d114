package org.praxis.webhook.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.security.Caller;

/**
 * The worker's side of the delivery table, across tenants (each row names its own): claiming due deliveries so that
 * no two workers send one at once, and recording what an attempt came to. Each step is one short transaction; the
 * POST itself runs outside any.
 */
@ApplicationScoped
public class DeliveryClaims {
    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    @Inject
    PraxisConfig platform;

    @Inject
    AuditLog audit;

    /** A claimed delivery with what its POST needs; {@code version} is the row's after the claim. */
    public record Claim(
            UUID id, String tenantId, UUID subscriptionId, String eventId, String body, int attempts, long version) {
        /** This claim as renewed ({@link #target}). */
        public Claim renewed(Target target) {
            return new Claim(id, tenantId, subscriptionId, eventId, body, attempts, target.version());
        }
    }

    /** Where and how to send: the endpoint, the secrets valid now, and the row's version after the renewed claim. */
    public record Target(String url, List<String> secrets, long version) {}

    /**
     * Up to a batch of due deliveries of enabled subscriptions, each held for the claim lease: skip locked, so
     * replicas claiming at the same time take different rows, and the lease, so none takes a row being sent.
     */
    @SuppressWarnings("unchecked")
    public List<Claim> claim() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((List<Object[]>) em.createNativeQuery(
                                        "update webhook_delivery d set claimed_until = now() + ?1 * interval '1 millisecond',"
                                                + " version = d.version + 1 where d.id in (select c.id from webhook_delivery c"
                                                + " join webhook_subscription s on s.id = c.subscription_id"
                                                + " where c.status = 'pending' and c.next_attempt_at <= now() and s.enabled"
                                                + " and (c.claimed_until is null or c.claimed_until < now())"
                                                + " order by c.next_attempt_at limit ?2 for update of c skip locked)"
                                                + " returning d.id, d.tenant_id, d.subscription_id, d.event_id, d.body,"
                                                + " d.attempts, d.version")
                                .setParameter(1, config.claimLease().toMillis())
                                .setParameter(2, config.batchSize())
                                .getResultList())
                        .stream()
                                .map(r -> new Claim(
                                        (UUID) r[0],
                                        (String) r[1],
                                        (UUID) r[2],
                                        (String) r[3],
                                        (String) r[4],
                                        ((Number) r[5]).intValue(),
                                        ((Number) r[6]).longValue()))
                                .toList());
    }

    /**
     * The subscription's endpoint and secrets, with the claim renewed for one more lease just before its POST; empty
     * when the subscription is gone or was disabled since the claim, or the claim was lost (its lease ran out while
     * earlier ones of the batch were sent, or a redelivery moved it): then another worker may be sending it.
     */
    @SuppressWarnings("unchecked")
    public Optional<Target> target(Claim claim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = em.find(Subscription.class, claim.subscriptionId());
            if (s == null || !s.enabled || !s.tenantId.equals(claim.tenantId())) {
                return Optional.empty();
            }
            List<Number> renewed = em.createNativeQuery("update webhook_delivery set claimed_until = now() + ?1"
                            + " * interval '1 millisecond', version = version + 1 where id = ?2 and version = ?3"
                            + " and claimed_until > now() returning version")
                    .setParameter(1, config.claimLease().toMillis())
                    .setParameter(2, claim.id())
                    .setParameter(3, claim.version())
                    .getResultList();
            if (renewed.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Target(
                    s.url, s.signingSecrets(Instant.now()), renewed.get(0).longValue()));
        });
    }

    /**
     * Logs the attempt and moves the delivery on: delivered on a 2xx, else due again after the schedule's next pause,
     * or failed when the schedule is spent, which disables the subscription (a day of failures). A redelivery asked
     * for while this attempt ran (the version moved) keeps its fresh round.
     */
    public void record(Claim claim, Integer statusCode, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            // Only while the delivery still exists: its subscription deleted, or the person it names erased,
            // while it was being sent, there is nothing left to log it against. (for key share waits for such a
            // delete still in flight, then finds no row, instead of failing on the foreign key.)
            em.createNativeQuery("insert into webhook_attempt (id, tenant_id, delivery_id, attempted_at, status_code,"
                            + " error) select ?1, ?2, ?3, ?4, ?5, ?6"
                            + " where exists (select 1 from webhook_delivery where id = ?3 for key share)")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, claim.tenantId())
                    .setParameter(3, claim.id())
                    .setParameter(4, Timestamp.from(now))
                    .setParameter(5, statusCode)
                    .setParameter(6, error)
                    .executeUpdate();
            int attempts = claim.attempts() + 1;
            boolean delivered = error == null;
            Optional<Duration> pause =
                    delivered ? Optional.empty() : new RetrySchedule(config.retrySchedule()).pauseAfter(attempts);
            String status = delivered ? Delivery.DELIVERED : pause.isPresent() ? Delivery.PENDING : Delivery.FAILED;
            int moved = em.createNativeQuery("update webhook_delivery set status = ?1, attempts = ?2,"
                            + " next_attempt_at = ?3, delivered_at = ?4, claimed_until = null, version = version + 1"
                            + " where id = ?5 and version = ?6")
                    .setParameter(1, status)
                    .setParameter(2, attempts)
                    .setParameter(3, pause.map(p -> Timestamp.from(now.plus(p))).orElse(null))
                    .setParameter(4, delivered ? Timestamp.from(now) : null)
                    .setParameter(5, claim.id())
                    .setParameter(6, claim.version())
                    .executeUpdate();
            if (moved == 1 && Delivery.FAILED.equals(status)) {
                disable(claim, attempts, now);
            }
        });
    }

    /**
     * Deletes the deliveries (and their attempts) recorded longer than the retention ago and no longer pending, and the
     * pending ones of a disabled subscription as old: enabled again, it is sent nothing that old. (An enabled
     * subscription's pending delivery is in a round of retries, a redelivery's perhaps, and is left to finish it.)
     */
    public int prune() {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("delete from webhook_delivery d"
                                + " where d.created_at < now() - ?1 * interval '1 millisecond'"
                                + " and (d.status <> 'pending' or exists (select 1 from webhook_subscription s"
                                + " where s.id = d.subscription_id and not s.enabled))")
                        .setParameter(1, config.retention().toMillis())
                        .executeUpdate());
    }

    private void disable(Claim claim, int attempts, Instant now) {
        String reason = "Disabled at " + now + ": all " + attempts + " attempts of delivery " + claim.id() + " (event "
                + claim.eventId() + ") failed.";
        int disabled = em.createNativeQuery("update webhook_subscription set enabled = false, disabled_reason = ?1,"
                        + " version = version + 1 where tenant_id = ?2 and id = ?3 and enabled")
                .setParameter(1, reason)
                .setParameter(2, claim.tenantId())
                .setParameter(3, claim.subscriptionId())
                .executeUpdate();
        if (disabled == 1) {
            audit.record(
                    Caller.system(platform.service(), claim.tenantId()),
                    "disable",
                    Subscriptions.RESOURCE,
                    claim.subscriptionId(),
                    reason);
        }
    }
}
