package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.session.domain.access.MonitoringSettingsPolicy;

/** The tenant's monitoring policy: its own if an admin set it, the configured defaults otherwise. */
@ApplicationScoped
public class MonitoringPolicies {
    @Inject
    TenantSettings settings;

    @Inject
    CallerContext callerContext;

    @Inject
    MonitoringConfig config;

    private TenantSettings.Kind<MonitoringSchedule, TenantMonitoringPolicy> kind() {
        return new TenantSettings.Kind<>(
                "monitoring-policy", TenantMonitoringPolicy.class, TenantMonitoringPolicy::new, config.defaults());
    }

    /** The policy as an admin reads it through the API. */
    public TenantSettings.Current<MonitoringSchedule> read() {
        new MonitoringSettingsPolicy().requireAllowed(callerContext.caller(), MonitoringSettingsPolicy.Action.VIEW);
        return settings.current(kind());
    }

    /** The schedule a new plan of this tenant starts with. */
    public MonitoringSchedule current() {
        return settings.current(kind()).settings();
    }

    @Transactional
    public TenantSettings.Current<MonitoringSchedule> replace(MonitoringSchedule schedule, String ifMatch) {
        new MonitoringSettingsPolicy().requireAllowed(callerContext.caller(), MonitoringSettingsPolicy.Action.REPLACE);
        Violation.refuseAny("The monitoring policy is not usable", schedule.violations());
        return settings.replace(kind(), schedule, ifMatch);
    }
}
