package org.praxis.referral.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.referral.domain.TenantDeadlines;

/** The tenant's answer deadlines (a setting): practitioners and admins read them, admins change them. */
public final class DeadlinesPolicy extends Policy<TenantDeadlines, DeadlinesPolicy.Action, DeadlinesPolicy.Relation> {
    public enum Action {
        VIEW,
        REPLACE
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "referral-deadlines", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public DeadlinesPolicy() {
        super(RULES, Action.VIEW, "Referral deadlines");
    }

    @Override
    protected Criterion<TenantDeadlines> relation(Relation relation, Caller caller) {
        return Criterion.all();
    }
}
