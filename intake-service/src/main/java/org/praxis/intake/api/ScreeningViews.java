package org.praxis.intake.api;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.intake.domain.ClientWording;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.Screening;
import org.praxis.intake.domain.Wording;
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

    /** What a client reads of a screening, in plain words (the tenant's own, or the built-in English). */
    public record ScoreWording(
            @Schema(required = true, maxLength = ClientWording.MAX_LOCALE, description = "The text's language")
            String locale,

            @Schema(required = true, maxLength = ClientWording.MAX_TEXT)
            String text,

            @Schema(
                    maxItems = Bounds.LIST,
                    maxLength = ClientWording.MAX_TEXT,
                    description = "The wording of the risk flags this screening raised, where the view carries"
                            + " them (riskFlags for a practitioner; for a client only in the answer to the"
                            + " submission itself)")
            List<@Size(max = ClientWording.MAX_TEXT) String> riskFlags) {
        static ScoreWording of(Screening s, List<RiskFlag> flags, Wording wording) {
            Wording.Said said = wording.score(s.instrumentCode, s.severity);
            return new ScoreWording(
                    said.locale(),
                    said.text(),
                    flags == null
                            ? null
                            : flags.stream()
                                    .map(f -> wording.flag(f.code).text())
                                    .distinct()
                                    .toList());
        }
    }

    /** A score without the answers; a client reads wording where a practitioner reads band and flag codes. */
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

            @Schema(
                    maxLength = Bounds.CODE,
                    description = "The band code, for practitioners; null for a client, who reads wording")
            String severity,

            @Schema(minimum = "0", maximum = "100") Integer percent,

            @Schema(
                    maxItems = Bounds.LIST,
                    description = "The risk flags this screening raised, for practitioners who may see risk"
                            + " flags (the intake's assigned coach and their supervisor); null otherwise, and always"
                            + " for a client, who reads wording.riskFlags in the answer to the submission")
            List<RiskFlagSummary> riskFlags,

            @Schema(required = true) ScoreWording wording,
            @Schema(required = true) Instant scoredAt) {
        /**
         * {@code flags}: null where the caller may not see them; {@code codes}: whether the caller reads
         * band and flag codes (a practitioner) or only the wording (a client).
         */
        static ScreeningView of(Screening s, List<RiskFlag> flags, Wording wording, boolean codes) {
            return new ScreeningView(
                    s.id,
                    s.intakeId,
                    s.instrumentCode,
                    s.instrumentVersion,
                    s.scoringVersion,
                    s.total,
                    codes ? s.severity : null,
                    s.percent,
                    codes && flags != null
                            ? flags.stream().map(RiskFlagSummary::of).toList()
                            : null,
                    ScoreWording.of(s, flags, wording),
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
