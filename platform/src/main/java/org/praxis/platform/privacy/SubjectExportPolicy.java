package org.praxis.platform.privacy;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * A subject access export: everything a service holds about one person of the tenant, clinical content
 * included, for the tenant's admin only and audited — the one way an admin reaches that content. The same
 * in every service, so it lives here; {@link SubjectExports} checks it.
 */
public final class SubjectExportPolicy
        extends Policy<String, SubjectExportPolicy.Action, SubjectExportPolicy.Relation> {
    public enum Action {
        EXPORT
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "subject-export", Action.class, Relation.class)
            .allow(Action.EXPORT, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.EXPORT, "export")
            .build();

    public SubjectExportPolicy() {
        super(RULES, Action.EXPORT, "Subject");
    }

    @Override
    protected Criterion<String> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case ANY_IN_TENANT -> Criterion.all();
        };
    }
}
