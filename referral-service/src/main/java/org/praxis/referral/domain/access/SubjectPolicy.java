package org.praxis.referral.domain.access;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/** A subject access request: the tenant's admins export everything held about a person (audited). */
public final class SubjectPolicy extends Policy<String, SubjectPolicy.Action, SubjectPolicy.Relation> {
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

    public SubjectPolicy() {
        super(RULES, Action.EXPORT, "Subject");
    }

    @Override
    protected Criterion<String> relation(Relation relation, Caller caller) {
        return Criterion.all();
    }
}
