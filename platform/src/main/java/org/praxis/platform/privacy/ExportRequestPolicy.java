package org.praxis.platform.privacy;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;

/**
 * Subject exports are requests, not reads: an admin records one (subject, reason, reference), a
 * second admin approves it where the tenant requires four eyes, and only then does the export run.
 * Approving one's own request is refused in {@link ExportRequests}, not here: it depends on the row.
 */
public final class ExportRequestPolicy {
    public enum Action {
        REQUEST,
        LIST,
        APPROVE,
        CONFIGURE
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "export-request", Action.class, Relation.class)
            .allow(Action.REQUEST, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.LIST, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.APPROVE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.CONFIGURE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REQUEST, "request-export")
            .audit(Action.APPROVE, "approve-export")
            .audit(Action.CONFIGURE, "configure-exports")
            .build();

    private ExportRequestPolicy() {}
}
