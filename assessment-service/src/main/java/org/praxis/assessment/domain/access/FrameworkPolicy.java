package org.praxis.assessment.domain.access;

import static org.praxis.assessment.domain.access.TenantWidePolicy.Relation.ANY_IN_TENANT;

import org.praxis.assessment.domain.CompetenceFramework;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;

/** Competence frameworks (the built-in one and the tenant's CASE imports): practitioners and admins read, admins import. */
public final class FrameworkPolicy extends TenantWidePolicy<CompetenceFramework, FrameworkPolicy.Action> {
    public enum Action {
        VIEW,
        EXPORT_CASE,
        IMPORT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("framework", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.COACH, ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.SUPERVISOR, ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, ANY_IN_TENANT)
            .allow(Action.EXPORT_CASE, Roles.COACH, ANY_IN_TENANT)
            .allow(Action.EXPORT_CASE, Roles.SUPERVISOR, ANY_IN_TENANT)
            .allow(Action.EXPORT_CASE, Roles.ADMIN, ANY_IN_TENANT)
            .allow(Action.IMPORT, Roles.ADMIN, ANY_IN_TENANT)
            .audit(Action.IMPORT, "publish")
            .build();

    public FrameworkPolicy() {
        super(RULES, Action.VIEW, "Framework");
    }
}
