package org.praxis.platform.crypto;

import java.util.Optional;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Who sees and moves the service's field-encryption keys: the admins of the operator tenant
 * ({@code praxis.crypto.operator-tenant}), the organisation that runs the deployment. The keys serve every
 * tenant of the service, so another tenant's admin must not retire one its data is about to need, or see
 * counts across tenants; what an operator sees is counts and key ids, never a value.
 */
public final class KeyPolicy {
    public enum Action {
        LIST,
        ROTATE,
        RETIRE
    }

    public enum Relation {
        OPERATOR_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("field-key", Action.class, Relation.class)
            .allow(Action.LIST, Roles.ADMIN, Relation.OPERATOR_TENANT)
            .allow(Action.ROTATE, Roles.ADMIN, Relation.OPERATOR_TENANT)
            .allow(Action.RETIRE, Roles.ADMIN, Relation.OPERATOR_TENANT)
            .audit(Action.ROTATE, "rotate")
            .audit(Action.RETIRE, "retire")
            .build();

    private KeyPolicy() {}

    /** Whether the caller may {@code action}: a role that reaches it, in the operator tenant. */
    public static boolean can(Caller caller, Action action, Optional<String> operatorTenant) {
        return !RULES.relations(action, caller).isEmpty()
                && operatorTenant.filter(t -> t.equals(caller.tenantId())).isPresent();
    }

    /** 403 unless {@link #can}. */
    public static void require(Caller caller, Action action, Optional<String> operatorTenant) {
        if (!can(caller, action, operatorTenant)) {
            throw ProblemException.forbidden("The service's keys are operated by the operator tenant's admins only.");
        }
    }
}
