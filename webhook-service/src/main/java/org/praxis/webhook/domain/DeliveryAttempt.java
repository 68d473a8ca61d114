package org.praxis.webhook.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One POST of a delivery: the receiver's status code, or a short error when there was no answer. Never its body. */
@Entity
@Table(name = "webhook_attempt")
public class DeliveryAttempt {
    @Id
    public UUID id;

    public String tenantId;
    public UUID deliveryId;
    public Instant attemptedAt;
    public Integer statusCode;
    public String error;
}
