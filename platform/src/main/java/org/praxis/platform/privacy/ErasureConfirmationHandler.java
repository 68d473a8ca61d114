package org.praxis.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.EventSources;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.UnprocessableEvent;
import org.praxis.platform.web.Bounds;

/**
 * The erasure coordinator's side of {@code <svc>.subject.erased.v1}: each service's confirmation of an
 * erasure request, recorded once per service ({@link ErasureConfirmations#confirm}). The consumer has checked
 * that {@code ce_source} is the topic's owner; a confirmation whose {@code service} is someone else is
 * dead-lettered, not recorded: one service cannot confirm for another.
 */
@IfBuildProperty(name = ErasureRequests.SWITCH, stringValue = "true")
@ApplicationScoped
public class ErasureConfirmationHandler implements EventHandler {
    private static final Logger LOG = Logger.getLogger(ErasureConfirmationHandler.class);
    static final String TYPE_SUFFIX = ".subject.erased.v1";
    /** More kinds of counted records than any service reports: the rest of a payload is not stored. */
    static final int MAX_RECORD_KINDS = 10;

    @Inject
    PraxisConfig config;

    @Inject
    ErasureConfirmations confirmations;

    @Override
    public String name() {
        return "erasure-confirmations";
    }

    @Override
    public Set<String> topics() {
        return Set.copyOf(config.privacy().erasureConfirmationTopics());
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("org.praxis.") && type.endsWith(TYPE_SUFFIX);
    }

    @Override
    public void handle(IncomingEvent event) {
        Confirmation c = Confirmation.of(
                EventSources.ownerOf(event.topic(), config.inbox().sources()), event.payload());
        UUID request;
        try {
            request = UUID.fromString(c.requestId());
        } catch (IllegalArgumentException e) {
            LOG.infof(
                    "erasure confirmation from %s for request %s ignored: not one of the coordinator's",
                    c.service(), EventSources.shown(c.requestId()));
            return;
        }
        confirmations.confirm(request, c.service(), c.records());
    }

    /** What a {@code subject.erased} payload confirms: the request, the service and what it counted. */
    record Confirmation(String requestId, String service, Map<String, Integer> records) {

        /** Reads the payload of an event on a topic owned by {@code owner}; throws when it cannot be recorded. */
        static Confirmation of(String owner, JsonNode payload) {
            String requestId = payload.path("requestId").asText(null);
            String service = payload.path("service").asText(null);
            if (requestId == null || requestId.isBlank() || service == null || service.isBlank()) {
                throw new UnprocessableEvent("subject.erased needs requestId and service");
            }
            if (!owner.equals("/" + service)) {
                throw new UnprocessableEvent("subject.erased names service " + EventSources.shown(service)
                        + ", but only " + owner + " publishes on this topic");
            }
            Map<String, Integer> records = new LinkedHashMap<>();
            payload.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
                    records.put(field.getKey(), value.intValue());
                }
            });
            if (records.size() > MAX_RECORD_KINDS
                    || records.keySet().stream().anyMatch(k -> k.length() > Bounds.CODE)) {
                throw new UnprocessableEvent("subject.erased counts more than " + MAX_RECORD_KINDS
                        + " kinds of records, or names one with more than " + Bounds.CODE + " characters");
            }
            return new Confirmation(requestId, service, records);
        }
    }
}
