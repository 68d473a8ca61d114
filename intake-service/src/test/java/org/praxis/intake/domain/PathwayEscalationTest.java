package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.praxis.intake.domain.PathwayEscalation.BandChange;
import org.praxis.intake.domain.Triage.ScoreSummary;

class PathwayEscalationTest {

    @ParameterizedTest(name = "decided {0}, {1} -> {2}: {3}")
    @CsvSource({
        // A coaching pathway decided, the recomputed one crosses into therapy or urgent help: a flag.
        "coaching,                 coaching,                 therapy,    elevated",
        "coaching-with-monitoring, coaching-with-monitoring, therapy,    elevated",
        "coaching-with-monitoring, integrated,               therapy,    elevated",
        "integrated,               integrated,               therapy,    elevated",
        "coaching-with-monitoring, integrated,               urgent,     serious",
        "coaching,                 coaching,                 urgent,     serious",
        // From therapy on to urgent help is a crossing of its own, at the more severe level.
        "coaching-with-monitoring, therapy,                  urgent,     serious",
        // Staying there, or moving below therapy: none.
        "coaching-with-monitoring, therapy,                  therapy,    -",
        "coaching-with-monitoring, urgent,                   urgent,     -",
        "coaching-with-monitoring, urgent,                   therapy,    -",
        "coaching-with-monitoring, coaching,                 integrated, -",
        "coaching-with-monitoring, therapy,                  integrated, -",
        // Support work and no intervention are below therapy too: crossing from them is flagged alike.
        "support-work,             support-work,             therapy,    elevated",
        "no-intervention,          no-intervention,          therapy,    elevated",
        "no-intervention,          coaching,                 urgent,     serious",
        "support-work,             coaching-with-monitoring, support-work, -",
        "coaching,                 support-work,             integrated, -",
        // Therapy or urgent help decided: nothing to escalate from.
        "therapy,                  coaching,                 therapy,    -",
        "therapy,                  therapy,                  urgent,     -",
        "urgent,                   coaching,                 urgent,     -"
    })
    void aFlagOnlyWhenTheRecommendationCrossesIntoTherapyOrUrgentHelpFromACoachingDecision(
            String decided, String before, String after, String level) {
        assertEquals(
                "-".equals(level) ? Optional.empty() : Optional.of(level),
                PathwayEscalation.level(Pathway.of(decided), Pathway.of(before), Pathway.of(after)));
    }

    @Test
    void urgentHelpIsTheMostSevereLevelARiskFlagKnows() {
        assertEquals(
                Optional.of(RiskFlag.LEVELS.get(0)),
                PathwayEscalation.level(Pathway.COACHING, Pathway.COACHING, Pathway.URGENT));
    }

    @Test
    void changesListTheInstrumentsWhoseBandMovedFromWhatTheDecisionSaw() {
        List<ScoreSummary> atDecision = List.of(
                new ScoreSummary("PHQ-9", 6, "mild"),
                new ScoreSummary("GAD-7", 4, "minimal"),
                new ScoreSummary("WSAS", 12, "significant"));
        List<ScoreSummary> latest = List.of(
                new ScoreSummary("WHO-5", 10, "poor"),
                new ScoreSummary("PHQ-9", 17, "moderately-severe"),
                new ScoreSummary("GAD-7", 2, "minimal"),
                new ScoreSummary("WSAS", 8, "subclinical"));
        assertEquals(
                List.of(
                        new BandChange("WHO-5", null, null, "poor", 10),
                        new BandChange("PHQ-9", "mild", 6, "moderately-severe", 17),
                        new BandChange("WSAS", "significant", 12, "subclinical", 8)),
                PathwayEscalation.changes(atDecision, latest));
        assertEquals(List.of(), PathwayEscalation.changes(latest, latest));
    }

    @Test
    void theLatestOfEachInstrumentIsItsFirstAmongScoresNewestFirst() {
        assertEquals(
                List.of(new ScoreSummary("PHQ-9", 17, "moderately-severe"), new ScoreSummary("GAD-7", 3, "minimal")),
                Triage.latestOfEach(List.of(
                        new ScoreSummary("PHQ-9", 17, "moderately-severe"),
                        new ScoreSummary("GAD-7", 3, "minimal"),
                        new ScoreSummary("PHQ-9", 6, "mild"),
                        new ScoreSummary("GAD-7", 12, "moderate"))));
        assertEquals(List.of(), Triage.latestOfEach(List.of()));
    }

    @Test
    void aTwoItemScreenCountsOnlyUntilItsFullInstrumentIsScored() {
        ScoreSummary phq2 = new ScoreSummary("PHQ-2", 3, "positive");
        ScoreSummary phq9 = new ScoreSummary("PHQ-9", 3, "minimal");
        ScoreSummary gad2 = new ScoreSummary("GAD-2", 4, "positive");
        // Newest first: the PHQ-9 came after the PHQ-2, the GAD-2 after everything (its GAD-7 not given yet).
        assertEquals(List.of(gad2, phq9), Triage.latestOfEach(List.of(gad2, phq9, phq2)));
        // A positive PHQ-2 after an older PHQ-9 still asks for a new full PHQ-9.
        assertEquals(List.of(phq2, phq9), Triage.latestOfEach(List.of(phq2, phq9)));
        assertEquals(
                List.of("no-indication"),
                Triage.recommend(Triage.latestOfEach(List.of(phq9, phq2)), List.of(), TriagePolicy.defaults())
                        .reasons()
                        .stream()
                        .map(Triage.Reason::rule)
                        .toList());
    }
}
