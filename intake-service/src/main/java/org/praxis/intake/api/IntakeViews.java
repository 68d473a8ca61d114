package org.praxis.intake.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.praxis.intake.domain.Assignment;
import org.praxis.intake.domain.Decision;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.Pathway;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlagStep;
import org.praxis.intake.domain.Screening;
import org.praxis.intake.domain.Triage;

/** Request and response bodies of intake-service. */
public final class IntakeViews {
    private IntakeViews() {
    }

    public record CreateIntakeRequest(@Size(max = 200) String clientSubject,
                                      @NotBlank @Size(max = 200) String displayName,
                                      @Size(max = 5000) String presentingConcerns,
                                      @Size(max = 5000) String hopedForOutcomes,
                                      @Size(max = 200) String sponsorOrganisation,
                                      @Size(max = 200) String assignedCoach) {
    }

    /** The list view leaves out the free text; {@link IntakeDetail} has it. */
    public record IntakeSummary(UUID id, String clientSubject, String displayName, String sponsorOrganisation,
                                String assignedCoach, String status, Instant createdAt) {
        static IntakeSummary of(Intake i) {
            return new IntakeSummary(i.id, i.clientSubject, i.displayName, i.sponsorOrganisation, i.assignedCoach,
                    i.status, i.createdAt);
        }
    }

    public record IntakeDetail(UUID id, String clientSubject, String displayName, String presentingConcerns,
                               String hopedForOutcomes, String sponsorOrganisation, String assignedCoach,
                               String status, String createdBy, Instant createdAt, long version) {
        static IntakeDetail of(Intake i) {
            return new IntakeDetail(i.id, i.clientSubject, i.displayName, i.presentingConcerns, i.hopedForOutcomes,
                    i.sponsorOrganisation, i.assignedCoach, i.status, i.createdBy, i.createdAt, i.version);
        }
    }

    public record CoachAssignmentRequest(@NotBlank @Size(max = 200) String coach) {
    }

    /** What a coach may see of an intake before it is theirs: no names, concerns, outcomes or answers. */
    public record TriageCard(UUID id, String status, Instant createdAt, boolean openRiskFlags, Pathway recommendedPathway) {
    }

    public record CreateAssignmentRequest(@NotBlank String instrument, LocalDate dueDate) {
    }

    public record AssignmentView(UUID id, UUID intakeId, String instrument, LocalDate dueDate, String status,
                                 UUID screeningId, Instant createdAt) {
        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id, a.intakeId, a.instrumentCode, a.dueDate, a.status, a.screeningId, a.createdAt);
        }
    }

    public record SubmitScreeningRequest(@NotBlank String instrument, @NotNull @NotEmpty Map<String, Integer> answers) {
    }

    public record RiskFlagSummary(UUID id, String code, String level, String status) {
        static RiskFlagSummary of(RiskFlag f) {
            return new RiskFlagSummary(f.id, f.code, f.level, f.status);
        }
    }

    /** A score as the client may see it: no answers. */
    public record ScreeningView(UUID id, UUID intakeId, String instrument, int instrumentVersion, String scoringVersion,
                                int total, String severity, Integer percent, List<RiskFlagSummary> riskFlags,
                                Instant scoredAt) {
        static ScreeningView of(Screening s, List<RiskFlag> flags) {
            return new ScreeningView(s.id, s.intakeId, s.instrumentCode, s.instrumentVersion, s.scoringVersion, s.total,
                    s.severity, s.percent, flags.stream().map(RiskFlagSummary::of).toList(), s.scoredAt);
        }
    }

    public record ScreeningWithAnswers(UUID id, String instrument, int total, String severity,
                                       Map<String, Integer> answers, String submittedBy, Instant scoredAt) {
    }

    public record RecommendationView(Pathway pathway, List<ReasonView> reasons) {
        static RecommendationView of(Triage.Recommendation r) {
            return new RecommendationView(r.pathway(), r.reasons().stream()
                    .map(x -> new ReasonView(x.rule(), x.pathway(), x.detail())).toList());
        }
    }

    public record ReasonView(String rule, Pathway pathway, String detail) {
    }

    public record DecisionRequest(@NotNull Pathway pathway, @Size(max = 200) String practitionerId,
                                  @Size(max = 5000) String reason) {
    }

    public record DecisionView(UUID id, UUID intakeId, Pathway pathway, Pathway recommendedPathway,
                               String practitionerId, String reason, String decidedBy, Instant decidedAt) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.id, d.intakeId, Pathway.of(d.pathway), Pathway.of(d.recommendedPathway),
                    d.practitionerId, d.reason, d.decidedBy, d.decidedAt);
        }
    }

    public record RaiseRiskFlagRequest(@NotBlank @Size(max = 100) String code,
                                       @NotBlank @jakarta.validation.constraints.Pattern(regexp = "serious|elevated|low") String level,
                                       @Size(max = 5000) String note) {
    }

    public record MoveRiskFlagRequest(@NotBlank String status, @Size(max = 5000) String note) {
    }

    public record RiskFlagStepView(String status, String actor, Instant at, String note) {
        static RiskFlagStepView of(RiskFlagStep s) {
            return new RiskFlagStepView(s.status, s.actor, s.at, s.note);
        }
    }

    public record RiskFlagView(UUID id, UUID intakeId, UUID screeningId, String code, String level, String source,
                               String status, String raisedBy, Instant raisedAt, long version,
                               List<RiskFlagStepView> steps) {
        static RiskFlagView of(RiskFlag f, List<RiskFlagStep> steps) {
            return new RiskFlagView(f.id, f.intakeId, f.screeningId, f.code, f.level, f.source, f.status, f.raisedBy,
                    f.raisedAt, f.version, steps == null ? null : steps.stream().map(RiskFlagStepView::of).toList());
        }
    }
}
