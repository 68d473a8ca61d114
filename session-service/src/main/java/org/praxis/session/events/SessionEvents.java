package org.praxis.session.events;

import java.util.UUID;

/** What session-service publishes on {@code session.events}. Ids, codes and numbers only. */
public final class SessionEvents {
    public static final String ENGAGEMENT_STATUS_CHANGED = "engagement.status-changed.v1";
    public static final String CONTRACT_ACCEPTED = "contract.accepted.v1";
    public static final String SESSION_COMPLETED = "session.completed.v1";
    public static final String RISK_NOTED = "risk.noted.v1";
    public static final String ENGAGEMENT_CLOSED = "engagement.closed.v1";
    public static final String SUBJECT_ERASED = "subject.erased.v1";

    private SessionEvents() {}

    public record EngagementStatusChanged(
            UUID engagementId, String clientSubject, String practitionerId, String previousStatus, String status) {}

    /** A held session: assessment-service counts its duration as practice hours. */
    public record SessionCompleted(
            UUID sessionId,
            UUID engagementId,
            String practitionerId,
            int durationMinutes,
            java.time.Instant completedAt) {}

    /** A coach's concern for the client's safety: ids and level only, never the concern's words. */
    public record RiskNoted(
            UUID riskConcernId,
            UUID engagementId,
            UUID sessionId,
            String clientSubject,
            String practitionerId,
            String level) {}

    /** The end review closed the engagement. */
    public record EngagementClosed(
            UUID engagementId,
            String practitionerId,
            int goalsMet,
            int goals,
            boolean followUpOffered,
            int boosterSessionsOffered) {}

    /** Confirms an erasure request; signed notes kept under the retention rule are counted, not hidden. */
    public record SubjectErased(String requestId, String service, int engagements, int signedNotesRetained) {}

    public record ContractAccepted(UUID engagementId, int contractNumber) {}
}
