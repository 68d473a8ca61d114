package org.praxis.session.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettingsPolicy;
import org.praxis.session.domain.AfterTherapyTerms;

/** The tenant's policy for coaching after therapy (whether a new intake comes first): admins read and replace it. */
public final class AfterTherapySettingsPolicy extends TenantSettingsPolicy<AfterTherapyTerms> {
    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "after-therapy-policy", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public AfterTherapySettingsPolicy() {
        super(RULES, "After-therapy policy");
    }
}
