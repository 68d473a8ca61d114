package org.praxis.session.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/** A subject access export: everything held about one client of the tenant, for the tenant's admin (audited). */
public final class SubjectExportPolicy extends Policy<String, SubjectExportPolicy.Action, Relation> {
    public enum Action {
        EXPORT
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
        return relation == Relation.ANY_IN_TENANT ? Criterion.all() : Criterion.none();
    }
}
