package org.praxis.webhook.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.webhook.domain.access.SubscriptionPolicy.Action;

/** The deliveries of the tenant's events to its subscriptions: recorded as events arrive, listed, sent again on demand. */
@ApplicationScoped
public class Deliveries {
    /** The attempts a delivery's view shows, newest first. */
    public static final int SHOWN_ATTEMPTS = 20;

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    Subscriptions subscriptions;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    /**
     * The subscriptions that get a delivery of an event of the tenant ({@code ?1}) and type ({@code ?2}): enabled,
     * or disabled by the service (held, see {@link #record}), never one an admin disabled.
     */
    private static final String SUBSCRIBED = "from webhook_subscription where tenant_id = ?1"
            + " and (enabled or disabled_reason is not null) and ?2 = any(event_types)";

    /** A delivery with its latest attempts. */
    public record WithAttempts(Delivery delivery, List<DeliveryAttempt> attempts) {}

    /**
     * One delivery per subscription of the event's tenant to its type, in the consumer's transaction: the inbox
     * applies an event once, and the unique (subscription, event) pair keeps it so even beyond the inbox. A
     * subscription the service disabled (a delivery failed every attempt) still gets its deliveries recorded, held
     * until an admin enables it again (within the retention): a receiver's long outage loses no risk flag. One an
     * admin disabled gets none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int record(String tenantId, String eventId, String type, Instant time, JsonNode data) {
        ObjectNode body = json.createObjectNode();
        body.put("id", eventId);
        body.put("type", type);
        body.put("time", (time == null ? Instant.now() : time).toString());
        body.set("data", data);
        Instant now = Instant.now();
        // For share: a change of the subscription's types waits for this record, or this for the change (and then
        // reads the types it left), so a type taken off gets no delivery recorded after its pending ones were dropped.
        @SuppressWarnings("unchecked")
        List<UUID> subscribed = em.createNativeQuery("select id " + SUBSCRIBED + " for share")
                .setParameter(1, tenantId)
                .setParameter(2, type)
                .getResultList();
        int recorded = 0;
        for (UUID subscription : subscribed) {
            recorded += em.createNativeQuery("insert into webhook_delivery (id, tenant_id, subscription_id, event_id,"
                            + " event_type, body, status, attempts, next_attempt_at, created_at)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7, ?7)"
                            + " on conflict (subscription_id, event_id) do nothing")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, tenantId)
                    .setParameter(3, subscription)
                    .setParameter(4, eventId)
                    .setParameter(5, type)
                    .setParameter(6, body.toString())
                    .setParameter(7, Timestamp.from(now))
                    .executeUpdate();
        }
        return recorded;
    }

    /**
     * Whether {@link #record} would record anything for such an event, read without a transaction: most tenants
     * subscribe to few types or none, and the consumer then spares the inbox write and the commit. A subscription
     * created just after this read misses only an event it could as well have missed by arriving a moment later.
     */
    public boolean anySubscribed(String tenantId, String type) {
        return !em.createNativeQuery("select 1 " + SUBSCRIBED)
                .setParameter(1, tenantId)
                .setParameter(2, type)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The subscription's deliveries, newest first, each with its latest attempts. */
    public Page<WithAttempts> list(UUID subscriptionId, PageRequest page) {
        subscriptions.get(subscriptionId);
        Map<String, Object> params = new HashMap<>(Map.of("subscription", subscriptionId));
        List<String> where = new ArrayList<>(List.of("e.subscriptionId = :subscription"));
        return tenant.pageNewestFirst(Delivery.class, where, params, page, "e.createdAt")
                .map(d -> new WithAttempts(d, attempts(d.id)));
    }

    public WithAttempts get(UUID subscriptionId, UUID deliveryId) {
        subscriptions.get(subscriptionId);
        return new WithAttempts(find(subscriptionId, deliveryId), attempts(deliveryId));
    }

    /** Sends the delivery again now, with a fresh round of retries; the receiver sees the same {@code webhook-id}. */
    @Transactional
    public WithAttempts redeliver(UUID subscriptionId, UUID deliveryId) {
        Subscription s = subscriptions.require(subscriptionId, Action.REDELIVER);
        em.refresh(s, LockModeType.PESSIMISTIC_READ); // its types as they are once a change in flight is done
        if (!s.enabled) {
            throw ProblemException.conflict("The subscription is disabled; enable it before asking for a redelivery.");
        }
        Delivery d = find(subscriptionId, deliveryId);
        if (!java.util.List.of(s.eventTypes).contains(d.eventType)) {
            throw ProblemException.conflict(
                    "The subscription no longer takes " + d.eventType + "; add the type back to send it again.");
        }
        d.status = Delivery.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = Instant.now(); // a worker sending it still holds its claim (claimed_until)
        em.flush();
        audit.record("redeliver", "webhook-delivery", deliveryId, null);
        return new WithAttempts(d, attempts(deliveryId));
    }

    private Delivery find(UUID subscriptionId, UUID deliveryId) {
        Delivery d = tenant.get(Delivery.class, deliveryId, "Webhook delivery");
        if (!d.subscriptionId.equals(subscriptionId)) {
            throw ProblemException.notFound("Webhook delivery " + deliveryId);
        }
        return d;
    }

    private List<DeliveryAttempt> attempts(UUID deliveryId) {
        return tenant.select(
                        DeliveryAttempt.class,
                        "e.deliveryId = :delivery",
                        "e.attemptedAt desc, e.id desc",
                        Map.of("delivery", deliveryId))
                .setMaxResults(SHOWN_ATTEMPTS)
                .getResultList();
    }
}
