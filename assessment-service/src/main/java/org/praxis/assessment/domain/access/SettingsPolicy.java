package org.praxis.assessment.domain.access;

import static org.praxis.platform.settings.TenantSettingsPolicy.Relation.ANY_IN_TENANT;

import org.praxis.assessment.domain.Settings;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettingsPolicy;

/** The tenant's current framework and eligibility minimums: practitioners and admins read them, admins replace them. */
public final class SettingsPolicy extends TenantSettingsPolicy<Settings.Values> {
    public static final AccessRules<Action, Relation> RULES = AccessRules.of("settings", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.SUPERVISOR, ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public SettingsPolicy() {
        super(RULES, "Settings");
    }
}
