package org.praxis.referral.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettingsPolicy;
import org.praxis.referral.domain.AnswerDeadlines;

/** The tenant's answer deadlines (a setting): practitioners and admins read them, admins change them. */
public final class DeadlinesPolicy extends TenantSettingsPolicy<AnswerDeadlines> {
    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "referral-deadlines", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public DeadlinesPolicy() {
        super(RULES, "Referral deadlines");
    }
}
