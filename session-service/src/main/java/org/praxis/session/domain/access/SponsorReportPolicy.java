package org.praxis.session.domain.access;

import java.util.Set;
import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.Contract;

/**
 * The sponsor report of an engagement, decided on the contract version in force (the report shows
 * exactly what that version discloses). The sponsor named a party to that version reads it; so does
 * a supervisor of the engagement's practitioner, as a preview of what leaves the engagement (they
 * see the sessions anyway; checking disclosure to sponsors is part of supervising). Nobody else: not
 * a sponsor of another version or engagement, not the practitioner or the client (they read the
 * contract's disclosure terms instead). Every read is audited. (Issue 16, hole 4.)
 */
public final class SponsorReportPolicy extends Policy<Contract, SponsorReportPolicy.Action, Relation> {
    public enum Action {
        VIEW
    }

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "sponsor-report", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.SPONSOR, Relation.SPONSOR_PARTY)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED)
            .audit(Action.VIEW, "read-sponsor-report")
            .build();

    private final EngagementRelations relations;
    private final Set<UUID> sponsorOf;

    /** @param sponsorOf the contract versions naming the caller as their sponsor party */
    public SponsorReportPolicy(EngagementRelations relations, Set<UUID> sponsorOf) {
        super(RULES, Action.VIEW, "Engagement");
        this.relations = relations;
        this.sponsorOf = Set.copyOf(sponsorOf);
    }

    @Override
    protected Criterion<Contract> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case SPONSOR_PARTY -> ContractPolicy.ID.in(sponsorOf);
            case SUPERVISED -> relations.via(ContractPolicy.ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }
}
