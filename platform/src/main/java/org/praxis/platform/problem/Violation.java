package org.praxis.platform.problem;

import java.util.List;

/**
 * One broken rule, named by the request field it is about: what every domain rule returns (a list,
 * empty when the input is fine) and what a 422 problem lists in its {@code errors}.
 */
public record Violation(String field, String message) {

    /** Answers one 422 naming every violation; does nothing when there is none. */
    public static void refuseAny(String detail, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(detail, violations);
        }
    }
}
