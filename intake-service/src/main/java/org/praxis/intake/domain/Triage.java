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
    /**
     * Reasons from scores: one each at most from PHQ-9, GAD-7, WHO-5, WSAS, PHQ-2 and GAD-2, two from
     * COACHING-READINESS (its band and its item 3).
     */
    static final int SCORE_RULES = 8;

    /** Every rule a reason can name; each has its client wording ({@link BuiltInWording}, {@code reason/<rule>}). */
    public static final List<String> RULES = List.of(
            "open-risk-flag",
            "phq9-therapy",
            "phq9-integrated",
            "phq9-monitoring",
            "gad7-therapy",
            "gad7-integrated",
            "gad7-monitoring",
            "who5-poor",
            "wsas-impairment",
            "phq2-positive",
            "gad2-positive",
            "readiness-not-ready",
            "in-therapy",
            "no-help-wanted",
            "no-indication");

    /** COACHING-READINESS item 3: currently seeing a therapist or counsellor (1 yes). */
    static final String IN_THERAPY_ITEM = "3";

    public static final int MAX_REASONS = LISTED_FLAGS + 1 + SCORE_RULES;

    private Triage() {}

    /**
     * The latest score of one instrument for the intake; {@code answers} only where a rule reads an item
     * (COACHING-READINESS), else empty.
     */
    public record ScoreSummary(String instrument, int total, String severity, Map<String, Integer> answers) {
        public ScoreSummary {
            answers = Map.copyOf(answers);
        }

        public ScoreSummary(String instrument, int total, String severity) {
            this(instrument, total, severity, Map.of());
        }
    }

    /** A two-item screen's full instrument: once that is scored, the short screen has done its work. */
    private static final Map<String, String> FULL_INSTRUMENT =
            Map.of(BuiltInInstruments.PHQ2, BuiltInInstruments.PHQ9, BuiltInInstruments.GAD2, BuiltInInstruments.GAD7);

    /**
     * The first score of each instrument among {@code newestFirst}: its latest, in the order first seen; a two-item
     * screen only when its full instrument was not scored after it (a positive PHQ-2 asks for the PHQ-9, whose
     * score then speaks instead).
     */
    public static List<ScoreSummary> latestOfEach(List<ScoreSummary> newestFirst) {
        Map<String, ScoreSummary> latest = new LinkedHashMap<>();
        for (ScoreSummary s : newestFirst) {
            String full = FULL_INSTRUMENT.get(s.instrument());
            if (full == null || !latest.containsKey(full)) {
                latest.putIfAbsent(s.instrument(), s);
            }
        }
        return List.copyOf(latest.values());
    }

    public record Reason(String rule, Pathway pathway, String detail) {}

    public record Recommendation(Pathway pathway, List<Reason> reasons) {}

    public static Recommendation recommend(
            List<ScoreSummary> latest, List<String> openRiskFlagCodes, TriagePolicy policy) {
        return recommend(latest, openRiskFlagCodes, policy, false);
    }

    /** @param noHelpNow the person said they want no help now (their recorded preference) */
    public static Recommendation recommend(
            List<ScoreSummary> latest, List<String> openRiskFlagCodes, TriagePolicy policy, boolean noHelpNow) {
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
                case BuiltInInstruments.READINESS -> readiness(reasons, s);
                default -> {
                    // Other instruments inform the practitioner but drive no default rule.
                }
            }
        }
        if (reasons.isEmpty() && noHelpNow) {
            // The person stays in control (seed 000: consulted first, choosing): with no indication of need, their
            // "not now" is respected rather than overridden by a default offer of coaching.
            return new Recommendation(
                    Pathway.NO_INTERVENTION,
                    List.of(new Reason(
                            "no-help-wanted",
                            Pathway.NO_INTERVENTION,
                            "nothing indicates need and the person wants no help now")));
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

    /**
     * COACHING-READINESS. Not ready (its lowest band): coaching draws on the person's own agency and
     * self-determination, which support work builds first (seed 004), so support work is recommended. Seeing a
     * therapist now (item 3): coaching then runs only beside the therapy with agreed boundaries, so at least with
     * monitoring, where how the person feels is asked again and the two professionals' scopes stay in view.
     */
    private static void readiness(List<Reason> reasons, ScoreSummary s) {
        if ("not-ready".equals(s.severity())) {
            reasons.add(new Reason(
                    "readiness-not-ready",
                    Pathway.SUPPORT_WORK,
                    s.instrument() + " total " + s.total() + " (not-ready): support before coaching"));
        }
        if (Integer.valueOf(1).equals(s.answers().get(IN_THERAPY_ITEM))) {
            reasons.add(new Reason(
                    "in-therapy",
                    Pathway.COACHING_WITH_MONITORING,
                    "currently seeing a therapist: coaching only beside the therapy, with agreed boundaries"));
        }
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
