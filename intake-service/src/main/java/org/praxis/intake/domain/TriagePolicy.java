package org.praxis.intake.domain;

import java.util.ArrayList;
import java.util.List;
import org.praxis.platform.problem.Violation;

/**
 * A tenant's triage thresholds; {@link #defaults()} are DESIGN.md's. Each threshold is "at or above".
 * {@code screenPositiveThreshold}: PHQ-2's positive total (GAD-2's stays at DESIGN's 3). {@code coachesMayClaim}: whether a coach may claim an intake waiting for assignment (default false:
 * only supervisors assign).
 */
public record TriagePolicy(
        int phq9Therapy,
        int gad7Therapy,
        int phq9Integrated,
        int gad7Integrated,
        int phq9Monitoring,
        int gad7Monitoring,
        int wsasMonitoring,
        int screenPositiveThreshold,
        boolean coachesMayClaim) {

    public static TriagePolicy defaults() {
        return new TriagePolicy(15, 15, 10, 10, 5, 5, 10, 3, false);
    }

    /** Thresholds must keep their order, or a severe score could recommend less than a moderate one. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        check(
                violations,
                phq9Monitoring >= 1
                        && phq9Monitoring <= phq9Integrated
                        && phq9Integrated <= phq9Therapy
                        && phq9Therapy <= 27,
                "PHQ-9 thresholds must satisfy 1 <= monitoring <= integrated <= therapy <= 27");
        check(
                violations,
                gad7Monitoring >= 1
                        && gad7Monitoring <= gad7Integrated
                        && gad7Integrated <= gad7Therapy
                        && gad7Therapy <= 21,
                "GAD-7 thresholds must satisfy 1 <= monitoring <= integrated <= therapy <= 21");
        check(violations, wsasMonitoring >= 1 && wsasMonitoring <= 40, "WSAS threshold must be between 1 and 40");
        check(
                violations,
                screenPositiveThreshold >= 1 && screenPositiveThreshold <= 6,
                "PHQ-2 threshold must be between 1 and 6");
        return violations;
    }

    private static void check(List<Violation> violations, boolean ok, String message) {
        if (!ok) {
            violations.add(new Violation("policy", message));
        }
    }
}
