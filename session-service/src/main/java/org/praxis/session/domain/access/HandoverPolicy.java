package org.praxis.session.domain.access;

import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.Handover;

/**
 * Handing an engagement to another coach. Its practitioner or their supervisor offers it; the coach it
 * names ({@link Relation#INCOMING}) sees the open offer and accepts or declines (whoever may offer may withdraw it
 * while it is open; one the client asked for, only a supervisor: Handovers), without reaching anything
 * else of the engagement until they accept; a coach who declined reaches the offer no more. The client and
 * the supervisor see the history (who, when, why); the handover note is between coaches and supervisors,
 * never the client's to read. Once accepted, access follows the engagement's new practitioner: the coach
 * who handed over reaches none of it any more.
 */
public final class HandoverPolicy extends Policy<Handover, HandoverPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        READ_NOTE,
        OFFER,
        ANSWER,
        WITHDRAW
    }

    public static final Field<Handover, UUID> ENGAGEMENT = Field.of("engagementId", h -> h.engagementId);
    public static final Field<Handover, String> TO = Field.of("toPractitioner", h -> h.toPractitioner);
    public static final Field<Handover, String> STATUS = Field.of("status", h -> h.status);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("handover", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER, Relation.INCOMING)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER, Relation.INCOMING)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.READ_NOTE, Roles.COACH, Relation.PRACTITIONER, Relation.INCOMING)
            .allow(Action.READ_NOTE, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.OFFER, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.OFFER, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.ANSWER, Roles.COACH, Relation.INCOMING)
            .allow(Action.WITHDRAW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.WITHDRAW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.OFFER, "offer-handover")
            .audit(Action.WITHDRAW, "withdraw-handover")
            .audit(Action.ANSWER, "{answer}")
            .build();

    private final EngagementRelations relations;

    public HandoverPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Handover");
        this.relations = relations;
    }

    @Override
    protected Criterion<Handover> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            // Only while the offer is open: once accepted they reach it as the practitioner (and lose it with the
            // engagement when they hand it on), once declined not at all.
            case INCOMING -> TO.is(caller.subject()).and(STATUS.is(Handover.OFFERED));
            default -> Criterion.none();
        };
    }
}
