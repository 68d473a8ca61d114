package org.praxis.intake.domain.access;

import org.praxis.intake.domain.TriagePolicy;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettingsPolicy;

/**
 * The tenant's triage settings (thresholds, and whether coaches may claim waiting intakes):
 * practitioners and admins read them, admins replace them.
 */
public final class TriageSettingsPolicy extends TenantSettingsPolicy<TriagePolicy> {
    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "triage-policy", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public TriageSettingsPolicy() {
        super(RULES, "Triage policy");
    }
}
