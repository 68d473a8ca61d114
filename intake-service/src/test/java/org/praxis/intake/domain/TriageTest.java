package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.praxis.intake.domain.Triage.ScoreSummary;

class TriageTest {
    private static final TriagePolicy DEFAULTS = TriagePolicy.defaults();

    private static Triage.Recommendation recommend(List<String> flags, ScoreSummary... scores) {
        return Triage.recommend(List.of(scores), flags, DEFAULTS);
    }

    private static List<String> rules(Triage.Recommendation r) {
        return r.reasons().stream().map(Triage.Reason::rule).toList();
    }

    @ParameterizedTest(name = "PHQ-9 {0} -> {1}")
    @CsvSource({
        "0,coaching",
        "4,coaching",
        "5,coaching-with-monitoring",
        "9,coaching-with-monitoring",
        "10,integrated",
        "14,integrated",
        "15,therapy",
        "19,therapy",
        "20,therapy",
        "27,therapy"
    })
    void phq9Thresholds(int total, String pathway) {
        assertEquals(
                pathway,
                recommend(List.of(), new ScoreSummary("PHQ-9", total, "x"))
                        .pathway()
                        .code());
    }

    @ParameterizedTest(name = "GAD-7 {0} -> {1}")
    @CsvSource({
        "4,coaching",
        "5,coaching-with-monitoring",
        "9,coaching-with-monitoring",
        "10,integrated",
        "14,integrated",
        "15,therapy",
        "21,therapy"
    })
    void gad7Thresholds(int total, String pathway) {
        assertEquals(
                pathway,
                recommend(List.of(), new ScoreSummary("GAD-7", total, "x"))
                        .pathway()
                        .code());
    }

    @Test
    void manyOpenFlagsAreListedUpToALimitAndTheRestCounted() {
        List<String> flags = java.util.stream.IntStream.range(0, 500)
                .mapToObj(n -> "flag-" + n)
                .toList();
        Triage.Recommendation r = recommend(
                flags,
                new ScoreSummary("PHQ-9", 27, "severe"),
                new ScoreSummary("GAD-7", 21, "severe"),
                new ScoreSummary("WHO-5", 0, "poor"),
                new ScoreSummary("WSAS", 40, "x"),
                new ScoreSummary("PHQ-2", 6, "positive"),
                new ScoreSummary("GAD-2", 6, "positive"));
        assertEquals(Triage.MAX_REASONS, r.reasons().size());
        assertEquals(Pathway.URGENT, r.pathway());
        assertEquals(
                "480 more risk flags are open",
                r.reasons().get(Triage.LISTED_FLAGS).detail());
    }

    @Test
    void anOpenRiskFlagIsUrgentWhateverTheScores() {
        Triage.Recommendation r = recommend(List.of("self-harm-thoughts"), new ScoreSummary("PHQ-9", 1, "minimal"));
        assertEquals(Pathway.URGENT, r.pathway());
        assertEquals(List.of("open-risk-flag"), rules(r));
    }

    @Test
    void everyRuleThatFiredIsListedAndTheMostIntensiveWins() {
        Triage.Recommendation r = recommend(
                List.of(),
                new ScoreSummary("PHQ-9", 12, "moderate"),
                new ScoreSummary("GAD-7", 16, "severe"),
                new ScoreSummary("WHO-5", 8, "poor"),
                new ScoreSummary("WSAS", 10, "significant"));
        assertEquals(Pathway.THERAPY, r.pathway());
        assertEquals(List.of("phq9-integrated", "gad7-therapy", "who5-poor", "wsas-impairment"), rules(r));
    }

    @Test
    void wellbeingAndImpairmentAloneMeanMonitoring() {
        assertEquals(
                Pathway.COACHING_WITH_MONITORING,
                recommend(List.of(), new ScoreSummary("WHO-5", 13, "poor")).pathway());
        assertEquals(
                Pathway.COACHING,
                recommend(List.of(), new ScoreSummary("WHO-5", 13, "adequate")).pathway());
        assertEquals(
                Pathway.COACHING,
                recommend(List.of(), new ScoreSummary("WSAS", 9, "subclinical")).pathway());
        assertEquals(
                Pathway.COACHING_WITH_MONITORING,
                recommend(List.of(), new ScoreSummary("WSAS", 10, "significant"))
                        .pathway());
    }

    @Test
    void aPositiveTwoItemScreenAsksForTheFullInstrument() {
        Triage.Recommendation r = recommend(List.of(), new ScoreSummary("PHQ-2", 3, "positive"));
        assertEquals(Pathway.COACHING_WITH_MONITORING, r.pathway());
        assertEquals(List.of("phq2-positive"), rules(r));
    }

    @Test
    void nothingIndicatedIsCoachingWithItsReason() {
        Triage.Recommendation r = recommend(List.of());
        assertEquals(Pathway.COACHING, r.pathway());
        assertEquals(List.of("no-indication"), rules(r));
    }

    @Test
    void aTenantPolicyMovesTheThresholds() {
        TriagePolicy cautious = new TriagePolicy(12, 12, 8, 8, 3, 3, 8, 3, false);
        assertEquals(
                Pathway.THERAPY,
                Triage.recommend(List.of(new ScoreSummary("PHQ-9", 12, "moderate")), List.of(), cautious)
                        .pathway());
    }
}
