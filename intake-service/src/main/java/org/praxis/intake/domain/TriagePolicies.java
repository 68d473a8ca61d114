package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.praxis.intake.domain.access.TriageSettingsPolicy;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.settings.TenantSettings;

/** The tenant's triage thresholds: its own if an admin set them, DESIGN.md's defaults otherwise. */
@ApplicationScoped
public class TriagePolicies {
    static final TenantSettings.Kind<TriagePolicy, TenantTriagePolicy> KIND = new TenantSettings.Kind<>(
            "triage-policy", TenantTriagePolicy.class, TenantTriagePolicy::new, TriagePolicy.defaults());

    @Inject
    TenantSettings settings;

    @Inject
    CallerContext callerContext;

    /** The settings as a caller reads them through the API. */
    public TenantSettings.Current<TriagePolicy> read() {
        new TriageSettingsPolicy().requireAllowed(callerContext.caller(), TriageSettingsPolicy.Action.VIEW);
        return settings.current(KIND);
    }

    public TriagePolicy current() {
        return settings.current(KIND).settings();
    }

    @Transactional
    public TenantSettings.Current<TriagePolicy> replace(TriagePolicy policy, String ifMatch) {
        new TriageSettingsPolicy().requireAllowed(callerContext.caller(), TriageSettingsPolicy.Action.REPLACE);
        Violation.refuseAny("The triage thresholds are out of order", policy.violations());
        return settings.replace(KIND, policy, ifMatch);
    }

    /**
     * PHQ-2 scores against the tenant's positive threshold (DESIGN: configurable per tenant); GAD-2 is
     * positive at 3 everywhere. Only PHQ-2 reads the policy: every other instrument is scored without
     * it, so its submission saves that round trip. Read in the submission's transaction, never cached,
     * so no replica scores with a replaced threshold.
     */
    public Instrument forTenant(Instrument instrument) {
        if (!instrument.code().equals(BuiltInInstruments.PHQ2)) {
            return instrument;
        }
        int threshold = current().screenPositiveThreshold();
        return threshold != TriagePolicy.defaults().screenPositiveThreshold()
                ? BuiltInInstruments.withPositiveThreshold(instrument, threshold)
                : instrument;
    }
}
