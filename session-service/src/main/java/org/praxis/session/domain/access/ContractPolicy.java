package org.praxis.session.domain.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.Contract;
import org.praxis.session.domain.ContractParty;
import org.praxis.session.domain.ContractRules;
import org.praxis.session.domain.Engagement;

/**
 * Who reaches a contract version. The engagement's client, practitioner and their supervisor read
 * every version; anyone named a party to a version reads that version (its terms and disclosure
 * terms, nothing else of the engagement) and accepts it — a sponsor included (hole 4 of issue 16).
 *
 * <p>Who may be named (hole 3): a {@code client} party is the engagement's client, a {@code coach}
 * party its practitioner (both required, as before); a {@code sponsor} party only on an engagement
 * that has a sponsor organisation; a {@code therapist} party (coaching beside therapy, issue 22) is
 * never required; an {@code other} party (e.g. a line manager in a four-way
 * contract) may be named, never as the client or practitioner. A sponsor or other party reaches a
 * version ({@code PARTY}) only once the engagement's client accepted it, so nobody reads the terms of
 * someone's coaching before that person agreed to them and to who is named. Nobody is named twice.
 */
public final class ContractPolicy extends Policy<Contract, ContractPolicy.Action, Relation> {
    public enum Action {
        VIEW,
        LIST,
        PROPOSE,
        ACCEPT
    }

    public static final Field<Contract, UUID> ID = Field.of("id", c -> c.id);
    public static final Field<Contract, UUID> ENGAGEMENT = Field.of("engagementId", c -> c.engagementId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("contract", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN, Relation.PARTY)
            .allow(Action.VIEW, Roles.COACH, Relation.PRACTITIONER, Relation.PARTY)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.SUPERVISED, Relation.PARTY)
            .allow(Action.VIEW, Roles.SPONSOR, Relation.PARTY)
            .allow(Action.LIST, Roles.CLIENT, Relation.OWN, Relation.PARTY)
            .allow(Action.LIST, Roles.COACH, Relation.PRACTITIONER, Relation.PARTY)
            .allow(Action.LIST, Roles.SUPERVISOR, Relation.SUPERVISED, Relation.PARTY)
            .allow(Action.LIST, Roles.SPONSOR, Relation.PARTY)
            .allow(Action.PROPOSE, Roles.COACH, Relation.PRACTITIONER)
            .allow(Action.PROPOSE, Roles.SUPERVISOR, Relation.SUPERVISED)
            .allow(Action.ACCEPT, Roles.CLIENT, Relation.PARTY)
            .allow(Action.ACCEPT, Roles.COACH, Relation.PARTY)
            .allow(Action.ACCEPT, Roles.SUPERVISOR, Relation.PARTY)
            .allow(Action.ACCEPT, Roles.SPONSOR, Relation.PARTY)
            .audit(Action.VIEW, "read")
            .audit(Action.PROPOSE, "propose")
            .audit(Action.ACCEPT, "accept")
            .build();

    private final EngagementRelations relations;
    private final Set<UUID> partyTo;

    /** @param partyTo the contract versions naming the caller as a party (any role) */
    public ContractPolicy(EngagementRelations relations, Set<UUID> partyTo) {
        super(RULES, Action.VIEW, "Contract version");
        this.relations = relations;
        this.partyTo = Set.copyOf(partyTo);
    }

    @Override
    protected Criterion<Contract> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case PARTY -> ID.in(partyTo);
            case OWN, PRACTITIONER, SUPERVISED -> relations.via(ENGAGEMENT, relation, caller);
            default -> Criterion.none();
        };
    }

    /** The caller's own party row of a version, if they are named in it. */
    public static Optional<ContractParty> partyOf(Caller caller, List<ContractParty> parties) {
        return parties.stream()
                .filter(p -> p.subject != null && p.subject.equals(caller.subject()))
                .findFirst();
    }

    /** Whether the caller is named as the sponsor in these parties (for the sponsor report). */
    public static boolean isSponsorParty(Caller caller, List<ContractParty> parties) {
        return partyOf(caller, parties)
                .filter(p -> ContractParty.SPONSOR.equals(p.role))
                .isPresent();
    }

    /** Whom a proposed version may name (see the class comment); empty when it may name these parties. */
    public static List<Violation> namingViolations(Engagement e, List<ContractRules.Party> parties) {
        List<Violation> problems = new ArrayList<>(ContractRules.missingParties(
                parties, e.clientSubject, e.practitionerId, e.sponsorOrganisation != null));
        for (ContractRules.Party p : parties) {
            switch (p.role()) {
                case ContractParty.CLIENT -> {
                    if (!p.subject().equals(e.clientSubject)) {
                        problems.add(new Violation("parties", "a client party must be the engagement's client"));
                    }
                }
                case ContractParty.COACH -> {
                    if (!p.subject().equals(e.practitionerId)) {
                        problems.add(new Violation("parties", "a coach party must be the engagement's practitioner"));
                    }
                }
                case ContractParty.SPONSOR -> {
                    if (e.sponsorOrganisation == null) {
                        problems.add(new Violation(
                                "parties", "a sponsor party needs an engagement with a sponsor organisation"));
                    }
                }
                case ContractParty.THERAPIST -> {
                    if (p.required()) {
                        problems.add(new Violation("parties", "a therapist party is never required"));
                    }
                    if (p.subject().equals(e.clientSubject) || p.subject().equals(e.practitionerId)) {
                        problems.add(new Violation(
                                "parties", "the client and the practitioner are named in their own roles"));
                    }
                }
                default -> {
                    if (p.subject().equals(e.clientSubject) || p.subject().equals(e.practitionerId)) {
                        problems.add(new Violation(
                                "parties", "the client and the practitioner are named in their own roles"));
                    }
                }
            }
        }
        return problems.stream().distinct().toList();
    }
}
