package org.praxis.referral.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Caseloads;

/** Keeps the engagements referral-service knows of: a practitioner names only their own (issue 16, hole 3). */
@ApplicationScoped
public class EngagementStatusChangedHandler
        extends SingleTypeHandler<EngagementStatusChangedHandler.EngagementStatusChanged> {
    public static final String TYPE = "org.praxis.session.engagement.status-changed.v1";

    /** What referral-service reads of session-service's engagement.status-changed. */
    record EngagementStatusChanged(
            @JsonProperty(required = true) UUID engagementId,

            @JsonProperty(required = true) @Size(max = Bounds.CODE)
            String status,

            @Size(max = Bounds.SUBJECT) String clientSubject,
            @Size(max = Bounds.SUBJECT) String practitionerId) {}

    @Inject
    Caseloads caseloads;

    public EngagementStatusChangedHandler() {
        super("referral-engagements", "session.events", TYPE, EngagementStatusChanged.class);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    protected void handle(IncomingEvent event, EngagementStatusChanged p) {
        caseloads.recordEngagement(
                event.tenantId(), p.engagementId(), p.clientSubject(), p.practitionerId(), p.status());
    }
}
