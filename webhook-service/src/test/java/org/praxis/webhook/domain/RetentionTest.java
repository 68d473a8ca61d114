package org.praxis.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.webhook.Webhooks;

/**
 * Deliveries older than the retention go, with their attempts: finished ones, and the pending ones of a disabled
 * subscription. An enabled subscription's pending ones (a round of retries) and recent ones stay.
 */
@QuarkusTest
class RetentionTest {
    @Inject
    DeliveryClaims claims;

    @Test
    void deliveriesOlderThanTheRetentionArePrunedPendingOnlyWhenTheirSubscriptionIsDisabled() {
        Webhooks t = new Webhooks();
        String subscription =
                t.subscribe("https://hooks.example.org/praxis", Webhooks.OPENED).id();
        String old = delivery(t, subscription, "delivered", "now() - interval '31 days'");
        String oldPending = delivery(t, subscription, "pending", "now() - interval '31 days'");
        String recent = delivery(t, subscription, "failed", "now() - interval '1 day'");
        String recentPending = delivery(t, subscription, "pending", "now() - interval '1 day'");
        String disabled =
                t.subscribe("https://hooks.example.org/paused", Webhooks.OPENED).id();
        EmbeddedPostgres.shared()
                .execute("update webhook_subscription set enabled = false where id = '" + disabled + "'");
        String oldPaused = delivery(t, disabled, "pending", "now() - interval '31 days'");
        String recentPaused = delivery(t, disabled, "pending", "now() - interval '1 day'");
        EmbeddedPostgres.shared()
                .execute("insert into webhook_attempt (id, tenant_id, delivery_id, attempted_at, status_code) values ('"
                        + UUID.randomUUID() + "', '" + t.id + "', '" + old + "', now(), 204)");

        claims.prune();

        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        assertEquals(0, pg.count("select count(*) from webhook_delivery where id = ?::uuid", old));
        assertEquals(0, pg.count("select count(*) from webhook_attempt where delivery_id = ?::uuid", old));
        assertEquals(1, pg.count("select count(*) from webhook_delivery where id = ?::uuid", oldPending));
        assertEquals(0, pg.count("select count(*) from webhook_delivery where id = ?::uuid", oldPaused));
        assertEquals(1, pg.count("select count(*) from webhook_delivery where id = ?::uuid", recentPaused));
        assertEquals(1, pg.count("select count(*) from webhook_delivery where id = ?::uuid", recent));
        assertEquals(1, pg.count("select count(*) from webhook_delivery where id = ?::uuid", recentPending));
    }

    private static String delivery(Webhooks t, String subscription, String status, String createdAt) {
        String id = UUID.randomUUID().toString();
        // Not due (next attempt far ahead), so the worker leaves the pending one alone.
        EmbeddedPostgres.shared()
                .execute("insert into webhook_delivery (id, tenant_id, subscription_id, event_id, event_type, body,"
                        + " status, attempts, next_attempt_at, created_at) values ('" + id + "', '" + t.id + "', '"
                        + subscription + "', '" + UUID.randomUUID() + "', '" + Webhooks.OPENED + "', '{}', '" + status
                        + "', 1, now() + interval '1 day', " + createdAt + ")");
        return id;
    }
}
