package org.praxis.session.domain.events;

import java.util.List;
import java.util.UUID;
import org.praxis.platform.events.OutgoingEvent;

/** What session-service publishes on {@code session.events}. Ids, codes and numbers only. */
public final class SessionEvents {

    private SessionEvents() {}

    /** {@code sourceIntakeId}: the intake the engagement goes on from (null: none), which follows its coach. */
    public record EngagementStatusChanged(
            UUID engagementId,
            String clientSubject,
            String practitionerId,
            String previousStatus,
            String status,
            UUID sourceIntakeId)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "engagement.status-changed.v1";
        }

        @Override
        public Object aggregateId() {
            return engagementId;
        }
    }

    /** A held session: assessment-service counts its duration as practice hours. */
    public record SessionCompleted(
            UUID sessionId,
            UUID engagementId,
            String practitionerId,
            int durationMinutes,
            java.time.Instant completedAt)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "session.completed.v1";
        }

        @Override
        public Object aggregateId() {
            return engagementId;
        }
    }

    /** A coach's concern for the client's safety: ids and level only, never the concern's words. */
    public record RiskNoted(
            UUID riskConcernId,
            UUID engagementId,
            UUID sessionId,
            String clientSubject,
            String practitionerId,
            String level)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "risk.noted.v1";
        }

        @Override
        public Object aggregateId() {
            return engagementId;
        }
    }

    /** The end review closed the engagement. */
    public record EngagementClosed(
            UUID engagementId,
            String practitionerId,
            int goalsMet,
            int goals,
            boolean followUpOffered,
            int boosterSessionsOffered)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "engagement.closed.v1";
        }

        @Override
        public Object aggregateId() {
            return engagementId;
        }
    }

    /**
     * What the engagement the end review closed achieved (issue 21): per instrument measured, intake-service's
     * classification from baseline to the last score, and counts. No scores, no client, no text: it feeds
     * aggregates (a sponsor's organisation, a practitioner's evidence), never a record of one person.
     */
    public record EngagementOutcome(
            UUID engagementId,
            String practitionerId,
            List<InstrumentOutcome> outcomes,
            int goals,
            int goalsMet,
            int sessionsHeld)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "engagement.outcome.v1";
        }

        @Override
        public Object aggregateId() {
            return engagementId;
        }
    }

    /** The engagement's new coach accepted a handover: intake-service and referral-service follow the coach. */
    public record EngagementHandedOver(
            UUID engagementId,
            UUID sourceIntakeId,
            String clientSubject,
            String fromPractitionerId,
            String toPractitionerId,
            String reason,
            java.time.Instant handedOverAt)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "engagement.handed-over.v1";
        }

        @Override
        public Object aggregateId() {
            return engagementId;
        }
    }

    public record InstrumentOutcome(String instrument, String classification) {}

    /**
     * Five new answers to the feedback form a practitioner's clients gave (issue 22): the mean of each item and
     * the first and last answer date. Never a client, an engagement or a session: evidence about the practitioner.
     * The batch id names the five answers' aggregate only, so a consumer counts it once however it arrives.
     */
    public record FeedbackAggregated(
            UUID batchId,
            String practitionerId,
            java.time.LocalDate periodStart,
            java.time.LocalDate periodEnd,
            int responses,
            FeedbackItemMeans means)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "practitioner.feedback-aggregated.v1";
        }

        @Override
        public Object aggregateId() {
            return practitionerId;
        }
    }

    /** The mean answer (0-10, one decimal) of each item of the feedback form. */
    public record FeedbackItemMeans(
            java.math.BigDecimal feltHeard,
            java.math.BigDecimal workedOnWhatMattered,
            java.math.BigDecimal approachFitted,
            java.math.BigDecimal overall) {}

    /** Confirms an erasure request; signed notes kept under the retention rule are counted, not hidden. */
    public record SubjectErased(String requestId, String service, int engagements, int signedNotesRetained)
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

    public record ContractAccepted(UUID engagementId, int contractNumber) implements OutgoingEvent {
        @Override
        public String type() {
            return "contract.accepted.v1";
        }

        @Override
        public Object aggregateId() {
            return engagementId;
        }
    }

    /** A monitoring measure fell due: intake-service gives the client an assignment of the instrument. */
    public record MonitoringDue(
            UUID measureId,
            UUID engagementId,
            UUID intakeId,
            String clientSubject,
            String instrument,
            java.time.LocalDate dueOn)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "monitoring.due.v1";
        }

        @Override
        public Object aggregateId() {
            return engagementId;
        }
    }
}
