package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
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
                new ScoreSummary("GAD-2", 6, "positive"),
                readiness(0, 0, 1));
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

    /** A real COACHING-READINESS screening, scored and banded by the built-in instrument. */
    private static ScoreSummary readiness(int motivation, int time, int inTherapy) {
        Map<String, Integer> answers = Map.of("1", motivation, "2", time, "3", inTherapy, "4", 0);
        Score score = Scorer.score(
                BuiltInInstruments.byCode(BuiltInInstruments.READINESS).orElseThrow(), answers);
        return new ScoreSummary(BuiltInInstruments.READINESS, score.total(), score.severity(), answers);
    }

    @ParameterizedTest(name = "readiness {0}+{1} -> {2}")
    @CsvSource({"0,0,support-work", "2,1,support-work", "2,2,coaching", "1,3,coaching", "4,4,coaching"})
    void notReadyForCoachingIsSupportWorkFirst(int motivation, int time, String pathway) {
        Triage.Recommendation r = recommend(List.of(), readiness(motivation, time, 0));
        assertEquals(pathway, r.pathway().code());
        assertEquals(
                pathway.equals("support-work") ? List.of("readiness-not-ready") : List.of("no-indication"), rules(r));
    }

    @Test
    void aClinicalIndicationStillWinsOverSupportWork() {
        Triage.Recommendation r = recommend(List.of(), readiness(1, 1, 0), new ScoreSummary("PHQ-9", 15, "x"));
        assertEquals(Pathway.THERAPY, r.pathway());
        assertEquals(List.of("readiness-not-ready", "phq9-therapy"), rules(r));
        assertEquals(
                Pathway.SUPPORT_WORK,
                recommend(List.of(), readiness(1, 1, 0), new ScoreSummary("PHQ-9", 5, "x"))
                        .pathway());
    }

    @ParameterizedTest(name = "in therapy {0} -> {1}")
    @CsvSource({"0,coaching", "1,coaching-with-monitoring"})
    void seeingATherapistNowMeansCoachingBesideItWithMonitoring(int inTherapy, String pathway) {
        Triage.Recommendation r = recommend(List.of(), readiness(4, 4, inTherapy));
        assertEquals(pathway, r.pathway().code());
        assertEquals(inTherapy == 1 ? List.of("in-therapy") : List.of("no-indication"), rules(r));
        // It sets a floor only: a higher indication still wins.
        assertEquals(
                Pathway.INTEGRATED,
                recommend(List.of(), readiness(4, 4, inTherapy), new ScoreSummary("GAD-7", 10, "x"))
                        .pathway());
    }

    @Test
    void noHelpWantedIsNoInterventionOnlyWhenNothingIndicatesNeed() {
        Triage.Recommendation none = Triage.recommend(List.of(), List.of(), DEFAULTS, true);
        assertEquals(Pathway.NO_INTERVENTION, none.pathway());
        assertEquals(List.of("no-help-wanted"), rules(none));
        assertEquals(
                Pathway.NO_INTERVENTION,
                Triage.recommend(List.of(new ScoreSummary("PHQ-9", 4, "minimal")), List.of(), DEFAULTS, true)
                        .pathway());
        // The lowest score that indicates anything keeps the indicated pathway, whatever the person prefers.
        Triage.Recommendation indicated =
                Triage.recommend(List.of(new ScoreSummary("PHQ-9", 5, "mild")), List.of(), DEFAULTS, true);
        assertEquals(Pathway.COACHING_WITH_MONITORING, indicated.pathway());
        assertEquals(List.of("phq9-monitoring"), rules(indicated));
        assertEquals(
                Pathway.SUPPORT_WORK,
                Triage.recommend(List.of(readiness(0, 0, 0)), List.of(), DEFAULTS, true)
                        .pathway());
        assertEquals(
                Pathway.URGENT,
                Triage.recommend(List.of(), List.of("recent-crisis"), DEFAULTS, true)
                        .pathway());
    }

    @Test
    void supportWorkAndNoInterventionDraftNoCoachingEngagement() {
        assertEquals(EngagementDraft.NOT_A_COACHING_PATHWAY, EngagementDraft.of(Pathway.SUPPORT_WORK, "c", "p"));
        assertEquals(EngagementDraft.NOT_A_COACHING_PATHWAY, EngagementDraft.of(Pathway.NO_INTERVENTION, "c", "p"));
        assertEquals(EngagementDraft.REQUESTED, EngagementDraft.of(Pathway.COACHING_WITH_MONITORING, "c", "p"));
    }

    @Test
    void everyRuleIsNamedInTheListOfRules() {
        List<String> fired = new java.util.ArrayList<>();
        fired.addAll(rules(recommend(List.of())));
        fired.addAll(rules(Triage.recommend(List.of(), List.of(), DEFAULTS, true)));
        for (int total : new int[] {5, 10, 15}) {
            fired.addAll(rules(recommend(
                    List.of("f"),
                    new ScoreSummary("PHQ-9", total, "x"),
                    new ScoreSummary("GAD-7", total, "x"),
                    new ScoreSummary("WHO-5", 0, "poor"),
                    new ScoreSummary("WSAS", 40, "x"),
                    new ScoreSummary("PHQ-2", 6, "positive"),
                    new ScoreSummary("GAD-2", 6, "positive"),
                    readiness(0, 0, 1))));
        }
        assertEquals(new java.util.TreeSet<>(Triage.RULES), new java.util.TreeSet<>(fired));
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
