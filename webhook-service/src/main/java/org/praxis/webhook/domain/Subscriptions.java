package org.praxis.webhook.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.EventCatalogue;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;
import org.praxis.webhook.domain.access.SubscriptionPolicy;
import org.praxis.webhook.domain.access.SubscriptionPolicy.Action;

/** Tenant admins' webhook subscriptions: saved with a checked endpoint, a secret shown once, rotated with an overlap. */
@ApplicationScoped
public class Subscriptions {
    /**
     * Never subscribable: a practitioner's client-feedback means (issue 22) are scores about a person, for
     * assessment-service's evidence, not for a tenant's other systems.
     */
    static final Set<String> NOT_SUBSCRIBABLE = Set.of("org.praxis.session.practitioner.feedback-aggregated.v1");

    /**
     * What may be subscribed: the suite's event types (docs/events) but the privacy process's own requests and
     * {@link #NOT_SUBSCRIBABLE}.
     */
    public static final Set<String> EVENT_TYPES = EventCatalogue.listed().stream()
            .filter(t -> !t.startsWith("org.praxis.privacy.") && !NOT_SUBSCRIBABLE.contains(t))
            .collect(Collectors.toCollection(TreeSet::new));

    public static final int MAX_EVENT_TYPES = 50;
    /**
     * Subscriptions one tenant holds: each event is fanned out to every one in the consumer's transaction, and the
     * delivery workers serve every tenant, so one tenant's thousands would delay everyone's deliveries.
     */
    public static final int MAX_PER_TENANT = 25;

    static final String RESOURCE = "webhook-subscription";

    private static final SubscriptionPolicy POLICY = new SubscriptionPolicy();

    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    Endpoints endpoints;

    @Inject
    WebhookConfig config;

    /** What an admin sets on a subscription. */
    public record Settings(String url, List<String> eventTypes, boolean enabled) {}

    /** A subscription with the secret that is shown this once (creation, rotation). */
    public record WithSecret(Subscription subscription, String secret) {}

    @Transactional
    public WithSecret create(Settings settings) {
        POLICY.requireAllowed(callerContext.caller(), Action.CREATE);
        Violation.refuseAny("The subscription is invalid", violations(settings));
        tenant.serialise("webhook-subscription"); // two created at once still count each other
        long held = tenant.select(Subscription.class, null, null, Map.of())
                .getResultList()
                .size();
        if (held >= MAX_PER_TENANT) {
            throw ProblemException.unprocessable("A tenant holds at most " + MAX_PER_TENANT
                    + " webhook subscriptions; add event types to one, or delete one, instead");
        }
        Subscription s = new Subscription();
        s.id = UUID.randomUUID();
        s.tenantId = callerContext.tenantId();
        s.createdAt = Instant.now();
        apply(s, settings);
        String secret = Signatures.newSecret();
        s.firstSecret(secret);
        em.persist(s);
        em.flush();
        audit.record("create", RESOURCE, s.id, disclosed(s));
        return new WithSecret(s, secret);
    }

    public Page<Subscription> list(PageRequest page) {
        POLICY.requireAllowed(callerContext.caller(), Action.VIEW);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(POLICY.listFilter(callerContext.caller(), params)));
        return tenant.pageNewestFirst(Subscription.class, where, params, page, "e.createdAt");
    }

    public Subscription get(UUID id) {
        return POLICY.requireView(callerContext.caller(), find(id), id);
    }

    /** The subscription, 404 when the caller may not see it, 403 when they may see it but not do {@code action}. */
    Subscription require(UUID id, Action action) {
        return POLICY.require(callerContext.caller(), action, find(id), id);
    }

    @Transactional
    public Subscription update(UUID id, String ifMatch, Settings settings) {
        Subscription s = require(id, Action.UPDATE);
        ETags.requireMatch(ifMatch, s.version);
        Violation.refuseAny("The subscription is invalid", violations(settings));
        apply(s, settings);
        em.flush(); // so the answer carries the version this change gave it
        // Types taken off are no longer sent, retries included; a worker that claimed one finds it gone.
        em.createNativeQuery("delete from webhook_delivery where tenant_id = ?1 and subscription_id = ?2"
                        + " and status = 'pending' and event_type <> all (?3)")
                .setParameter(1, s.tenantId)
                .setParameter(2, s.id)
                .setParameter(3, s.eventTypes)
                .executeUpdate();
        audit.record("update", RESOURCE, id, disclosed(s));
        return s;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Subscription s = require(id, Action.DELETE);
        ETags.requireMatchIfPresent(ifMatch, s.version);
        em.remove(s); // its deliveries and their attempts go with it (on delete cascade)
        audit.record("delete", RESOURCE, id, null);
    }

    /** A new secret; the old one stays valid for the configured overlap, so receivers can switch without a gap. */
    @Transactional
    public WithSecret rotateSecret(UUID id) {
        Subscription s = require(id, Action.ROTATE_SECRET);
        Instant now = Instant.now();
        if (s.previousSecretUntil != null && now.isBefore(s.previousSecretUntil)) {
            // A second rotation would drop the secret replaced by the first, which receivers may still verify with.
            throw ProblemException.conflict("The secret was rotated less than the overlap ago; rotate again after "
                    + s.previousSecretUntil + ".");
        }
        String secret = Signatures.newSecret();
        s.rotate(secret, now.plus(config.secretOverlap()));
        em.flush();
        audit.record("rotate-secret", RESOURCE, id, null);
        return new WithSecret(s, secret);
    }

    /**
     * What the audit keeps of a subscription saved: where the tenant's events go and which. A subscription is a
     * disclosure (risk flags and scores among the types, which an admin does not read through the API), so who
     * sent what where must stay on record after the subscription changes or goes.
     */
    static String disclosed(Subscription s) {
        String text = "url " + s.url + "; " + (s.enabled ? "enabled" : "disabled") + "; types "
                + String.join(", ", s.eventTypes);
        return text.length() <= Bounds.REASON ? text : text.substring(0, Bounds.REASON - 1) + "\u2026";
    }

    private Subscription find(UUID id) {
        return tenant.get(Subscription.class, id, "Webhook subscription");
    }

    private static void apply(Subscription s, Settings settings) {
        s.url = settings.url();
        s.eventTypes = new TreeSet<>(settings.eventTypes()).toArray(String[]::new);
        // An admin's PUT decides either way: turning it on, they have seen why it was off; keeping it off, it is
        // their disabling now, which holds no more events (the reason stays in the audit trail).
        s.disabledReason = null;
        s.enabled = settings.enabled();
    }

    private List<Violation> violations(Settings settings) {
        List<Violation> violations = new ArrayList<>();
        endpoints.refusal(settings.url()).ifPresent(why -> violations.add(new Violation("url", why)));
        if (settings.eventTypes().isEmpty()) {
            violations.add(new Violation("eventTypes", "names at least one event type"));
        }
        for (String type : settings.eventTypes()) {
            if (!EVENT_TYPES.contains(type)) {
                violations.add(new Violation("eventTypes", "has " + type + ", which is not in the event catalogue"));
            }
        }
        return violations;
    }
}
