package org.praxis.assessment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a practitioner may do, computed and never typed in. {@code core-coaching}: an assessor rated
 * every Domain One competence of the current framework competent or above, and the tenant's minimum
 * practice and supervision hours are reached. {@code integrated-practice}: core coaching, every
 * Domain Two competence rated competent or above by an assessor, and a therapy registration current
 * today (it stops counting on the day it expires). Self ratings never count. Hours and registrations
 * count only once verified; the inputs carry verified minutes, and the minutes still awaiting
 * verification only for the explanation.
 */
public final class EligibilityRules {
    public static final String CORE_COACHING = "core-coaching";
    public static final String INTEGRATED_PRACTICE = "integrated-practice";
    public static final List<String> ELIGIBILITIES = List.of(CORE_COACHING, INTEGRATED_PRACTICE);

    static final String DOMAIN_ONE_ASSESSED = "domain-one-assessed-competent";
    static final String PRACTICE_HOURS = "practice-hours";
    static final String SUPERVISION_HOURS = "supervision-hours";
    static final String DOMAIN_TWO_ASSESSED = "domain-two-assessed-competent";
    static final String THERAPY_REGISTRATION = "current-therapy-registration";
    /** Every requirement's name, in the order {@link #evaluate} answers them (core coaching is one of integrated practice's). */
    public static final List<String> REQUIREMENTS = List.of(
            DOMAIN_ONE_ASSESSED,
            PRACTICE_HOURS,
            SUPERVISION_HOURS,
            CORE_COACHING,
            DOMAIN_TWO_ASSESSED,
            THERAPY_REGISTRATION);

    private EligibilityRules() {}

    public record Inputs(
            CompetenceFramework framework,
            Map<String, RatingLevel> assessorRatings,
            int practiceMinutes,
            int supervisionMinutes,
            int minPracticeMinutes,
            int minSupervisionMinutes,
            List<LocalDate> therapyRegistrationExpiries,
            LocalDate today,
            int pendingPracticeMinutes,
            int pendingSupervisionMinutes,
            List<LocalDate> pendingRegistrationExpiries) {
        public Inputs(
                CompetenceFramework framework,
                Map<String, RatingLevel> assessorRatings,
                int practiceMinutes,
                int supervisionMinutes,
                int minPracticeMinutes,
                int minSupervisionMinutes,
                List<LocalDate> therapyRegistrationExpiries,
                LocalDate today) {
            this(
                    framework,
                    assessorRatings,
                    practiceMinutes,
                    supervisionMinutes,
                    minPracticeMinutes,
                    minSupervisionMinutes,
                    therapyRegistrationExpiries,
                    today,
                    0,
                    0,
                    List.of());
        }
    }

    /** One requirement, met or not; {@code missing} names the competences still short of competent. */
    public record Requirement(
            String eligibility, String requirement, boolean met, String detail, List<String> missing) {}

    public record Result(List<String> eligibilities, List<Requirement> requirements) {}

    public static Result evaluate(Inputs in) {
        List<Requirement> requirements = new ArrayList<>();
        Requirement d1 = assessed(CORE_COACHING, DOMAIN_ONE_ASSESSED, "D1", in);
        Requirement practice = new Requirement(
                CORE_COACHING,
                PRACTICE_HOURS,
                in.practiceMinutes() >= in.minPracticeMinutes(),
                hours(in.practiceMinutes()) + " of " + hours(in.minPracticeMinutes()) + " practice hours"
                        + pending(in.pendingPracticeMinutes()),
                List.of());
        Requirement supervision = new Requirement(
                CORE_COACHING,
                SUPERVISION_HOURS,
                in.supervisionMinutes() >= in.minSupervisionMinutes(),
                hours(in.supervisionMinutes()) + " of " + hours(in.minSupervisionMinutes()) + " supervision hours"
                        + pending(in.pendingSupervisionMinutes()),
                List.of());
        requirements.add(d1);
        requirements.add(practice);
        requirements.add(supervision);
        boolean core = d1.met() && practice.met() && supervision.met();

        Requirement coreMet = new Requirement(
                INTEGRATED_PRACTICE,
                CORE_COACHING,
                core,
                core ? "eligible for core coaching" : "not yet eligible for core coaching",
                List.of());
        Requirement d2 = assessed(INTEGRATED_PRACTICE, DOMAIN_TWO_ASSESSED, "D2", in);
        boolean registered = in.therapyRegistrationExpiries().stream().anyMatch(d -> d.isAfter(in.today()));
        Requirement registration = new Requirement(
                INTEGRATED_PRACTICE,
                THERAPY_REGISTRATION,
                registered,
                registered
                        ? "a therapy registration is current"
                        : "no therapy registration current on " + in.today()
                                + (in.pendingRegistrationExpiries().stream().anyMatch(d -> d.isAfter(in.today()))
                                        ? " (one awaits an admin's verification)"
                                        : ""),
                List.of());
        requirements.add(coreMet);
        requirements.add(d2);
        requirements.add(registration);
        boolean integrated = core && d2.met() && registered;

        List<String> eligibilities = new ArrayList<>();
        if (core) {
            eligibilities.add(CORE_COACHING);
        }
        if (integrated) {
            eligibilities.add(INTEGRATED_PRACTICE);
        }
        return new Result(List.copyOf(eligibilities), List.copyOf(requirements));
    }

    private static Requirement assessed(String eligibility, String name, String domain, Inputs in) {
        List<CompetenceFramework.Item> competences = in.framework().competencesOf(domain);
        if (competences.isEmpty()) {
            return new Requirement(
                    eligibility,
                    name,
                    false,
                    "the framework has no competences under a domain coded " + domain,
                    List.of());
        }
        List<String> missing = competences.stream()
                .map(CompetenceFramework.Item::code)
                .filter(c -> in.assessorRatings().get(c) == null
                        || !in.assessorRatings().get(c).atLeastCompetent())
                .toList();
        return new Requirement(
                eligibility,
                name,
                missing.isEmpty(),
                (competences.size() - missing.size()) + " of " + competences.size() + " " + domain
                        + " competences rated competent or above by an assessor",
                missing);
    }

    private static String pending(int minutes) {
        return minutes > 0 ? " (" + hours(minutes) + " more awaiting verification)" : "";
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0
                ? Integer.toString(minutes / 60)
                : String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
    }
}
