package org.praxis.assessment.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Self and assessor ratings per competence of one practitioner's latest assessment on the framework
 * it was opened against ({@code assessment} null and nothing rated before the first), side by side and
 * never averaged. A gap is a competence an assessor has not yet rated competent or above, or a
 * metacompetence or the foundational competence an assessor rated below competent (those are not
 * required, so unrated is no gap); {@code difference} is how many levels the assessor's rating lies
 * above (positive) or below (negative) the practitioner's own.
 */
public record CompetenceProfile(
        String practitionerId, CompetenceFramework framework, Assessment assessment, List<Line> lines) {

    public record Line(
            CompetenceFramework.Item competence, Rating self, Rating assessor, boolean gap, Integer difference) {}

    public static CompetenceProfile of(
            String practitionerId, CompetenceFramework framework, Assessment assessment, List<Rating> ratings) {
        Map<String, Rating> self = bySource(ratings, Rating.SELF);
        Map<String, Rating> assessor = bySource(ratings, Rating.ASSESSOR);
        List<Line> lines = framework.items().stream()
                .filter(i -> CompetenceFramework.COMPETENCE.equals(i.type())
                        || CompetenceFramework.METACOMPETENCE.equals(i.type())
                        || CompetenceFramework.FOUNDATIONAL.equals(i.type()))
                .map(i -> {
                    Rating s = self.get(i.code());
                    Rating a = assessor.get(i.code());
                    boolean gap = a == null
                            ? CompetenceFramework.COMPETENCE.equals(i.type())
                            : !RatingLevel.of(a.level).atLeastCompetent();
                    Integer difference = s == null || a == null
                            ? null
                            : RatingLevel.of(a.level).ordinal()
                                    - RatingLevel.of(s.level).ordinal();
                    return new Line(i, s, a, gap, difference);
                })
                .toList();
        return new CompetenceProfile(practitionerId, framework, assessment, lines);
    }

    /** The codes of the gaps, in framework order. */
    public List<String> gaps() {
        return lines.stream().filter(Line::gap).map(l -> l.competence().code()).toList();
    }

    private static Map<String, Rating> bySource(List<Rating> ratings, String source) {
        return ratings.stream()
                .filter(r -> source.equals(r.source))
                .collect(Collectors.toMap(r -> r.competenceCode, Function.identity(), (x, y) -> y));
    }
}
