package org.praxis.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EligibilityRulesTest {
    private static final CompetenceFramework F = BuiltInFramework.framework();
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private static Map<String, RatingLevel> allCompetent() {
        Map<String, RatingLevel> ratings = new HashMap<>();
        F.competencesOf("D1").forEach(i -> ratings.put(i.code(), RatingLevel.COMPETENT));
        F.competencesOf("D2").forEach(i -> ratings.put(i.code(), RatingLevel.ADVANCED));
        return ratings;
    }

    private static EligibilityRules.Result evaluate(
            Map<String, RatingLevel> ratings,
            int practice,
            int supervision,
            List<LocalDate> registrations,
            LocalDate today) {
        return EligibilityRules.evaluate(
                new EligibilityRules.Inputs(F, ratings, practice, supervision, 600, 120, registrations, today));
    }

    private static final List<LocalDate> CURRENT = List.of(LocalDate.parse("2027-03-31"));

    @Test
    void everythingMetMakesBoth() {
        EligibilityRules.Result r = evaluate(allCompetent(), 600, 120, CURRENT, TODAY);
        assertEquals(List.of("core-coaching", "integrated-practice"), r.eligibilities());
        assertTrue(r.requirements().stream().allMatch(EligibilityRules.Requirement::met));
        // The closed set the OpenAPI document declares is what the rules answer.
        assertEquals(
                EligibilityRules.REQUIREMENTS,
                r.requirements().stream()
                        .map(EligibilityRules.Requirement::requirement)
                        .toList());
    }

    @Test
    void oneDomainOneCompetenceShortOfCompetentKeepsBothOff() {
        Map<String, RatingLevel> ratings = allCompetent();
        ratings.put("D1.A3.3.4", RatingLevel.DEVELOPING);
        EligibilityRules.Result r = evaluate(ratings, 600, 120, CURRENT, TODAY);
        assertEquals(List.of(), r.eligibilities());
        assertEquals(List.of("D1.A3.3.4"), r.requirements().get(0).missing());
        ratings.remove("D1.A3.3.4"); // not rated at all
        assertEquals(List.of(), evaluate(ratings, 600, 120, CURRENT, TODAY).eligibilities());
    }

    @Test
    void selfRatingsNeverCountOnlyAssessorOnes() {
        // The inputs carry assessor ratings only; an empty map (a practitioner who only rated themselves) is nothing.
        assertEquals(List.of(), evaluate(Map.of(), 600, 120, CURRENT, TODAY).eligibilities());
    }

    @Test
    void tooFewPracticeOrSupervisionHoursEachKeepCoreOff() {
        assertEquals(
                List.of(), evaluate(allCompetent(), 599, 120, CURRENT, TODAY).eligibilities());
        assertEquals(
                List.of(), evaluate(allCompetent(), 600, 119, CURRENT, TODAY).eligibilities());
    }

    @Test
    void domainTwoShortfallOrNoCurrentRegistrationKeepsOnlyCore() {
        Map<String, RatingLevel> ratings = allCompetent();
        ratings.put("D2.A2.2.6", RatingLevel.NOT_YET);
        assertEquals(
                List.of("core-coaching"),
                evaluate(ratings, 600, 120, CURRENT, TODAY).eligibilities());
        assertEquals(
                List.of("core-coaching"),
                evaluate(allCompetent(), 600, 120, List.of(), TODAY).eligibilities());
    }

    @Test
    void aRegistrationStopsCountingOnTheDayItExpires() {
        LocalDate expiry = LocalDate.parse("2026-12-01");
        assertTrue(evaluate(allCompetent(), 600, 120, List.of(expiry), expiry.minusDays(1))
                .eligibilities()
                .contains("integrated-practice"));
        assertFalse(evaluate(allCompetent(), 600, 120, List.of(expiry), expiry)
                .eligibilities()
                .contains("integrated-practice"));
        assertTrue(
                evaluate(allCompetent(), 600, 120, List.of(expiry, expiry.plusYears(1)), expiry)
                        .eligibilities()
                        .contains("integrated-practice"),
                "a renewed registration counts");
    }

    @Test
    void aFrameworkWithoutDomainTwoCannotGrantIntegratedPractice() {
        CompetenceFramework onlyCore = new CompetenceFramework(
                "own",
                1,
                "Own",
                F.documentId(),
                F.items().stream().filter(i -> !i.code().startsWith("D2")).toList(),
                List.of());
        EligibilityRules.Result r = EligibilityRules.evaluate(
                new EligibilityRules.Inputs(onlyCore, allCompetent(), 600, 120, 600, 120, CURRENT, TODAY));
        assertEquals(List.of("core-coaching"), r.eligibilities());
        assertTrue(r.requirements().get(4).detail().contains("no competences under a domain coded D2"));
    }

    @Test
    void minutesAwaitingVerificationNeverCountButAreExplained() {
        EligibilityRules.Result r = EligibilityRules.evaluate(
                new EligibilityRules.Inputs(F, allCompetent(), 0, 60, 600, 120, List.of(), TODAY, 6000, 60, CURRENT));
        assertEquals(List.of(), r.eligibilities());
        assertEquals(
                "0 of 10 practice hours (100 more awaiting verification)",
                r.requirements().get(1).detail());
        assertEquals(
                "1 of 2 supervision hours (1 more awaiting verification)",
                r.requirements().get(2).detail());
        assertEquals(
                "no therapy registration current on 2026-11-24 (one awaits an admin's verification)",
                r.requirements().get(5).detail());
        assertEquals(
                "10 of 10 practice hours",
                evaluate(allCompetent(), 600, 120, CURRENT, TODAY)
                        .requirements()
                        .get(1)
                        .detail());
    }
}
