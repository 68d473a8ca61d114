package org.praxis.platform.crypto;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;

/**
 * Who sees and moves the service's field-encryption keys: admins. The keys serve every tenant of the
 * service, so what an admin sees is counts and key ids, never a value or another tenant's data.
 */
public final class KeyPolicy {
    public enum Action {
        LIST,
        ROTATE,
        RETIRE
    }

    public enum Relation {
        SERVICE_WIDE
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("field-key", Action.class, Relation.class)
            .allow(Action.LIST, Roles.ADMIN, Relation.SERVICE_WIDE)
            .allow(Action.ROTATE, Roles.ADMIN, Relation.SERVICE_WIDE)
            .allow(Action.RETIRE, Roles.ADMIN, Relation.SERVICE_WIDE)
            .audit(Action.ROTATE, "rotate")
            .audit(Action.RETIRE, "retire")
            .build();

    private KeyPolicy() {}
}
