package org.praxis.intake.events;

import java.util.UUID;

/**
 * What intake-service publishes on {@code intake.events} (ce_type {@code org.praxis.intake.<type>}).
 * Ids, codes and levels only: never answers, notes or other free text. Schemas in docs/events/.
 */
public final class IntakeEvents {
    public static final String OPENED = "intake.opened.v1";
    public static final String SCREENING_SCORED = "screening.scored.v1";
    public static final String RISK_FLAG_RAISED = "risk-flag.raised.v1";
    public static final String RISK_FLAG_STATUS_CHANGED = "risk-flag.status-changed.v1";
    public static final String DECIDED = "intake.decided.v1";
    /** The confirmation that an erasure request was applied here. */
    public static final String SUBJECT_ERASED = "subject.erased.v1";

    private IntakeEvents() {}

    public record Opened(UUID intakeId, String clientSubject, String assignedCoach, String sponsorOrganisation) {}

    public record ScreeningScored(
            UUID screeningId,
            UUID intakeId,
            String clientSubject,
            String instrument,
            int instrumentVersion,
            String scoringVersion,
            int total,
            String severity) {}

    public record RiskFlagRaised(
            UUID riskFlagId,
            UUID intakeId,
            String clientSubject,
            UUID screeningId,
            String code,
            String level,
            String source,
            String assignedCoach) {}

    public record RiskFlagStatusChanged(UUID riskFlagId, UUID intakeId, String status) {}

    public record SubjectErased(String requestId, String service, int intakes) {}

    public record Decided(
            UUID intakeId,
            String clientSubject,
            String pathway,
            String recommendedPathway,
            String practitionerId,
            String sponsorOrganisation) {}
}
