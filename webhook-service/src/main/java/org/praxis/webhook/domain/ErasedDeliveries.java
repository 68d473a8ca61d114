package org.praxis.webhook.domain;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.platform.security.CallerContext;

/**
 * A person's erasure as webhook-service takes part in it. Deliveries not yet sent about them are dropped: nothing
 * about them leaves the suite after the request. Every other delivery naming them (sent, failed, or pending about
 * someone else) keeps their pseudonym instead, as the services' outboxes do, so no send carries the id again. Events about them that were
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

    @Inject
    AuditLog audit;

    @Override
    public void erase(String subject, String requestId) {
        String tenant = callerContext.tenantId();
        String pseudonym = Pseudonyms.of(tenant, subject);
        // Events sent before the request only (the body's time is the event's): one sent after it is the person's new
        // activity, as ErasedSubjects has it, and a replay of the request (a dead letter, a new consumer group) must
        // not touch those. Not when it was recorded here: an event sent before the request may be read after it,
        // before this service has the request.
        String before = " and cast(cast(body as jsonb) ->> 'time' as timestamptz) < (select requested_at"
                + " from erased_subject where tenant_id = ?1 and pseudonym = ?3)";
        // Pending and about the person (its own person: clientSubject, else practitionerId): dropped. An event that
        // only names them (a client's flag naming their coach) still goes out, with the pseudonym, as a service
        // applies it (ErasedSubjects).
        int dropped = em.createNativeQuery("delete from webhook_delivery where tenant_id = ?1 and status = 'pending'"
                        + " and coalesce(cast(body as jsonb) -> 'data' ->> 'clientSubject',"
                        + " cast(body as jsonb) -> 'data' ->> 'practitionerId') = ?2" + before)
                .setParameter(1, tenant)
                .setParameter(2, subject)
                .setParameter(3, pseudonym)
                .executeUpdate();
        // Bodies name people as JSON strings: the whole string matches, never a part of another id.
        int pseudonymised = em.createNativeQuery(
                        "update webhook_delivery set body = replace(body, to_jsonb(cast(?2 as text))::text,"
                                + " to_jsonb(cast(?3 as text))::text), version = version + 1"
                                + " where tenant_id = ?1 and strpos(body, to_jsonb(cast(?2 as text))::text) > 0"
                                + before)
                .setParameter(1, tenant)
                .setParameter(2, subject)
                .setParameter(3, pseudonym)
                .executeUpdate();
        audit.record("erase", "subject", pseudonym, "erasure request " + requestId);
        Log.infof(
                "erasure %s: %d pending deliveries about the person dropped, %d naming them pseudonymised",
                requestId, dropped, pseudonymised);
    }
}
