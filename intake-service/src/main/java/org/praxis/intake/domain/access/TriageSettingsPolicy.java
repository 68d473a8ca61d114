package org.praxis.intake.domain.access;

import org.praxis.intake.domain.TriagePolicy;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * The tenant's triage settings (thresholds, and whether coaches may claim waiting intakes):
 * practitioners and admins read them, admins replace them.
 */
public final class TriageSettingsPolicy
        extends Policy<TriagePolicy, TriageSettingsPolicy.Action, TriageSettingsPolicy.Relation> {

    public enum Action {
        VIEW,
        REPLACE
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "triage-policy", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public TriageSettingsPolicy() {
        super(RULES, Action.VIEW, "Triage policy");
    }

    @Override
    protected Criterion<TriagePolicy> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case ANY_IN_TENANT -> Criterion.all();
        };
    }
}
