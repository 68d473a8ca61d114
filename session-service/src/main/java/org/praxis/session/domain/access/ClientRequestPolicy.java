package org.praxis.session.domain.access;

import java.util.List;
import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.ClientRequest;

/**
 * The client's requests about their engagement (pause, end, change coach). The client makes and sees
 * their own; a supervisor of the engagement's practitioner sees and decides them. The practitioner
 * sees requests to pause or end (they carry them out: the end review is theirs) but never a request
 * for another coach: the client must be able to ask for one without the coach they want to leave
 * reading it while it is open, and the supervisor decides it.
 */
public final class ClientRequestPolicy extends Policy<ClientRequest, ClientRequestPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        MAKE,
        DECIDE
    }

    public static final Field<ClientRequest, UUID> ENGAGEMENT = Field.of("engagementId", r -> r.engagementId);
    public static final Field<ClientRequest, String> KIND = Field.of("kind", r -> r.kind);
    /** The kinds the practitioner sees. */
    static final List<String> PRACTITIONER_SEES = List.of(ClientRequest.PAUSE, ClientRequest.END);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "client-request", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.MAKE, Roles.CLIENT, Relation.OWN)
            .allow(Action.DECIDE, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.MAKE, "request-{kind}")
            .audit(Action.DECIDE, "{decision}")
            .build();

    private final EngagementRelations relations;

    public ClientRequestPolicy(EngagementRelations relations) {
        super(RULES, Action.VIEW, "Client request");
        this.relations = relations;
    }

    @Override
    protected Criterion<ClientRequest> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            case PRACTITIONER -> relations.via(ENGAGEMENT, relation, caller).and(KIND.in(PRACTITIONER_SEES));
            default -> Criterion.none();
        };
    }
}
