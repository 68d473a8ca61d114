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

    /*
     * How far a tenant may move a threshold: down freely (more cautious), up no further than the published band
     * that must never be offered less. Severe depression (PHQ-9 20+) or anxiety (GAD-7 15+) is always at least
     * therapy; a moderate score (10+) always at least monitored; WSAS's moderately severe impairment (21+) always
     * monitored; PHQ-2 positive no later than its published 3.
     */
    public static final int PHQ9_THERAPY_AT_MOST = 20;
    public static final int GAD7_THERAPY_AT_MOST = 15;
    public static final int MONITORING_AT_MOST = 10;
    public static final int WSAS_MONITORING_AT_MOST = 21;
    public static final int PHQ2_POSITIVE_AT_MOST = 3;

    public static TriagePolicy defaults() {
        return new TriagePolicy(15, 15, 10, 10, 5, 5, 10, 3, false);
    }

    /**
     * Thresholds must keep their order, or a severe score could recommend less than a moderate one, and stay
     * within the caps above, or a tenant could send severe depression to coaching.
     */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        check(
                violations,
                phq9Monitoring >= 1
                        && phq9Monitoring <= phq9Integrated
                        && phq9Integrated <= phq9Therapy
                        && phq9Therapy <= PHQ9_THERAPY_AT_MOST
                        && phq9Monitoring <= MONITORING_AT_MOST,
                "PHQ-9 thresholds must satisfy 1 <= monitoring <= integrated <= therapy, with therapy at most "
                        + PHQ9_THERAPY_AT_MOST + " (severe) and monitoring at most " + MONITORING_AT_MOST
                        + " (moderate)");
        check(
                violations,
                gad7Monitoring >= 1
                        && gad7Monitoring <= gad7Integrated
                        && gad7Integrated <= gad7Therapy
                        && gad7Therapy <= GAD7_THERAPY_AT_MOST
                        && gad7Monitoring <= MONITORING_AT_MOST,
                "GAD-7 thresholds must satisfy 1 <= monitoring <= integrated <= therapy, with therapy at most "
                        + GAD7_THERAPY_AT_MOST + " (severe) and monitoring at most " + MONITORING_AT_MOST
                        + " (moderate)");
        check(
                violations,
                wsasMonitoring >= 1 && wsasMonitoring <= WSAS_MONITORING_AT_MOST,
                "WSAS threshold must be between 1 and " + WSAS_MONITORING_AT_MOST);
        check(
                violations,
                screenPositiveThreshold >= 1 && screenPositiveThreshold <= PHQ2_POSITIVE_AT_MOST,
                "PHQ-2 threshold must be between 1 and " + PHQ2_POSITIVE_AT_MOST);
        return violations;
    }

    private static void check(List<Violation> violations, boolean ok, String message) {
        if (!ok) {
            violations.add(new Violation("policy", message));
        }
    }
}
