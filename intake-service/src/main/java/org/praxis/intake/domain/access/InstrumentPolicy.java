package org.praxis.intake.domain.access;

import org.praxis.intake.domain.Instrument;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * Questionnaires: everyone but sponsors reads them (they hold no personal data); admins publish the
 * tenant's own. How they are scored (bands, flagged items) is clinical: practitioners and admins read it,
 * a client only the items.
 */
public final class InstrumentPolicy extends Policy<Instrument, InstrumentPolicy.Action, InstrumentPolicy.Relation> {

    public enum Action {
        VIEW,
        VIEW_SCORING,
        PUBLISH
    }

    public enum Relation {
        ANY_IN_TENANT
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("instrument", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.COACH, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW_SCORING, Roles.COACH, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW_SCORING, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.VIEW_SCORING, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .allow(Action.PUBLISH, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .build();

    public InstrumentPolicy() {
        super(RULES, Action.VIEW, "Instrument");
    }

    @Override
    protected Criterion<Instrument> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case ANY_IN_TENANT -> Criterion.all();
        };
    }
}
