package org.praxis.intake.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recommends a pathway from the latest score of each instrument and the open risk flags. Every rule
 * that fired is listed; the pathway is the most intensive among them. A practitioner decides.
 */
public final class Triage {
    /** Open flags listed one reason each; any beyond are counted in one more reason. */
    static final int LISTED_FLAGS = 20;
    /** Instruments with a default rule below (PHQ-9, GAD-7, WHO-5, WSAS, PHQ-2, GAD-2): one reason each at most. */
    static final int SCORE_RULES = 6;

    public static final int MAX_REASONS = LISTED_FLAGS + 1 + SCORE_RULES;

    private Triage() {}

    /** The latest score of one instrument for the intake. */
    public record ScoreSummary(String instrument, int total, String severity) {}

    /** The first score of each instrument among {@code newestFirst}: its latest, in the order first seen. */
    public static List<ScoreSummary> latestOfEach(List<ScoreSummary> newestFirst) {
        Map<String, ScoreSummary> latest = new LinkedHashMap<>();
        newestFirst.forEach(s -> latest.putIfAbsent(s.instrument(), s));
        return List.copyOf(latest.values());
    }

    public record Reason(String rule, Pathway pathway, String detail) {}

    public record Recommendation(Pathway pathway, List<Reason> reasons) {}

    public static Recommendation recommend(
            List<ScoreSummary> latest, List<String> openRiskFlagCodes, TriagePolicy policy) {
        List<Reason> reasons = new ArrayList<>();
        for (String flag : openRiskFlagCodes.subList(0, Math.min(LISTED_FLAGS, openRiskFlagCodes.size()))) {
            reasons.add(new Reason("open-risk-flag", Pathway.URGENT, "risk flag " + flag + " is open"));
        }
        if (openRiskFlagCodes.size() > LISTED_FLAGS) {
            reasons.add(new Reason(
                    "open-risk-flag",
                    Pathway.URGENT,
                    (openRiskFlagCodes.size() - LISTED_FLAGS) + " more risk flags are open"));
        }
        for (ScoreSummary s : latest) {
            switch (s.instrument()) {
                case BuiltInInstruments.PHQ9 ->
                    tiered(reasons, s, "phq9", policy.phq9Therapy(), policy.phq9Integrated(), policy.phq9Monitoring());
                case BuiltInInstruments.GAD7 ->
                    tiered(reasons, s, "gad7", policy.gad7Therapy(), policy.gad7Integrated(), policy.gad7Monitoring());
                case BuiltInInstruments.WHO5 -> {
                    if ("poor".equals(s.severity())) {
                        reasons.add(new Reason(
                                "who5-poor",
                                Pathway.COACHING_WITH_MONITORING,
                                "WHO-5 raw " + s.total() + " shows poor wellbeing; further screening indicated"));
                    }
                }
                case BuiltInInstruments.WSAS -> {
                    if (s.total() >= policy.wsasMonitoring()) {
                        reasons.add(new Reason(
                                "wsas-impairment",
                                Pathway.COACHING_WITH_MONITORING,
                                detail(s, policy.wsasMonitoring())));
                    }
                }
                case BuiltInInstruments.PHQ2, BuiltInInstruments.GAD2 -> {
                    if ("positive".equals(s.severity())) {
                        String full = s.instrument().equals(BuiltInInstruments.PHQ2) ? "PHQ-9" : "GAD-7";
                        reasons.add(new Reason(
                                s.instrument().toLowerCase().replace("-", "") + "-positive",
                                Pathway.COACHING_WITH_MONITORING,
                                s.instrument() + " " + s.total() + " is a positive screen; give the full " + full));
                    }
                }
                default -> {
                    // Other instruments inform the practitioner but drive no default rule.
                }
            }
        }
        if (reasons.isEmpty()) {
            return new Recommendation(
                    Pathway.COACHING,
                    List.of(new Reason(
                            "no-indication",
                            Pathway.COACHING,
                            "no screening result or risk flag indicates more than coaching")));
        }
        Pathway pathway = reasons.stream()
                .map(Reason::pathway)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return new Recommendation(pathway, List.copyOf(reasons));
    }

    /** PHQ-9 and GAD-7: therapy, integrated or monitoring by the highest threshold the total reaches. */
    private static void tiered(
            List<Reason> reasons, ScoreSummary s, String rule, int therapy, int integrated, int monitoring) {
        if (s.total() >= therapy) {
            reasons.add(new Reason(rule + "-therapy", Pathway.THERAPY, detail(s, therapy)));
        } else if (s.total() >= integrated) {
            reasons.add(new Reason(rule + "-integrated", Pathway.INTEGRATED, detail(s, integrated)));
        } else if (s.total() >= monitoring) {
            reasons.add(new Reason(rule + "-monitoring", Pathway.COACHING_WITH_MONITORING, detail(s, monitoring)));
        }
    }

    private static String detail(ScoreSummary s, int threshold) {
        return s.instrument() + " total " + s.total() + " (" + s.severity() + ") is at or above " + threshold;
    }
}
