package org.praxis.session.domain.access;

import java.util.Set;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.SponsorOrganisation;

/**
 * The outcome report of a sponsor organisation (counts over its engagements, never a person): a sponsor
 * reads it for an organisation they are the sponsor party of in the contract in force of one of its
 * engagements (a sponsor a later version replaced reads it no more); an admin reads any organisation's of the tenant. Nobody else. Every read is audited. An organisation the
 * caller may not read is answered as unknown (404).
 */
public final class OrganisationReportPolicy
        extends Policy<SponsorOrganisation, OrganisationReportPolicy.Action, Relation> {
    public enum Action {
        VIEW
    }

    public static final Field<SponsorOrganisation, String> NAME = Field.of("name", SponsorOrganisation::name);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of(
                    "organisation-outcome-report", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.SPONSOR, Relation.ORGANISATION_SPONSOR)
            .allow(Action.VIEW, Roles.ADMIN, Relation.ANY_IN_TENANT)
            .audit(Action.VIEW, "read-outcome-report")
            .build();

    private final Set<String> sponsored;

    /** @param sponsored the organisations the caller is the sponsor party for (in the contract in force of an engagement) */
    public OrganisationReportPolicy(Set<String> sponsored) {
        super(RULES, Action.VIEW, "Organisation");
        this.sponsored = Set.copyOf(sponsored);
    }

    @Override
    protected Criterion<SponsorOrganisation> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case ORGANISATION_SPONSOR -> NAME.in(sponsored);
            case ANY_IN_TENANT -> Criterion.all();
            default -> Criterion.none();
        };
    }
}
