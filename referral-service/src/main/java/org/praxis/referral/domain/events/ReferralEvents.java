package org.praxis.referral.domain.events;

import java.util.UUID;
import org.praxis.platform.events.OutgoingEvent;

/** What referral-service publishes on {@code referral.events}. Ids, codes and levels only, never the reason. */
public final class ReferralEvents {

    private ReferralEvents() {}

    /**
     * {@code clientSubject}, {@code practitionerId}, {@code createdBy} and {@code origin} say whose referral it
     * is, so session-service moves an engagement only for that engagement's own client and practitioner.
     */
    public record StatusChanged(
            UUID referralId,
            UUID engagementId,
            UUID intakeId,
            String status,
            String urgency,
            String serviceKind,
            String clientSubject,
            String practitionerId,
            String createdBy,
            String origin)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "referral.status-changed.v1";
        }

        @Override
        public Object aggregateId() {
            return referralId;
        }
    }

    /** Confirms an erasure request; referrals sent under the serious-risk exception keep their justification. */
    public record SubjectErased(String requestId, String service, int referrals, int exceptionRecordsRetained)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "subject.erased.v1";
        }

        @Override
        public Object aggregateId() {
            return requestId;
        }
    }
}
