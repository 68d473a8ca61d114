package org.praxis.webhook.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.webhook.domain.Subscription;

/**
 * Webhook subscriptions and their deliveries: the tenant's admins alone manage them, as they decide which systems
 * outside Praxis learn of the tenant's events (ids only).
 */
public final class SubscriptionPolicy
        extends Policy<Subscription, SubscriptionPolicy.Action, SubscriptionPolicy.Relation> {

    public enum Action {
        CREATE,
        VIEW,
        UPDATE,
        DELETE,
        ROTATE_SECRET,
        REDELIVER
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "webhook-subscription", Action.class, Relation.class)
            .allow(Action.CREATE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.UPDATE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.DELETE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.ROTATE_SECRET, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REDELIVER, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.CREATE, "create")
            .audit(Action.UPDATE, "update")
            .audit(Action.DELETE, "delete")
            .audit(Action.ROTATE_SECRET, "rotate-secret")
            .audit(Action.REDELIVER, "redeliver")
            .build();

    public SubscriptionPolicy() {
        super(RULES, Action.VIEW, "Webhook subscription");
    }

    @Override
    protected Criterion<Subscription> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case ANY_IN_TENANT -> Criterion.all();
        };
    }
}
