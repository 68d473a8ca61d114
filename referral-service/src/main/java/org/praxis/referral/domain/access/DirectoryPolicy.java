package org.praxis.referral.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Directory entries (organisations and their services): the tenant's admins curate them, its
 * practitioners and admins read them. Clients and sponsors reach the directory only through what
 * is referred or offered to them.
 */
public final class DirectoryPolicy extends Policy<Object, DirectoryPolicy.Action, DirectoryPolicy.Relation> {
    public enum Action {
        VIEW,
        LIST,
        CREATE,
        REPLACE
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = grants();

    private static AccessRules<Action, Relation> grants() {
        AccessRules.Builder<Action, Relation> b = AccessRules.of("directory-entry", Action.class, Relation.class);
        for (String role : new String[] {Roles.COACH, Roles.SUPERVISOR, Roles.ADMIN}) {
            b.allow(Action.VIEW, role, Relation.ANY_IN_TENANT).allow(Action.LIST, role, Relation.ANY_IN_TENANT);
        }
        return b.allow(Action.CREATE, Roles.ADMIN, Relation.ANY_IN_TENANT)
                .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
                .audit(Action.CREATE, "create")
                .audit(Action.REPLACE, "replace")
                .build();
    }

    public DirectoryPolicy() {
        super(RULES, Action.VIEW, "Directory entry");
    }

    @Override
    protected Criterion<Object> relation(Relation relation, Caller caller) {
        return Criterion.all(); // ANY_IN_TENANT: the tenant is enforced by every query
    }
}
