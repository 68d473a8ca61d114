package org.praxis.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The profile against worked ratings, without Quarkus. */
class CompetenceProfileTest {
    private static final CompetenceFramework F = new CompetenceFramework(
            "tiny",
            1,
            "Tiny",
            "doc",
            List.of(
                    item("D1", CompetenceFramework.DOMAIN, "doc"),
                    item("D1.A1", CompetenceFramework.AREA, "D1"),
                    item("D1.A1.1", CompetenceFramework.COMPETENCE, "D1.A1"),
                    item("D1.A1.2", CompetenceFramework.COMPETENCE, "D1.A1"),
                    item("D1.A1.3", CompetenceFramework.COMPETENCE, "D1.A1"),
                    item("D1.A1.M", CompetenceFramework.METACOMPETENCE, "D1.A1"),
                    item("D1.A1.N", CompetenceFramework.METACOMPETENCE, "D1.A1"),
                    item("F", CompetenceFramework.FOUNDATIONAL, "doc")),
            List.of());

    private static CompetenceFramework.Item item(String code, String type, String parent) {
        return new CompetenceFramework.Item(code, code, type, "Statement of " + code, parent);
    }

    private static Rating rating(String code, String source, String level) {
        Rating r = new Rating();
        r.competenceCode = code;
        r.source = source;
        r.level = level;
        return r;
    }

    private static Map<String, CompetenceProfile.Line> byCode(CompetenceProfile p) {
        return p.lines().stream().collect(Collectors.toMap(l -> l.competence().code(), Function.identity()));
    }

    @Test
    void sideBySideWithTheDifferenceInLevelsAndTheGaps() {
        CompetenceProfile p = CompetenceProfile.of(
                "casey",
                F,
                null,
                List.of(
                        rating("D1.A1.1", Rating.SELF, "developing"),
                        rating("D1.A1.1", Rating.ASSESSOR, "competent"),
                        rating("D1.A1.2", Rating.SELF, "advanced"),
                        rating("D1.A1.2", Rating.ASSESSOR, "developing"),
                        rating("D1.A1.3", Rating.SELF, "competent"),
                        rating("D1.A1.N", Rating.ASSESSOR, "advanced"),
                        rating("F", Rating.ASSESSOR, "not-yet")));
        Map<String, CompetenceProfile.Line> lines = byCode(p);

        assertEquals(
                List.of("D1.A1.1", "D1.A1.2", "D1.A1.3", "D1.A1.M", "D1.A1.N", "F"),
                p.lines().stream().map(l -> l.competence().code()).toList(),
                "competences in framework order, no domains or areas");
        assertEquals(1, lines.get("D1.A1.1").difference(), "assessor competent over self developing: one level above");
        assertEquals(-2, lines.get("D1.A1.2").difference(), "assessor developing under self advanced: two below");
        assertNull(lines.get("D1.A1.3").difference(), "no assessor rating, no difference");
        assertEquals("competent", lines.get("D1.A1.3").self().level, "ratings are kept, never averaged");
        assertEquals(
                List.of("D1.A1.2", "D1.A1.3", "F"),
                p.gaps(),
                "below competent, a competence unrated by the assessor, the foundational competence rated not-yet;"
                        + " an unrated metacompetence is no gap");
    }

    @Test
    void beforeAnyAssessmentEveryCompetenceIsAGapAndNothingElse() {
        CompetenceProfile p = CompetenceProfile.of("casey", F, null, List.of());
        assertEquals(List.of("D1.A1.1", "D1.A1.2", "D1.A1.3"), p.gaps());
        assertEquals(
                Arrays.asList(null, null, null, null, null, null),
                p.lines().stream().map(CompetenceProfile.Line::difference).toList());
    }

    @Test
    void onTheBuiltInFrameworkEveryDomainCompetenceIsAGapUntilRated() {
        CompetenceFramework builtIn = BuiltInFramework.framework();
        CompetenceProfile p = CompetenceProfile.of("casey", builtIn, null, List.of());
        assertEquals(
                builtIn.competencesOf("D1").size() + builtIn.competencesOf("D2").size(),
                p.gaps().size());
    }
}
