package org.praxis.referral.domain.access;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.Referral;

/**
 * A consent record: the client asked about one referral, and what they said. The person asked sees
 * and decides it (agrees, refuses, withdraws); the referral's coach and the supervisors who reach the referral
 * read it with the referral's history. Its relations hold through its referral.
 */
public final class ConsentPolicy extends Policy<ConsentRecord, ConsentPolicy.Action, ConsentPolicy.Relation> {
    public enum Action {
        VIEW,
        DECIDE,
        WITHDRAW
    }

    public enum Relation {
        /** Asked about a referral the caller is responsible for. */
        OF_MY_REFERRAL,
        /** Asked about a referral a supervisor reaches ({@link ReferralPolicy}: their supervisees', the risk queue). */
        OF_SUPERVISED_REFERRAL,
        /** The caller is the person asked. */
        ASKED_OF_ME
    }

    static final Field<ConsentRecord, java.util.UUID> REFERRAL = Field.of("referralId", c -> c.referralId);

    public static final AccessRules<Action, Relation> RULES = AccessRules.of("consent", Action.class, Relation.class)
            .allow(Action.VIEW, Roles.CLIENT, Relation.ASKED_OF_ME)
            .allow(Action.VIEW, Roles.COACH, Relation.OF_MY_REFERRAL)
            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.OF_SUPERVISED_REFERRAL)
            .allow(Action.DECIDE, Roles.CLIENT, Relation.ASKED_OF_ME)
            .allow(Action.WITHDRAW, Roles.CLIENT, Relation.ASKED_OF_ME)
            .audit(Action.DECIDE, "consent-given / consent-refused")
            .audit(Action.WITHDRAW, "consent-withdrawn")
            .build();

    private final Function<ConsentRecord, Referral> referralOf;
    private final Supplier<Set<String>> supervisees;

    /**
     * @param referralOf loads a consent's referral (for the in-memory check; the list filter is a subquery)
     * @param supervisees whom the caller supervises, asked for when a check gets that far
     */
    public ConsentPolicy(Function<ConsentRecord, Referral> referralOf, Supplier<Set<String>> supervisees) {
        super(RULES, Action.VIEW, "Consent");
        this.referralOf = referralOf;
        this.supervisees = supervisees;
    }

    @Override
    protected Criterion<ConsentRecord> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case OF_MY_REFERRAL ->
                Criterion.via(REFERRAL, "Referral", referralOf, ReferralPolicy.PRACTITIONER.is(caller.subject()));
            case OF_SUPERVISED_REFERRAL ->
                Criterion.via(
                        REFERRAL,
                        "Referral",
                        referralOf,
                        ReferralPolicy.supervised(caller, supervisees).or(ReferralPolicy.riskQueue()));
            case ASKED_OF_ME ->
                Criterion.via(REFERRAL, "Referral", referralOf, ReferralPolicy.CLIENT.is(caller.subject()));
        };
    }
}
