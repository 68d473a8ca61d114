package org.praxis.intake.domain.events;

import java.util.UUID;
import org.praxis.platform.events.OutgoingEvent;

/**
 * What intake-service publishes on {@code intake.events} (ce_type {@code org.praxis.intake.<type>}).
 * Ids, codes and levels only: never answers, notes or other free text. Schemas in docs/events/.
 */
public final class IntakeEvents {

    private IntakeEvents() {}

    public record Opened(UUID intakeId, String clientSubject, String assignedCoach, String sponsorOrganisation)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "intake.opened.v1";
        }

        @Override
        public Object aggregateId() {
            return intakeId;
        }
    }

    public record ScreeningScored(
            UUID screeningId,
            UUID intakeId,
            String clientSubject,
            String instrument,
            int instrumentVersion,
            String scoringVersion,
            int total,
            String severity,
            UUID engagementId,
            UUID measureId)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "screening.scored.v1";
        }

        @Override
        public Object aggregateId() {
            return intakeId;
        }
    }

    public record RiskFlagRaised(
            UUID riskFlagId,
            UUID intakeId,
            String clientSubject,
            UUID screeningId,
            String code,
            String level,
            String source,
            String assignedCoach)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "risk-flag.raised.v1";
        }

        @Override
        public Object aggregateId() {
            return intakeId;
        }
    }

    /** A later score of an instrument against its baseline (classification only, never answers). */
    public record TrajectoryChanged(
            UUID intakeId,
            String clientSubject,
            String instrument,
            UUID screeningId,
            UUID baselineScreeningId,
            int baselineTotal,
            int latestTotal,
            String baselineBand,
            String latestBand,
            String classification,
            boolean deteriorated,
            String thresholdsVersion)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "trajectory.changed.v1";
        }

        @Override
        public Object aggregateId() {
            return intakeId;
        }
    }

    public record RiskFlagStatusChanged(UUID riskFlagId, UUID intakeId, String status) implements OutgoingEvent {
        @Override
        public String type() {
            return "risk-flag.status-changed.v1";
        }

        @Override
        public Object aggregateId() {
            return intakeId;
        }
    }

    public record SubjectErased(String requestId, String service, int intakes) implements OutgoingEvent {
        @Override
        public String type() {
            return "subject.erased.v1";
        }

        @Override
        public Object aggregateId() {
            return requestId;
        }
    }

    public record Decided(
            UUID intakeId,
            String clientSubject,
            String pathway,
            String recommendedPathway,
            String practitionerId,
            String sponsorOrganisation,
            /** The client's preferred option ({@code ClientPreference.OPTIONS}), null when they recorded none. */
            String clientPreference)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "intake.decided.v1";
        }

        @Override
        public Object aggregateId() {
            return intakeId;
        }
    }

    /**
     * The intake's coach changed (a supervisor's assignment, a coach's claim, or the intake following its
     * engagement): whoever follows what was drafted from the intake follows with it.
     */
    public record CoachAssigned(
            UUID intakeId,
            String clientSubject,
            /** The coach before, null when nobody coached the intake yet. */
            String fromPractitionerId,
            String toPractitionerId,
            String reason,
            java.time.Instant assignedAt)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "intake.coach-assigned.v1";
        }

        @Override
        public Object aggregateId() {
            return intakeId;
        }
    }
}
