package org.praxis.intake.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.praxis.intake.domain.ChangeThresholds.Direction;
import org.praxis.intake.domain.ReliableChange.Classification;

/**
 * What a later score of one instrument says against the first (the baseline, classified by {@link
 * ReliableChange}) and against the one before it (a move into a more severe band). Plain Java.
 */
public final class Trajectory {
    /** The risk flag a deterioration during monitoring raises. */
    public static final String DETERIORATION_FLAG = "monitoring-deterioration";

    /** One scored screening on the trajectory. */
    public record Point(UUID screeningId, Instant scoredAt, int total, String band, Integer percent) {
        public static Point of(Screening s) {
            return new Point(s.id, s.scoredAt, s.total, s.severity, s.percent);
        }
    }

    /**
     * @param deteriorated a reliable deterioration from the baseline, or a band more severe than the
     *     previous point's
     */
    public record Change(
            Point baseline, Point previous, Point latest, Classification classification, boolean deteriorated) {
        public int changeFromBaseline() {
            return latest.total() - baseline.total();
        }
    }

    private Trajectory() {}

    public static Change change(Instrument instrument, Point baseline, Point previous, Point latest) {
        Classification classification = ReliableChange.classify(
                instrument.code(), baseline.total(), baseline.percent(), latest.total(), latest.percent());
        boolean deteriorated = classification == Classification.RELIABLE_DETERIORATION
                || intoMoreSevereBand(instrument, previous.band(), latest.band());
        return new Change(baseline, previous, latest, classification, deteriorated);
    }

    static boolean intoMoreSevereBand(Instrument instrument, String from, String to) {
        int before = severity(instrument, from);
        return before >= 0 && severity(instrument, to) > before;
    }

    /**
     * The level of the deterioration flag, by one rule: {@code serious} when the latest band is the most
     * severe of a symptom scale's (PHQ-9's or GAD-7's {@code severe}), otherwise {@code elevated}. A two-item
     * screen's {@code positive} says only that a full measure is due, and WHO-5 (well-being) and WSAS
     * (functioning) measure no risk: serious is the level that lets a referral go without consent (DESIGN).
     */
    public static String flagLevel(Instrument instrument, String band) {
        return SEVERITY_SCALES.contains(instrument.code())
                        && severity(instrument, band) == instrument.bands().size() - 1
                ? RiskFlag.SERIOUS
                : RiskFlag.ELEVATED;
    }

    private static final Set<String> SEVERITY_SCALES = Set.of(BuiltInInstruments.PHQ9, BuiltInInstruments.GAD7);

    /**
     * How severe a band is among the instrument's bands, 0 the least; -1 when the instrument's direction
     * is unknown or the band is not one of its own (a band of an older version), so it never counts.
     */
    static int severity(Instrument instrument, String band) {
        Optional<Direction> direction = ChangeThresholds.direction(instrument.code());
        List<String> byScore = instrument.bands().stream()
                .sorted(Comparator.comparingInt(Instrument.Band::min))
                .map(Instrument.Band::severity)
                .toList();
        int index = byScore.indexOf(band);
        if (direction.isEmpty() || index < 0) {
            return -1;
        }
        return direction.get() == Direction.LOWER_IS_BETTER ? index : byScore.size() - 1 - index;
    }
}
