package org.praxis.intake.domain.access;

import java.util.List;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Who the caller is ({@code GET /v1/me}): every role reads its own subject, tenant and roles, as its token
 * carries them, and nothing about anyone else.
 */
public final class CallerAccess {

    public enum Action {
        VIEW
    }

    public enum Relation {
        /** The caller themselves. */
        SELF
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("caller", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.SELF)
            .allow(Action.VIEW, Roles.COACH, Relation.SELF)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SELF)
            .allow(Action.VIEW, Roles.SPONSOR, Relation.SELF)
            .allow(Action.VIEW, Roles.ADMIN, Relation.SELF)
            .build();

    private CallerAccess() {}

    /** The caller's Praxis roles, in the order of {@link AccessRules#ROLES}; other roles of the token are left out. */
    public static List<String> rolesOf(Caller caller) {
        return AccessRules.ROLES.stream().filter(caller::hasRole).toList();
    }
}
