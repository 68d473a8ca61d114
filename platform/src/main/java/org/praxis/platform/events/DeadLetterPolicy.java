package org.praxis.platform.events;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;

/** Dead letters hold ids and codes only (payloads never carry free text): the tenant's admins list and replay theirs. */
public final class DeadLetterPolicy {
    public enum Action {
        LIST,
        REPLAY
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "dead-letter", Action.class, Relation.class)
            .allow(Action.LIST, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLAY, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLAY, "replay")
            .build();

    private DeadLetterPolicy() {}
}
