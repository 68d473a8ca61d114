package org.praxis.intake.domain;

import java.util.Map;
import java.util.Optional;

/**
 * Published thresholds for reliable change and caseness, per instrument: versioned data. A changed or
 * added value is a new {@link #VERSION}, so every classification says which table it used. Each value and
 * its source: docs/measurement.md. Instruments not listed are {@code not-classifiable}.
 */
public final class ChangeThresholds {
    /** Goes into every trajectory view and {@code trajectory.changed} event. */
    public static final String VERSION = "change-thresholds-v1";

    /** Which way an instrument's score gets better. */
    public enum Direction {
        LOWER_IS_BETTER,
        HIGHER_IS_BETTER
    }

    /** What the thresholds are counted in: the total, or the percentage score (WHO-5). */
    public enum Scale {
        TOTAL,
        PERCENT
    }

    /**
     * @param reliableChange the smallest change (in {@link #scale}) that is reliable, either way
     * @param casenessCutOff a case is at or above it (lower is better) or at or below it (higher is better)
     * @param sources short keys of docs/measurement.md's references
     */
    public record Thresholds(
            String instrument,
            Scale scale,
            Direction direction,
            int reliableChange,
            int casenessCutOff,
            String sources) {

        /** The value the thresholds count: the total, or the percentage score. */
        public int valueOf(int total, Integer percent) {
            if (scale == Scale.PERCENT && percent == null) {
                throw new IllegalArgumentException(instrument + " is classified on its percentage score");
            }
            return scale == Scale.PERCENT ? percent : total;
        }

        public boolean isCase(int value) {
            return direction == Direction.LOWER_IS_BETTER ? value >= casenessCutOff : value <= casenessCutOff;
        }

        /** A positive number is an improvement, whichever way the instrument runs. */
        public int improvement(int baseline, int latest) {
            return direction == Direction.LOWER_IS_BETTER ? baseline - latest : latest - baseline;
        }
    }

    private static final Map<String, Thresholds> PUBLISHED = Map.of(
            BuiltInInstruments.PHQ9,
            new Thresholds(
                    BuiltInInstruments.PHQ9,
                    Scale.TOTAL,
                    Direction.LOWER_IS_BETTER,
                    6,
                    10,
                    "Jacobson-Truax-1991; Kroenke-2001; NHS-Talking-Therapies-manual"),
            BuiltInInstruments.GAD7,
            new Thresholds(
                    BuiltInInstruments.GAD7,
                    Scale.TOTAL,
                    Direction.LOWER_IS_BETTER,
                    4,
                    8,
                    "Jacobson-Truax-1991; Spitzer-2006; NHS-Talking-Therapies-manual"),
            BuiltInInstruments.WHO5,
            new Thresholds(BuiltInInstruments.WHO5, Scale.PERCENT, Direction.HIGHER_IS_BETTER, 10, 50, "Topp-2015"));

    /**
     * Which way instruments without published change thresholds run, so a move into a more severe band
     * still counts as deterioration. An instrument in neither table (readiness, a tenant's own) has none.
     */
    private static final Map<String, Direction> DIRECTIONS = Map.of(
            BuiltInInstruments.PHQ2, Direction.LOWER_IS_BETTER,
            BuiltInInstruments.GAD2, Direction.LOWER_IS_BETTER,
            BuiltInInstruments.WSAS, Direction.LOWER_IS_BETTER);

    private ChangeThresholds() {}

    public static Optional<Thresholds> of(String instrument) {
        return Optional.ofNullable(PUBLISHED.get(instrument));
    }

    public static Optional<Direction> direction(String instrument) {
        return of(instrument).map(Thresholds::direction).or(() -> Optional.ofNullable(DIRECTIONS.get(instrument)));
    }
}
