package org.praxis.intake.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Subject access export: everything intake holds about a person, clinical content included. Only an
 * admin, and every export is recorded in the audit log — the one way an admin reaches clinical content.
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
