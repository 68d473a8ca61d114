package org.praxis.platform.privacy;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;

/**
 * Erasing a person is started and followed by the tenant's admins, in the one service that coordinates
 * erasures ({@link ErasureRequests}); nobody else reaches a request, not even the person's coach.
 */
public final class ErasureRequestPolicy {
    public enum Action {
        REQUEST,
        LIST
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "erasure-request", Action.class, Relation.class)
            .allow(Action.REQUEST, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.LIST, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REQUEST, "request-erasure")
            .build();

    private ErasureRequestPolicy() {}
}
