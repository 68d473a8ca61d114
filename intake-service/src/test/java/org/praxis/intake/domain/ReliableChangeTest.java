package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification against the published thresholds (docs/measurement.md), at every boundary. */
class ReliableChangeTest {

    private static String classify(String instrument, int baseline, int latest) {
        ChangeThresholds.Thresholds t = ChangeThresholds.of(instrument).orElseThrow();
        return ReliableChange.classify(t, baseline, latest).code();
    }

    @ParameterizedTest(name = "PHQ-9 {0} -> {1} is {2}")
    @CsvSource({
        // a rise of 5 is within measurement error, 6 is reliable (also across the caseness cut-off)
        "5,10,no-reliable-change",
        "4,10,reliable-deterioration",
        "12,17,no-reliable-change",
        "12,18,reliable-deterioration",
        // a fall of 5 is not reliable, 6 is, both remaining a case
        "20,15,no-reliable-change",
        "20,14,reliable-improvement",
        // caseness is 10 and above: recovery needs it at baseline and not at the end
        "14,9,recovery",
        "15,9,reliable-recovery",
        "10,4,reliable-recovery",
        "9,3,reliable-improvement",
        "12,10,no-reliable-change",
        "12,9,recovery",
        "16,10,reliable-improvement",
        "16,9,reliable-recovery",
        "9,9,no-reliable-change",
        "0,0,no-reliable-change",
        "27,0,reliable-recovery",
        "0,27,reliable-deterioration"
    })
    void phq9(int baseline, int latest, String classification) {
        assertEquals(classification, classify("PHQ-9", baseline, latest));
    }

    @ParameterizedTest(name = "GAD-7 {0} -> {1} is {2}")
    @CsvSource({
        // a change of 3 is not reliable, 4 is
        "8,11,no-reliable-change",
        "8,12,reliable-deterioration",
        "3,7,reliable-deterioration",
        "15,12,no-reliable-change",
        "15,11,reliable-improvement",
        // caseness is 8 and above
        "8,7,recovery",
        "11,8,no-reliable-change",
        "11,7,reliable-recovery",
        "7,3,reliable-improvement",
        "7,4,no-reliable-change",
        "12,8,reliable-improvement"
    })
    void gad7(int baseline, int latest, String classification) {
        assertEquals(classification, classify("GAD-7", baseline, latest));
    }

    @ParameterizedTest(name = "WHO-5 {0}% -> {1}% is {2}")
    @CsvSource({
        // higher is better: 9 percentage points are not a meaningful change, 10 are
        "60,69,no-reliable-change",
        "60,70,reliable-improvement",
        "60,51,no-reliable-change",
        "60,50,reliable-deterioration",
        // poor wellbeing (a case) is 50% and below
        "40,49,no-reliable-change",
        "40,50,reliable-improvement",
        "41,51,reliable-recovery",
        "45,52,recovery",
        "50,51,recovery",
        "51,60,no-reliable-change"
    })
    void who5(int baseline, int latest, String classification) {
        assertEquals(classification, classify("WHO-5", baseline, latest));
    }

    @Test
    void who5IsClassifiedOnItsPercentageScoreNotItsTotal() {
        // totals 15 -> 12 are 3 points; as percentages 60 -> 48 they are 12 points and into poor wellbeing
        assertEquals(
                ReliableChange.Classification.RELIABLE_DETERIORATION, ReliableChange.classify("WHO-5", 15, 60, 12, 48));
        assertEquals(
                ReliableChange.Classification.RELIABLE_DETERIORATION,
                ReliableChange.classify("PHQ-9", 3, null, 9, null));
    }

    @Test
    void instrumentsWithoutPublishedThresholdsAreNotClassifiable() {
        for (String instrument : new String[] {"WSAS", "PHQ-2", "GAD-2", "COACHING-READINESS", "ACME-STRESS"}) {
            assertEquals(
                    ReliableChange.Classification.NOT_CLASSIFIABLE,
                    ReliableChange.classify(instrument, 10, null, 30, null),
                    instrument);
        }
    }

    @Test
    void theTableIsVersionedAndNamesItsSources() {
        assertEquals("change-thresholds-v1", ChangeThresholds.VERSION);
        for (String instrument : new String[] {"PHQ-9", "GAD-7", "WHO-5"}) {
            assertFalse(ChangeThresholds.of(instrument).orElseThrow().sources().isBlank(), instrument);
        }
        assertTrue(ChangeThresholds.of("WSAS").isEmpty());
    }
}
