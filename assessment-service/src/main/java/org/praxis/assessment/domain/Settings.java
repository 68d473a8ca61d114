package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.praxis.assessment.domain.access.SettingsPolicy;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.settings.TenantSettings;

/**
 * The tenant's current framework and its eligibility minimums; until an admin sets them, the
 * built-in framework with 100 practice hours and 10 supervision hours.
 */
@ApplicationScoped
public class Settings {
    public static final int DEFAULT_PRACTICE_MINUTES = 100 * 60;
    public static final int DEFAULT_SUPERVISION_MINUTES = 10 * 60;

    public record Values(
            String frameworkCode, int frameworkVersion, int minPracticeMinutes, int minSupervisionMinutes) {}

    static final TenantSettings.Kind<Values, AssessmentSettings> KIND = new TenantSettings.Kind<>(
            "assessment-settings",
            AssessmentSettings.class,
            AssessmentSettings::new,
            new Values(
                    BuiltInFramework.CODE,
                    BuiltInFramework.VERSION,
                    DEFAULT_PRACTICE_MINUTES,
                    DEFAULT_SUPERVISION_MINUTES));

    @Inject
    TenantSettings settings;

    @Inject
    Frameworks frameworks;

    @Inject
    AccessPolicies policies;

    @Inject
    Eligibility eligibility;

    public Values current() {
        return settings.current(KIND).settings();
    }

    /** What a new assessment cycle is against: the framework it names (422 if the tenant has none such), else the current one. */
    public CompetenceFramework frameworkToAssess(String code, Integer version) {
        if (code == null) {
            Values s = current();
            return frameworks.get(s.frameworkCode(), s.frameworkVersion());
        }
        try {
            return frameworks.get(code, version);
        } catch (ProblemException e) {
            throw ProblemException.unprocessable(
                    "No such framework", List.of(new Violation("frameworkCode", "is not a framework of your tenant")));
        }
    }

    /** The current settings and their revision, for a caller who may read them ({@link SettingsPolicy}). */
    public TenantSettings.Current<Values> read() {
        TenantSettings.Current<Values> c = settings.current(KIND);
        policies.settings().requireView(policies.caller(), c.settings(), "of your tenant");
        return c;
    }

    /** Replaces them and, in the same transaction, recomputes every practitioner's eligibility against them. */
    @Transactional
    public TenantSettings.Current<Values> replace(Values values, String ifMatch) {
        policies.settings().require(policies.caller(), SettingsPolicy.Action.REPLACE, current(), "of your tenant");
        try {
            frameworks.get(values.frameworkCode(), values.frameworkVersion());
        } catch (ProblemException e) {
            throw ProblemException.unprocessable(
                    "No such framework version",
                    List.of(new Violation(
                            "frameworkVersion", "is not a published version of " + values.frameworkCode())));
        }
        TenantSettings.Current<Values> replaced = settings.replace(KIND, values, ifMatch);
        eligibility.refreshEveryone();
        return replaced;
    }
}
