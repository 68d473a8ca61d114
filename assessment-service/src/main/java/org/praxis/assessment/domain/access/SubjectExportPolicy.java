package org.praxis.assessment.domain.access;

import static org.praxis.assessment.domain.access.TenantWidePolicy.Relation.ANY_IN_TENANT;

import org.praxis.platform.access.AccessRules;
import org.praxis.platform.security.Roles;

/** Subject access: everything held about a practitioner, exported for an admin of the tenant (audited). */
public final class SubjectExportPolicy extends TenantWidePolicy<String, SubjectExportPolicy.Action> {
    public enum Action {
        EXPORT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("subject", Action.class, Relation.class)
            .allow(Action.EXPORT, Roles.ADMIN, ANY_IN_TENANT)
            .audit(Action.EXPORT, "export")
            .build();

    public SubjectExportPolicy() {
        super(RULES, Action.EXPORT, "Subject");
    }
}
