package org.praxis.intake.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.praxis.intake.domain.ChangeThresholds.Thresholds;

/**
 * Classifies the change from a baseline to a later score the way the NHS Talking Therapies manual does
 * (docs/measurement.md): a change of at least the reliable-change value is reliable; recovery is moving
 * from caseness at baseline to below it; reliable recovery is recovery with a reliable improvement.
 */
public final class ReliableChange {

    public enum Classification {
        NO_RELIABLE_CHANGE("no-reliable-change"),
        RELIABLE_IMPROVEMENT("reliable-improvement"),
        RELIABLE_DETERIORATION("reliable-deterioration"),
        RECOVERY("recovery"),
        RELIABLE_RECOVERY("reliable-recovery"),
        NOT_CLASSIFIABLE("not-classifiable");

        private final String code;

        Classification(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Every classification's code, for the API's closed set. */
    public static final List<String> CODES =
            Arrays.stream(Classification.values()).map(Classification::code).toList();

    private ReliableChange() {}

    /** From a baseline score to a later one: totals, and percentage scores where the instrument has them. */
    public static Classification classify(
            String instrument, int baselineTotal, Integer baselinePercent, int latestTotal, Integer latestPercent) {
        Optional<Thresholds> published = ChangeThresholds.of(instrument);
        if (published.isEmpty()) {
            return Classification.NOT_CLASSIFIABLE;
        }
        Thresholds t = published.get();
        return classify(t, t.valueOf(baselineTotal, baselinePercent), t.valueOf(latestTotal, latestPercent));
    }

    /** Both values on the thresholds' own scale. */
    public static Classification classify(Thresholds t, int baseline, int latest) {
        int improvement = t.improvement(baseline, latest);
        if (improvement <= -t.reliableChange()) {
            return Classification.RELIABLE_DETERIORATION;
        }
        boolean reliablyImproved = improvement >= t.reliableChange();
        if (t.isCase(baseline) && !t.isCase(latest)) {
            return reliablyImproved ? Classification.RELIABLE_RECOVERY : Classification.RECOVERY;
        }
        return reliablyImproved ? Classification.RELIABLE_IMPROVEMENT : Classification.NO_RELIABLE_CHANGE;
    }
}
