package org.praxis.webhook.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.webhook.domain.Deliveries;
import org.praxis.webhook.domain.Subscriptions;

/**
 * Every event of the four services' topics becomes a delivery for each subscription of its tenant to its type. The
 * payload is passed on as it came (ids, codes and levels only; the catalogue's schemas say which), so this handler
 * names no field of it.
 */
@ApplicationScoped
public class EventDeliveries implements EventHandler {
    public static final Set<String> TOPICS =
            Set.of("intake.events", "session.events", "referral.events", "assessment.events");

    @Inject
    Deliveries deliveries;

    @Override
    public String name() {
        return "webhook-deliveries"; // recorded in the inbox: never rename it, or events are delivered again
    }

    @Override
    public Set<String> topics() {
        return TOPICS;
    }

    @Override
    public boolean handles(String type) {
        return Subscriptions.EVENT_TYPES.contains(type);
    }

    /** Only an event some subscription of its tenant takes gets a transaction. */
    @Override
    public boolean concerns(IncomingEvent event) {
        return deliveries.anySubscribed(event.tenantId(), event.type());
    }

    @Override
    public void handle(IncomingEvent event) {
        deliveries.record(event.tenantId(), event.id(), event.type(), event.time(), event.payload());
    }
}
