package org.praxis.platform.ratelimit;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettingsPolicy;

/** The tenant's budgets of calls (a setting): its admins read and change them. */
public final class RateLimitPolicy extends TenantSettingsPolicy<RateLimitSettings> {
    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "rate-limits", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public RateLimitPolicy() {
        super(RULES, "Rate limits");
    }
}
