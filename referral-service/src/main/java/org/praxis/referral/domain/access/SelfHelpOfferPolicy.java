package org.praxis.referral.domain.access;

import java.util.Set;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.referral.domain.SelfHelpOffer;

/**
 * Self-help offers: the person offered it sees it; a coach the offers they made; a supervisor every
 * offer of the tenant. An offer names only a client of the caller's caseload ({@link CaseloadPolicy}).
 */
public final class SelfHelpOfferPolicy
        extends Policy<SelfHelpOffer, SelfHelpOfferPolicy.Action, SelfHelpOfferPolicy.Relation> {
    public enum Action {
        VIEW,
        LIST,
        CREATE,
        READ_AS_CLIENT
    }

    public enum Relation {
        /** Offered by the caller. */
        OFFERED_BY_ME,
        ANY_IN_TENANT,
        /** Offered to the caller. */
        OFFERED_TO_ME,
        /** A new offer by the caller to a client of their own engagements. */
        OWN_CASELOAD,
        /** A new offer to a client of a practitioner the caller supervises. */
        SUPERVISEES_CASELOAD
    }

    static final Field<SelfHelpOffer, String> OFFERED_BY = Field.of("offeredBy", o -> o.offeredBy);
    static final Field<SelfHelpOffer, String> CLIENT = Field.of("clientSubject", o -> o.clientSubject);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "self-help-offer", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OFFERED_TO_ME)
            .allow(Action.VIEW, Roles.COACH, Relation.OFFERED_BY_ME)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.LIST, Roles.COACH, Relation.OFFERED_BY_ME)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
            .allow(Action.READ_AS_CLIENT, Roles.CLIENT, Relation.OFFERED_TO_ME)
            .allow(Action.CREATE, Roles.COACH, Relation.OWN_CASELOAD)
            .allow(Action.CREATE, Roles.SUPERVISOR, Relation.OWN_CASELOAD, Relation.SUPERVISEES_CASELOAD)
            .audit(Action.CREATE, "offer")
            .build();

    private final Set<String> supervisees;

    public SelfHelpOfferPolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Self-help offer");
        this.supervisees = Set.copyOf(supervisees);
    }

    public SelfHelpOfferPolicy() {
        this(Set.of());
    }

    @Override
    protected Criterion<SelfHelpOffer> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OFFERED_BY_ME, OWN_CASELOAD -> OFFERED_BY.is(caller.subject());
            case ANY_IN_TENANT -> Criterion.all();
            case OFFERED_TO_ME -> CLIENT.is(caller.subject());
            case SUPERVISEES_CASELOAD -> OFFERED_BY.isNotNull().and(OFFERED_BY.in(supervisees));
        };
    }
}
