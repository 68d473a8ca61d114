package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.praxis.platform.problem.Violation;

/** Scores against the instruments' published bands, at every boundary. */
class ScorerTest {

    private static Instrument instrument(String code) {
        return BuiltInInstruments.byCode(code).orElseThrow();
    }

    /** Answers adding up to {@code total}, filled from item 1 on, so a PHQ-9 item 9 stays 0 below 25. */
    private static Map<String, Integer> answersTotalling(Instrument instrument, int total) {
        Map<String, Integer> answers = new HashMap<>();
        int left = total;
        for (Instrument.Item item : instrument.scoredItems()) {
            int value = Math.min(item.max(), left);
            answers.put(item.linkId(), value);
            left -= value;
        }
        if (left != 0) {
            throw new IllegalArgumentException(total + " is above the maximum of " + instrument.code());
        }
        return answers;
    }

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({
        "0,minimal",
        "4,minimal",
        "5,mild",
        "9,mild",
        "10,moderate",
        "14,moderate",
        "15,moderately-severe",
        "19,moderately-severe",
        "20,severe",
        "24,severe"
    })
    void phq9Bands(int total, String severity) {
        Score score = Scorer.score(instrument("PHQ-9"), answersTotalling(instrument("PHQ-9"), total));
        assertEquals(total, score.total());
        assertEquals(severity, score.severity());
        assertTrue(score.flags().isEmpty(), "item 9 is 0 here");
    }

    @Test
    void phq9MaximumIs27AndSevereWithTheFlag() {
        Score score = Scorer.score(instrument("PHQ-9"), answersTotalling(instrument("PHQ-9"), 27));
        assertEquals(27, score.total());
        assertEquals("severe", score.severity());
        assertEquals(1, score.flags().size());
    }

    @Test
    void phq9Item9AboveZeroRaisesASeriousFlagWhateverTheTotal() {
        Map<String, Integer> answers = answersTotalling(instrument("PHQ-9"), 0);
        answers.put("9", 1);
        Score score = Scorer.score(instrument("PHQ-9"), answers);
        assertEquals(1, score.total());
        assertEquals("minimal", score.severity());
        assertEquals(List.of(new Score.RaisedFlag("self-harm-thoughts", "serious", "9")), score.flags());
    }

    @Test
    void phq9Item10IsOptionalAndNotScored() {
        Map<String, Integer> answers = answersTotalling(instrument("PHQ-9"), 6);
        answers.put("10", 3);
        assertEquals(6, Scorer.score(instrument("PHQ-9"), answers).total());
        answers.put("10", 4);
        InvalidAnswers e = assertThrows(InvalidAnswers.class, () -> Scorer.score(instrument("PHQ-9"), answers));
        assertEquals("answers.10", e.violations().get(0).field());
    }

    @ParameterizedTest(name = "GAD-7 total {0} is {1}")
    @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe", "21,severe"})
    void gad7Bands(int total, String severity) {
        Score score = Scorer.score(instrument("GAD-7"), answersTotalling(instrument("GAD-7"), total));
        assertEquals(total, score.total());
        assertEquals(severity, score.severity());
    }

    @ParameterizedTest(name = "{0} total {1} is {2}")
    @CsvSource({
        "PHQ-2,0,negative",
        "PHQ-2,2,negative",
        "PHQ-2,3,positive",
        "PHQ-2,6,positive",
        "GAD-2,2,negative",
        "GAD-2,3,positive",
        "GAD-2,6,positive"
    })
    void twoItemScreens(String code, int total, String severity) {
        assertEquals(
                severity,
                Scorer.score(instrument(code), answersTotalling(instrument(code), total))
                        .severity());
    }

    @Test
    void aTenantThresholdMovesTheScreenBoundary() {
        Instrument strict = BuiltInInstruments.withPositiveThreshold(instrument("PHQ-2"), 2);
        assertEquals("positive", Scorer.score(strict, Map.of("1", 1, "2", 1)).severity());
        assertEquals(
                "negative",
                Scorer.score(instrument("PHQ-2"), Map.of("1", 1, "2", 1)).severity());
    }

    @ParameterizedTest(name = "WSAS total {0} is {1}")
    @CsvSource({
        "0,subclinical",
        "9,subclinical",
        "10,significant",
        "20,significant",
        "21,moderately-severe",
        "40,moderately-severe"
    })
    void wsasBands(int total, String severity) {
        assertEquals(
                severity,
                Scorer.score(instrument("WSAS"), answersTotalling(instrument("WSAS"), total))
                        .severity());
    }

    @Test
    void who5Raw13WithAllItemsAbove1IsAdequateAt52Percent() {
        Score score = Scorer.score(instrument("WHO-5"), Map.of("1", 3, "2", 3, "3", 3, "4", 2, "5", 2));
        assertEquals(13, score.total());
        assertEquals(52, score.percent());
        assertEquals("adequate", score.severity());
    }

    @Test
    void who5Raw13WithOneItemAt1IsPoor() {
        Score score = Scorer.score(instrument("WHO-5"), Map.of("1", 5, "2", 4, "3", 2, "4", 1, "5", 1));
        assertEquals(13, score.total());
        assertEquals("poor", score.severity());
    }

    @Test
    void who5Raw12IsPoorAndTheExtremesMapTo0And100Percent() {
        assertEquals(
                "poor",
                Scorer.score(instrument("WHO-5"), Map.of("1", 3, "2", 3, "3", 2, "4", 2, "5", 2))
                        .severity());
        assertEquals(
                100,
                Scorer.score(instrument("WHO-5"), Map.of("1", 5, "2", 5, "3", 5, "4", 5, "5", 5))
                        .percent());
        assertEquals(
                0,
                Scorer.score(instrument("WHO-5"), Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 0))
                        .percent());
    }

    @Test
    void percentOnlyForWho5() {
        assertNull(Scorer.score(instrument("GAD-7"), answersTotalling(instrument("GAD-7"), 3))
                .percent());
    }

    @Test
    void readinessCrisisItemRaisesAFlag() {
        Score score = Scorer.score(instrument("COACHING-READINESS"), Map.of("1", 4, "2", 3, "3", 0, "4", 1));
        assertEquals(7, score.total());
        assertEquals("ready", score.severity());
        assertEquals("recent-crisis", score.flags().get(0).code());
    }

    @Test
    void missingUnknownAndOutOfRangeItemsAreEachNamed() {
        Map<String, Integer> answers = new HashMap<>(Map.of("1", 0, "2", 4, "3", -1, "11", 0));
        InvalidAnswers e = assertThrows(InvalidAnswers.class, () -> Scorer.score(instrument("PHQ-9"), answers));
        List<String> named = e.violations().stream().map(Violation::field).toList();
        assertEquals(
                List.of("2", "3", "4", "5", "6", "7", "8", "9", "11").stream()
                        .map(n -> "answers." + n)
                        .toList(),
                named);
    }

    @Test
    void manyUnknownItemsAreCountedAndOnlyAFewNamed() {
        Map<String, Integer> answers = answersTotalling(instrument("GAD-7"), 3);
        for (int n = 0; n < 90; n++) {
            answers.put("x" + n, 1);
        }
        InvalidAnswers e = assertThrows(InvalidAnswers.class, () -> Scorer.score(instrument("GAD-7"), answers));
        assertEquals(Scorer.NAMED_UNKNOWN + 1, e.violations().size());
        assertEquals(
                List.of("answers.x0", "answers.x1", "answers.x10"),
                e.violations().stream().limit(3).map(Violation::field).toList());
        assertEquals("answers", e.violations().get(3).field());
        assertEquals(
                "87 more answers name no item of GAD-7", e.violations().get(3).message());
    }
}
