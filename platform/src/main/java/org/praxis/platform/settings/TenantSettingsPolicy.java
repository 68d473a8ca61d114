package org.praxis.platform.settings;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;

/**
 * The access policy of one kind of {@link TenantSettings}: they belong to the whole tenant, so the
 * caller's roles decide, through the service's own grant table of {@link Action#VIEW} and
 * {@link Action#REPLACE}.
 */
public abstract class TenantSettingsPolicy<T>
        extends Policy<T, TenantSettingsPolicy.Action, TenantSettingsPolicy.Relation> {
    public enum Action {
        VIEW,
        REPLACE
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    protected TenantSettingsPolicy(AccessRules<Action, Relation> rules, String noun) {
        super(rules, Action.VIEW, noun);
    }

    @Override
    protected Criterion<T> relation(Relation relation, Caller caller) {
        return Criterion.all();
    }
}
