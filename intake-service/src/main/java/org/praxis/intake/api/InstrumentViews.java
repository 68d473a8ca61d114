package org.praxis.intake.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.intake.domain.Instrument;
import org.praxis.intake.domain.InstrumentDefinitionRules;
import org.praxis.intake.domain.access.InstrumentPolicy;
import org.praxis.platform.web.Bounds;

/** The instruments as {@link InstrumentResource} answers them: all of one for practitioners, the items for a client. */
public final class InstrumentViews {
    private InstrumentViews() {}

    /** Any scored item at or below {@code atMost} sets the severity (WHO-5). */
    public record LowItemRule(
            @Schema(required = true, minimum = "0", maximum = IntakeViews.ANSWER_MAX)
            int atMost,

            @Schema(required = true, maxLength = Bounds.CODE)
            String severity) {}

    /**
     * {@code percentMultiplier}: the response also reports total × multiplier, a percentage (WHO-5: 4).
     * For a client, who reads wording rather than codes, {@code bands} and {@code itemFlags} are empty and
     * {@code lowItemRule} null.
     */
    @Schema(name = "InstrumentView")
    public record InstrumentView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String code,

            @Schema(required = true, minimum = "1", maximum = IntakeViews.COUNT_MAX)
            int version,

            @Schema(required = true, maxLength = Bounds.NAME)
            String title,

            @Schema(required = true, maxLength = Bounds.CODE)
            String scoringVersion,

            @Schema(required = true, maxItems = InstrumentDefinitionRules.MAX_ITEMS)
            List<InstrumentResource.Item> items,

            @Schema(required = true, maxItems = Bounds.LIST) List<InstrumentResource.Band> bands,
            @Schema(required = true, maxItems = Bounds.LIST) List<InstrumentResource.ItemFlag> itemFlags,
            @Schema(minimum = "1", maximum = "100") Integer percentMultiplier,
            LowItemRule lowItemRule) {
        /** {@code scoring}: whether the caller reads the bands and flagged items ({@link InstrumentPolicy}). */
        static InstrumentView of(Instrument i, boolean scoring) {
            return new InstrumentView(
                    i.code(),
                    i.version(),
                    i.title(),
                    i.scoringVersion(),
                    i.items().stream().map(InstrumentResource.Item::of).toList(),
                    scoring
                            ? i.bands().stream()
                                    .map(InstrumentResource.Band::of)
                                    .toList()
                            : List.of(),
                    scoring
                            ? i.itemFlags().stream()
                                    .map(InstrumentResource.ItemFlag::of)
                                    .toList()
                            : List.of(),
                    i.percentMultiplier(),
                    scoring
                            ? i.lowItemRule()
                                    .map(r -> new LowItemRule(r.atMost(), r.severity()))
                                    .orElse(null)
                            : null);
        }
    }
}
