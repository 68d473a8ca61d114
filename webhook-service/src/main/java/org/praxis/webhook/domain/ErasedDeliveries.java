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
 * someone else) keeps their pseudonym instead, as the services' outboxes do, so no send carries the id again. Events of their
 * past (sent before the request, or before their source erased them) read after it become no delivery
 * ({@code ErasedSubjects}).
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
        // Events of the person's past only, as ErasedSubjects has it (the body's time is the event's, not when it was
        // recorded here): sent before the request, or after it while their source had not yet erased them (its
        // subject.erased not read here yet counts as not yet). One sent after that is the person's new activity, and
        // a replay of the request (a dead letter, a new consumer group) must not touch those.
        String sent = "cast(cast(body as jsonb) ->> 'time' as timestamptz)";
        String before = " and exists (select 1 from erased_subject e where e.tenant_id = ?1 and e.pseudonym = ?3"
                + " and (" + sent + " < e.requested_at or coalesce(" + sent + " <= (select s.erased_at"
                + " from source_erasure s where s.tenant_id = ?1 and s.request_id = e.request_id"
                + " and s.source = '/' || split_part(event_type, '.', 3) || '-service'), true)))";
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
