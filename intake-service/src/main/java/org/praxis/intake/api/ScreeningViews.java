package org.praxis.intake.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.Screening;
import org.praxis.platform.web.Bounds;

/** The screenings as {@link ScreeningResource} answers them: scores, with the answers only where asked. */
public final class ScreeningViews {
    private ScreeningViews() {}

    public record RiskFlagSummary(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String code,

            @Schema(required = true, maxLength = Bounds.CODE)
            String level,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status) {
        static RiskFlagSummary of(RiskFlag f) {
            return new RiskFlagSummary(f.id, f.code, f.level, f.status);
        }
    }

    /** A score as the client may see it: no answers. */
    public record ScreeningView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID intakeId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String instrument,

            @Schema(required = true, minimum = "1", maximum = IntakeViews.COUNT_MAX)
            int instrumentVersion,

            @Schema(required = true, maxLength = Bounds.CODE)
            String scoringVersion,

            @Schema(required = true, minimum = "0", maximum = IntakeViews.TOTAL_MAX)
            int total,

            @Schema(required = true, maxLength = Bounds.CODE)
            String severity,

            @Schema(minimum = "0", maximum = "100") Integer percent,

            @Schema(
                    maxItems = Bounds.LIST,
                    description = "The risk flags this screening raised; null where the caller may not see"
                            + " risk flags (they reach the intake's assigned coach and supervisors), except"
                            + " in the answer to the submission itself")
            List<RiskFlagSummary> riskFlags,

            @Schema(required = true) Instant scoredAt) {
        /** {@code flags}: null where the caller may not see them. */
        static ScreeningView of(Screening s, List<RiskFlag> flags) {
            return new ScreeningView(
                    s.id,
                    s.intakeId,
                    s.instrumentCode,
                    s.instrumentVersion,
                    s.scoringVersion,
                    s.total,
                    s.severity,
                    s.percent,
                    flags == null
                            ? null
                            : flags.stream().map(RiskFlagSummary::of).toList(),
                    s.scoredAt);
        }
    }

    public record ScreeningWithAnswers(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.CODE)
            String instrument,

            @Schema(required = true, minimum = "0", maximum = IntakeViews.TOTAL_MAX)
            int total,

            @Schema(required = true, maxLength = Bounds.CODE)
            String severity,

            @Schema(
                    required = true,
                    maxProperties = Bounds.ANSWERS,
                    propertyNames = ItemAnswers.ItemId.class,
                    additionalProperties = ItemAnswers.Answer.class)
            Map<String, Integer> answers,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String submittedBy,

            @Schema(required = true) Instant scoredAt) {
        static ScreeningWithAnswers of(Screening s, Map<String, Integer> answers) {
            return new ScreeningWithAnswers(
                    s.id, s.instrumentCode, s.total, s.severity, answers, s.submittedBy, s.scoredAt);
        }
    }
}
