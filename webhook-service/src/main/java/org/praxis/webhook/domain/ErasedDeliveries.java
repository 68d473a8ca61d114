package org.praxis.webhook.domain;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.platform.security.CallerContext;

/**
 * A person's erasure as webhook-service takes part in it. Deliveries not yet sent that name them are dropped:
 * nothing about them leaves the suite after the request. The log of those sent or failed keeps their pseudonym
 * instead, as the services' outboxes do, so a redelivery cannot send the id either. Events about them that were
 * sent before the request but read after it become no delivery ({@code ErasedSubjects}).
 *
 * <p>The coordinator waits for no confirmation from here: webhook-service publishes no topic, and what it holds
 * are copies of the four services' events, not records of its own (docs/webhooks.md).
 */
@ApplicationScoped
public class ErasedDeliveries implements SubjectErasure {
    @Inject
    EntityManager em;

    @Inject
    CallerContext callerContext;

    @Override
    public void erase(String subject, String requestId) {
        String tenant = callerContext.tenantId();
        // Bodies name people as JSON strings: the whole string matches, never a part of another id.
        int dropped = em.createNativeQuery("delete from webhook_delivery where tenant_id = ?1 and status = 'pending'"
                        + " and strpos(body, to_jsonb(cast(?2 as text))::text) > 0")
                .setParameter(1, tenant)
                .setParameter(2, subject)
                .executeUpdate();
        int pseudonymised = em.createNativeQuery(
                        "update webhook_delivery set body = replace(body, to_jsonb(cast(?1 as text))::text,"
                                + " to_jsonb(cast(?2 as text))::text), version = version + 1"
                                + " where tenant_id = ?3 and strpos(body, to_jsonb(cast(?1 as text))::text) > 0")
                .setParameter(1, subject)
                .setParameter(2, Pseudonyms.of(tenant, subject))
                .setParameter(3, tenant)
                .executeUpdate();
        Log.infof(
                "erasure %s: %d pending deliveries dropped, %d sent or failed ones pseudonymised",
                requestId, dropped, pseudonymised);
    }
}
