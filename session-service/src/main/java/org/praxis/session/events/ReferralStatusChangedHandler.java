package org.praxis.session.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.praxis.platform.events.IncomingEvent;
import org.praxis.platform.events.SingleTypeHandler;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.AfterTherapy;
import org.praxis.session.domain.CompletedTherapyReferral;
import org.praxis.session.domain.ReferralMoves;
import org.praxis.session.domain.access.ReferralEventPolicy;

/**
 * DESIGN flow 4: a referral made from an engagement pauses, accompanies or resumes it. A therapy
 * referral that completed, from an engagement or from an intake, is recorded: coaching may start
 * after it (issue 22).
 */
@ApplicationScoped
public class ReferralStatusChangedHandler
        extends SingleTypeHandler<ReferralStatusChangedHandler.ReferralStatusChanged> {
    public static final String TYPE = "org.praxis.referral.referral.status-changed.v1";

    /** What session-service reads of referral-service's referral.status-changed: whose referral it is, too. */
    record ReferralStatusChanged(
            @JsonProperty(required = true) UUID referralId,
            @JsonProperty(required = true) String status,
            UUID engagementId,
            UUID intakeId,
            @Size(max = Bounds.CODE) String serviceKind,
            @Size(max = Bounds.SUBJECT) String clientSubject,
            @Size(max = Bounds.SUBJECT) String practitionerId,
            String createdBy,
            String origin) {}

    @Inject
    ReferralMoves referralMoves;

    @Inject
    AfterTherapy afterTherapy;
    /** Refuse events that do not say whose referral it is (referral-service publishes it; off only for an older one). */
    @ConfigProperty(name = "praxis.session.referral-events.require-provenance", defaultValue = "true")
    boolean requireProvenance;

    public ReferralStatusChangedHandler() {
        super("session-referral-status", "referral.events", TYPE, ReferralStatusChanged.class);
    }

    /** It replaces what is held for the key with the event's state: an older event must not overwrite a newer one. */
    @Override
    public boolean replacesState() {
        return true;
    }

    @Override
    protected void handle(IncomingEvent event, ReferralStatusChanged p) {
        if ("completed".equals(p.status())
                && CompletedTherapyReferral.isTherapy(p.serviceKind())
                && named(p.clientSubject()) != null) {
            afterTherapy.recordCompleted(new AfterTherapy.CompletedReferral(
                    p.referralId(),
                    p.clientSubject(),
                    p.intakeId(),
                    p.engagementId(),
                    named(p.practitionerId()),
                    p.serviceKind(),
                    event.time() != null ? event.time() : Instant.now(),
                    named(p.origin())));
        }
        if (p.engagementId() == null) {
            return; // a referral made from an intake, not from an engagement
        }
        referralMoves.apply(
                p.engagementId(),
                p.referralId(),
                p.status(),
                new ReferralEventPolicy.Provenance(
                        named(p.clientSubject()), named(p.practitionerId()), named(p.createdBy()), named(p.origin())),
                requireProvenance);
    }

    /** A blank provenance field says no more than a missing one. */
    private static String named(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
