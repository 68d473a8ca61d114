package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.praxis.intake.domain.ReliableChange.Classification;
import org.praxis.intake.domain.Trajectory.Change;
import org.praxis.intake.domain.Trajectory.Point;

/** Deterioration (reliable, or into a more severe band than the point before) and the flag's level. */
class TrajectoryTest {

    private static Instrument instrument(String code) {
        return BuiltInInstruments.byCode(code).orElseThrow();
    }

    private static Point point(String instrument, int total) {
        Instrument i = instrument(instrument);
        String band = i.bands().stream()
                .filter(b -> b.min() <= total && total <= b.max())
                .findFirst()
                .orElseThrow()
                .severity();
        Integer percent = i.percentMultiplier() == null ? null : total * i.percentMultiplier();
        return new Point(UUID.randomUUID(), Instant.now(), total, band, percent);
    }

    private static Change change(String instrument, int baseline, int previous, int latest) {
        return Trajectory.change(
                instrument(instrument),
                point(instrument, baseline),
                point(instrument, previous),
                point(instrument, latest));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} -> {3}: {4}, deteriorated {5}")
    @CsvSource({
        // PHQ-9: mild (5-9) to moderate (10-14) without a reliable change is still a deterioration
        "PHQ-9,8,9,10,no-reliable-change,true",
        "PHQ-9,8,10,10,no-reliable-change,false",
        "PHQ-9,8,12,9,no-reliable-change,false",
        // reliable deterioration from the baseline within the same band as the point before
        "PHQ-9,20,21,26,reliable-deterioration,true",
        "PHQ-9,20,21,25,no-reliable-change,false",
        // an improving series
        "PHQ-9,16,12,7,reliable-recovery,false",
        "GAD-7,9,9,10,no-reliable-change,true",
        "GAD-7,12,12,7,reliable-recovery,false",
        // WHO-5, higher is better: adequate to poor is more severe; poor to adequate is not
        "WHO-5,14,14,13,no-reliable-change,false",
        "WHO-5,14,13,12,no-reliable-change,true",
        "WHO-5,12,12,13,recovery,false",
        // WSAS has no published change thresholds, but its bands still count
        "WSAS,5,9,10,not-classifiable,true",
        "WSAS,25,25,15,not-classifiable,false",
        // readiness is no symptom measure: its bands have no direction
        "COACHING-READINESS,8,8,0,not-classifiable,false"
    })
    void deterioration(
            String instrument, int baseline, int previous, int latest, String classification, boolean deteriorated) {
        Change change = change(instrument, baseline, previous, latest);
        assertEquals(classification, change.classification().code());
        assertEquals(deteriorated, change.deteriorated());
        assertEquals(latest - baseline, change.changeFromBaseline());
    }

    @Test
    void aBandOfAnotherVersionNeverCountsAsAMove() {
        Instrument phq9 = instrument("PHQ-9");
        Point baseline = point("PHQ-9", 8);
        Point older = new Point(UUID.randomUUID(), Instant.now(), 8, "retired-band", null);
        Change change = Trajectory.change(phq9, baseline, older, point("PHQ-9", 12));
        assertFalse(change.deteriorated());
        assertEquals(Classification.NO_RELIABLE_CHANGE, change.classification());
    }

    @ParameterizedTest(name = "{0} band {1}: flag level {2}")
    @CsvSource({
        "PHQ-9,severe,serious",
        "PHQ-9,moderately-severe,elevated",
        "PHQ-9,moderate,elevated",
        "GAD-7,severe,serious",
        "GAD-7,moderate,elevated",
        "WHO-5,poor,elevated",
        "WSAS,moderately-severe,elevated",
        "WSAS,significant,elevated",
        "PHQ-2,positive,elevated",
        "GAD-2,positive,elevated"
    })
    void theFlagIsSeriousOnlyInASymptomScalesMostSevereBand(String instrument, String band, String level) {
        assertEquals(level, Trajectory.flagLevel(instrument(instrument), band));
        assertTrue(RiskFlag.LEVELS.contains(level));
    }
}
