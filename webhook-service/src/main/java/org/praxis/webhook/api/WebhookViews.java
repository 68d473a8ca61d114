package org.praxis.webhook.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;
import org.praxis.webhook.domain.Deliveries;
import org.praxis.webhook.domain.Delivery;
import org.praxis.webhook.domain.DeliveryAttempt;
import org.praxis.webhook.domain.Subscription;
import org.praxis.webhook.domain.Subscriptions;

/** The requests and views of subscriptions and deliveries, shared by their two resources. */
final class WebhookViews {
    private WebhookViews() {}

    static final String SECRET =
            "The signing secret (whsec_ and the base64 of 32 bytes): in the answers of creation and"
                    + " rotation only, never again";

    public record SubscriptionRequest(
            @Schema(description = "An https URL whose host resolves to public addresses only")
            @NotBlank
            @Size(max = Bounds.URI)
            String url,

            @Schema(description = "Event types from the catalogue (GET /v1/webhook-event-types)")
            @NotNull
            @Size(min = 1, max = Subscriptions.MAX_EVENT_TYPES)
            List<@NotBlank @Size(max = Bounds.NAME) String> eventTypes,

            @Schema(description = "Whether events are delivered; true when left out")
            Boolean enabled) {
        Subscriptions.Settings settings() {
            return new Subscriptions.Settings(url, eventTypes, enabled == null || enabled);
        }
    }

    public record SubscriptionView(
            @Schema(required = true) UUID id,
            @Schema(required = true, maxLength = Bounds.URI) String url,

            @Schema(required = true, maxItems = Subscriptions.MAX_EVENT_TYPES)
            List<String> eventTypes,

            @Schema(required = true) boolean enabled,

            @Schema(
                    maxLength = Bounds.REASON,
                    description = "Why the service disabled it (every attempt of a delivery failed). While it is set,"
                            + " events are recorded and held as pending deliveries, sent once an admin enables it;"
                            + " an admin's disabling leaves it null and records nothing")
            String disabledReason,

            @Schema(description = "Until when the secret replaced by the last rotation still signs deliveries")
            Instant previousSecretValidUntil,

            @Schema(required = true) Instant createdAt,
            @Schema(maxLength = 64, description = SECRET) String secret) {
        static SubscriptionView of(Subscription s) {
            return of(s, null);
        }

        static SubscriptionView of(Subscription s, String secret) {
            Instant overlap = s.previousSecretUntil != null && s.previousSecretUntil.isAfter(Instant.now())
                    ? s.previousSecretUntil
                    : null;
            return new SubscriptionView(
                    s.id, s.url, List.of(s.eventTypes), s.enabled, s.disabledReason, overlap, s.createdAt, secret);
        }
    }

    public record AttemptView(
            @Schema(required = true) Instant attemptedAt,

            @Schema(
                    minimum = "100",
                    maximum = "599",
                    description = "The receiver's status; absent when it did not answer")
            Integer statusCode,

            @Schema(maxLength = 200, description = "Why it was no success; never the receiver's body")
            String error) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attemptedAt, a.statusCode, a.error);
        }
    }

    public record DeliveryView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID subscriptionId,

            @Schema(required = true, maxLength = Bounds.UUID, description = "The event's id, sent as webhook-id")
            String eventId,

            @Schema(required = true, maxLength = Bounds.NAME)
            String eventType,

            @Schema(
                    required = true,
                    enumeration = {Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED})
            String status,

            @Schema(
                    required = true,
                    minimum = "0",
                    maximum = "1000",
                    description = "Attempts since it was recorded or redelivered")
            int attemptCount,

            Instant nextAttemptAt,
            @Schema(required = true) Instant createdAt,
            Instant deliveredAt,

            @Schema(
                    required = true,
                    maxItems = Deliveries.SHOWN_ATTEMPTS,
                    description = "The latest attempts, newest first")
            List<AttemptView> attempts) {
        static DeliveryView of(Deliveries.WithAttempts w) {
            Delivery d = w.delivery();
            return new DeliveryView(
                    d.id,
                    d.subscriptionId,
                    d.eventId,
                    d.eventType,
                    d.status,
                    d.attempts,
                    Delivery.PENDING.equals(d.status) ? d.nextAttemptAt : null,
                    d.createdAt,
                    d.deliveredAt,
                    w.attempts().stream().map(AttemptView::of).toList());
        }
    }
}
