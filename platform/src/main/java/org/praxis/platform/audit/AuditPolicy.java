package org.praxis.platform.audit;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;

/** Who reads a service's audit trail: the tenant's admins, every event of their tenant. */
public final class AuditPolicy {
    public enum Action {
        LIST
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "audit-event", Action.class, Relation.class)
            .allow(Action.LIST, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .build();

    private AuditPolicy() {}
}
