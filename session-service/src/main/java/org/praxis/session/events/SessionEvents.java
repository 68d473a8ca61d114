package org.praxis.session.events;

import java.util.UUID;

/** What session-service publishes on {@code session.events}. Ids, codes and numbers only. */
public final class SessionEvents {
    public static final String ENGAGEMENT_STATUS_CHANGED = "engagement.status-changed.v1";
    public static final String CONTRACT_ACCEPTED = "contract.accepted.v1";

    private SessionEvents() {
    }

    public record EngagementStatusChanged(UUID engagementId, String clientSubject, String practitionerId,
                                          String previousStatus, String status) {
    }

    public record ContractAccepted(UUID engagementId, int contractNumber) {
    }
}
