package org.praxis.intake.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.intake.domain.Assignment;
import org.praxis.intake.domain.ClientPreference;
import org.praxis.intake.domain.Decision;
import org.praxis.intake.domain.EngagementDraft;
import org.praxis.intake.domain.InstrumentDefinitionRules;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.Pathway;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlagLifecycle;
import org.praxis.intake.domain.RiskFlagStep;
import org.praxis.platform.web.Bounds;

/** Request and response bodies of intake-service that more than one resource uses. */
public final class IntakeViews {
    /** Row versions and counts: {@code @Schema(maximum = COUNT_MAX)}. */
    static final String COUNT_MAX = "" + Bounds.COUNT_MAX;
    /** The largest answer an item may take, as a schema bound. */
    static final String ANSWER_MAX = "" + InstrumentDefinitionRules.MAX_ANSWER;
    /** The largest total an instrument may have. */
    static final String TOTAL_MAX = "" + InstrumentDefinitionRules.MAX_TOTAL;

    private IntakeViews() {}

    public record IntakeDetail(
            @Schema(required = true) UUID id,
            @Schema(maxLength = Bounds.SUBJECT) String clientSubject,

            @Schema(required = true, maxLength = Bounds.NAME)
            String displayName,

            @Schema(maxLength = Bounds.TEXT) String presentingConcerns,
            @Schema(maxLength = Bounds.TEXT) String hopedForOutcomes,
            @Schema(maxLength = Bounds.NAME) String sponsorOrganisation,
            @Schema(maxLength = Bounds.SUBJECT) String assignedCoach,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String createdBy,

            @Schema(required = true) Instant createdAt,

            @Schema(required = true, minimum = "0", maximum = COUNT_MAX)
            long version) {
        static IntakeDetail of(Intake i) {
            return new IntakeDetail(
                    i.id,
                    i.clientSubject,
                    i.displayName(),
                    i.presentingConcerns(),
                    i.hopedForOutcomes(),
                    i.sponsorOrganisation,
                    i.assignedCoach,
                    i.status,
                    i.createdBy,
                    i.createdAt,
                    i.version);
        }
    }

    public record AssignmentView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID intakeId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String instrument,

            LocalDate dueDate,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            UUID screeningId,
            @Schema(required = true) Instant createdAt,

            @Schema(description = "The engagement whose monitoring plan asked for it; none for one sent at intake")
            UUID engagementId) {
        static AssignmentView of(Assignment a) {
            return new AssignmentView(
                    a.id,
                    a.intakeId,
                    a.instrumentCode,
                    a.dueDate,
                    a.status,
                    a.screeningId,
                    a.createdAt,
                    a.engagementId);
        }
    }

    public record DecisionView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID intakeId,
            @Schema(required = true) Pathway pathway,
            @Schema(required = true) Pathway recommendedPathway,
            @Schema(maxLength = Bounds.SUBJECT) String practitionerId,
            @Schema(maxLength = Bounds.REASON) String reason,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String decidedBy,

            @Schema(required = true) Instant decidedAt,

            @Schema(
                    required = true,
                    description = "Whether intake.decided asks session-service to draft an engagement"
                            + " (requested) and, when not, why: therapy, urgent, support-work and no-intervention are no coaching"
                            + " pathway, the intake has no client account (clientSubject), or the"
                            + " decision names no practitionerId")
            EngagementDraft engagementDraft,

            @Schema(
                    description = "The client's preference beside the recommendation and the decision; none when"
                            + " they recorded none")
            ClientPreferenceView clientPreference) {
        static DecisionView of(Decision d, EngagementDraft engagementDraft, ClientPreference preference) {
            return new DecisionView(
                    d.id,
                    d.intakeId,
                    Pathway.of(d.pathway),
                    Pathway.of(d.recommendedPathway),
                    d.practitionerId,
                    d.reason(),
                    d.decidedBy,
                    d.decidedAt,
                    engagementDraft,
                    preference == null ? null : ClientPreferenceView.of(preference));
        }
    }

    /** What the client would prefer (issue 22): options in plain words of the person's own, never a pathway code. */
    public record ClientPreferenceView(
            @Schema(required = true) UUID intakeId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String preference,

            @Schema(maxLength = Bounds.SUBJECT, description = "The coach the client would like to work with")
            String preferredCoach,

            @Schema(maxLength = Bounds.REASON) String note,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String recordedBy,

            @Schema(required = true) Instant recordedAt) {
        static ClientPreferenceView of(ClientPreference p) {
            return new ClientPreferenceView(
                    p.intakeId, p.preference, p.preferredCoach, p.note(), p.recordedBy, p.recordedAt);
        }
    }

    public record MoveRiskFlagRequest(
            @NotBlank @Size(max = Bounds.CODE) String status,

            @Size(max = Bounds.TEXT)
            @Schema(description = "Required to close: how the risk was dealt with (422 without)")
            String note) {}

    public record RiskFlagStepView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String actor,

            @Schema(required = true) Instant at,
            @Schema(maxLength = Bounds.TEXT) String note) {
        static RiskFlagStepView of(RiskFlagStep s) {
            return new RiskFlagStepView(s.status, s.actor, s.at, s.note());
        }
    }

    /** {@code steps}: one per status reached, and a flag only moves forward (raised to closed). */
    public record RiskFlagView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID intakeId,
            UUID screeningId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String code,

            @Schema(required = true, maxLength = Bounds.CODE)
            String level,

            @Schema(required = true, maxLength = Bounds.CODE)
            String source,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String raisedBy,

            @Schema(required = true) Instant raisedAt,

            @Schema(required = true, minimum = "0", maximum = COUNT_MAX)
            long version,

            @Schema(maxItems = RiskFlagLifecycle.MAX_STEPS) List<RiskFlagStepView> steps) {
        static RiskFlagView of(RiskFlag f, List<RiskFlagStep> steps) {
            return new RiskFlagView(
                    f.id,
                    f.intakeId,
                    f.screeningId,
                    f.code,
                    f.level,
                    f.source,
                    f.status,
                    f.raisedBy,
                    f.raisedAt,
                    f.version,
                    steps == null
                            ? null
                            : steps.stream().map(RiskFlagStepView::of).toList());
        }
    }
}
