package org.praxis.session.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettingsPolicy;
import org.praxis.session.domain.MonitoringSchedule;

/** The tenant's monitoring policy (the defaults of new monitoring plans): admins read and replace it. */
public final class MonitoringSettingsPolicy extends TenantSettingsPolicy<MonitoringSchedule> {
    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "monitoring-policy", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public MonitoringSettingsPolicy() {
        super(RULES, "Monitoring policy");
    }
}
