package org.praxis.intake.domain.access;

import org.praxis.intake.domain.ClientWording;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;
import org.praxis.platform.settings.TenantSettingsPolicy;

/**
 * The tenant's words for clients: practitioners and admins read them (to know what a client reads),
 * admins replace them. Clients read them only as the wording of their own scores.
 */
public final class ClientWordingPolicy extends TenantSettingsPolicy<ClientWording> {
    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "client-wording", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.REPLACE, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.REPLACE, "replace")
            .build();

    public ClientWordingPolicy() {
        super(RULES, "Client wording");
    }
}
