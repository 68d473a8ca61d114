package org.praxis.assessment.domain;

import java.util.Arrays;
import java.util.List;

/** The rating scale, in rising order. Self and assessor ratings use it apart and are never averaged. */
public enum RatingLevel {
    NOT_YET("not-yet"),
    DEVELOPING("developing"),
    COMPETENT("competent"),
    ADVANCED("advanced");

    public final String code;

    RatingLevel(String code) {
        this.code = code;
    }

    public static RatingLevel of(String code) {
        return Arrays.stream(values())
                .filter(l -> l.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("level must be one of " + codes()));
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(l -> l.code).toList();
    }

    public boolean atLeastCompetent() {
        return compareTo(COMPETENT) >= 0;
    }
}
