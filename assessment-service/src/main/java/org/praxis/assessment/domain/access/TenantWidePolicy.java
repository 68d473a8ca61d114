package org.praxis.assessment.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;

/** A policy whose objects belong to the whole tenant (settings, frameworks): roles decide, not relations. */
public abstract class TenantWidePolicy<E, A extends Enum<A>> extends Policy<E, A, TenantWidePolicy.Relation> {
    public enum Relation {
        ANY_IN_TENANT
    }

    protected TenantWidePolicy(AccessRules<A, Relation> rules, A view, String noun) {
        super(rules, view, noun);
    }

    @Override
    protected Criterion<E> relation(Relation relation, Caller caller) {
        return Criterion.all();
    }
}
