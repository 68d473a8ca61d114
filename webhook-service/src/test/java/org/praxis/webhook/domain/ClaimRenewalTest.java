package org.praxis.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.webhook.Webhooks;

/**
 * Before each POST the worker renews its claim: only while it still holds it (the lease not run out, the version
 * its own), so a delivery another worker took meanwhile is not sent twice at once.
 */
@QuarkusTest
class ClaimRenewalTest {
    @Inject
    DeliveryClaims claims;

    private final Webhooks t = new Webhooks();
    private String subscription;

    @Test
    void aHeldClaimIsRenewedAndItsNewVersionRecorded() {
        DeliveryClaims.Claim claim = claim("now() + interval '30 seconds'", 5);
        DeliveryClaims.Target target = claims.target(claim).orElseThrow();
        assertEquals(6, target.version());
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        assertEquals(
                1,
                pg.count(
                        "select count(*) from webhook_delivery where id = ?::uuid and version = 6"
                                + " and claimed_until > now() + interval '50 seconds'",
                        claim.id().toString()));

        claims.record(claim.renewed(target), 204, null);
        assertEquals(
                1,
                pg.count(
                        "select count(*) from webhook_delivery where id = ?::uuid and status = 'delivered'",
                        claim.id().toString()));
    }

    @Test
    void aClaimWhoseLeaseRanOutOrThatAnotherWorkerTookIsNotSent() {
        assertTrue(claims.target(claim("now() - interval '1 second'", 5)).isEmpty());
        DeliveryClaims.Claim taken = claim("now() + interval '30 seconds'", 5);
        DeliveryClaims.Claim stale = new DeliveryClaims.Claim(
                taken.id(), taken.tenantId(), taken.subscriptionId(), taken.eventId(), taken.body(), 0, 4);
        assertTrue(claims.target(stale).isEmpty());
    }

    /** A claimed delivery not due again (the worker leaves it alone), held until {@code claimedUntil}. */
    private DeliveryClaims.Claim claim(String claimedUntil, long version) {
        if (subscription == null) {
            subscription = t.subscribe("https://hooks.example.org/praxis", Webhooks.OPENED)
                    .id();
        }
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        EmbeddedPostgres.shared()
                .execute("insert into webhook_delivery (id, tenant_id, subscription_id, event_id, event_type, body,"
                        + " status, attempts, next_attempt_at, claimed_until, version, created_at) values ('" + id
                        + "', '" + t.id
                        + "', '" + subscription + "', '" + eventId + "', '" + Webhooks.OPENED + "', '{}', 'pending', 0,"
                        + " now() + interval '1 day', " + claimedUntil + ", " + version + ", now())");
        return new DeliveryClaims.Claim(id, t.id, UUID.fromString(subscription), eventId, "{}", 0, version);
    }
}
