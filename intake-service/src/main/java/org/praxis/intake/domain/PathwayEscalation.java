package org.praxis.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issue 21: during monitoring, the recommendation is recomputed from the latest scores; one that crosses into
 * therapy or urgent help while the decided pathway was one below therapy (a coaching one, support work or no
 * intervention: none of them clinical help) is a risk flag of its own, raised once per crossing: a later screening that keeps it there, or moves it no higher, raises none.
 */
public final class PathwayEscalation {
    public static final String CODE = "pathway-escalation";

    private PathwayEscalation() {}

    /**
     * The level of the flag to raise when the recomputed recommendation moved from {@code before} to {@code after}:
     * urgent help is the most severe level, therapy elevated; empty when nothing crossed.
     */
    public static Optional<String> level(Pathway decided, Pathway before, Pathway after) {
        boolean coaching = decided.compareTo(Pathway.THERAPY) < 0;
        boolean crossed = after.compareTo(Pathway.THERAPY) >= 0 && after.compareTo(before) > 0;
        if (!coaching || !crossed) {
            return Optional.empty();
        }
        return Optional.of(after == Pathway.URGENT ? RiskFlag.SERIOUS : RiskFlag.ELEVATED);
    }

    /** An instrument whose band moved: from the latest score the decision saw (none: null) to the latest now. */
    public record BandChange(String instrument, String fromBand, Integer fromTotal, String toBand, int toTotal) {}

    /** The instruments whose band differs between the two sets of latest scores, in the order of {@code latest}. */
    public static List<BandChange> changes(List<Triage.ScoreSummary> atDecision, List<Triage.ScoreSummary> latest) {
        Map<String, Triage.ScoreSummary> then = atDecision.stream()
                .collect(Collectors.toMap(Triage.ScoreSummary::instrument, Function.identity(), (a, b) -> a));
        List<BandChange> changes = new ArrayList<>();
        for (Triage.ScoreSummary now : latest) {
            Triage.ScoreSummary was = then.get(now.instrument());
            String fromBand = was == null ? null : was.severity();
            if (!Objects.equals(fromBand, now.severity())) {
                changes.add(new BandChange(
                        now.instrument(), fromBand, was == null ? null : was.total(), now.severity(), now.total()));
            }
        }
        return changes;
    }
}
