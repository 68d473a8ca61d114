package org.praxis.webhook.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription: its body (the event's ids-only payload with its id, type and time) is fixed when
 * the event is consumed, and every attempt sends the same bytes under the same {@code webhook-id}.
 */
@Entity
@Table(name = "webhook_delivery")
public class Delivery {
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    public String tenantId;
    public UUID subscriptionId;
    public String eventId;
    public String eventType;
    public String body;
    public String status;
    /** Attempts in the current round; a manual redelivery starts a new one. */
    public int attempts;

    public Instant nextAttemptAt;
    public Instant createdAt;
    public Instant deliveredAt;

    @Version
    @Column(nullable = false)
    public long version;
}
