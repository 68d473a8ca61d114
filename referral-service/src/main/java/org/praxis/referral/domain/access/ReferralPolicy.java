package org.praxis.referral.domain.access;

import java.util.Set;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralLifecycle;

/**
 * Who may see and do what with a referral (with its history, its serious-risk exception and its
 * FHIR view; the consent records have their own {@link ConsentPolicy}). Supervisors act on every referral of their tenant (they work the
 * risk-draft queue, and a draft from a flag may have nobody assigned); a coach on the referrals they
 * are responsible for; a client sees their own once they have been asked (a draft is the
 * practitioners' work in progress); their say is the consent ({@link ConsentPolicy}). Sponsors and admins reach none.
 * A referral is created only for the caller's caseload ({@link CaseloadPolicy}).
 */
public final class ReferralPolicy extends Policy<Referral, ReferralPolicy.Action, ReferralPolicy.Relation> {
    public enum Action {
        /** Know that it exists (404 otherwise). */
        VIEW,
        /** The practitioners' full record (GET /v1/referrals/{id}) and list. */
        READ,
        LIST,
        CREATE,
        REVISE,
        ASK_CONSENT,
        REQUEST_EXCEPTION,
        APPROVE_EXCEPTION,
        SEND,
        RECORD_ANSWER,
        RECORD_APPOINTMENT,
        CANCEL,
        READ_HISTORY,
        READ_FHIR,
        /** The client's own view of it (GET /v1/me/referrals). */
        READ_AS_CLIENT
    }

    public enum Relation {
        /** The coach responsible for it. */
        RESPONSIBLE,
        /** Any referral of the caller's tenant. */
        ANY_IN_TENANT,
        /**
         * A referral about the caller that they have been asked about or that was sent (under the serious-risk
         * exception, unasked), and is not a draft; a draft cancelled before anyone asked them stays unseen.
         */
        ABOUT_ME_ASKED,
        /** A new referral whose responsible practitioner is the caller (and whose client and engagement are theirs). */
        OWN_CASELOAD,
        /** A new referral whose responsible practitioner is one the caller supervises (their clients and engagements). */
        SUPERVISEES_CASELOAD
    }

    static final Field<Referral, String> PRACTITIONER = Field.of("practitionerId", r -> r.practitionerId);
    static final Field<Referral, String> CLIENT = Field.of("clientSubject", r -> r.clientSubject);
    static final Field<Referral, String> STATUS = Field.of("status", r -> r.status);
    static final Field<Referral, java.time.Instant> ASKED = Field.of("clientAskedAt", r -> r.clientAskedAt);
    static final Field<Referral, java.time.Instant> SENT = Field.of("sentAt", r -> r.sentAt);

    private static final String[] PRACTITIONERS = {Roles.COACH, Roles.SUPERVISOR};

    public static final AccessRules<Action, Relation> RULES = grants();

    private static AccessRules<Action, Relation> grants() {
        AccessRules.Builder<Action, Relation> b = AccessRules.of("referral", Action.class, Relation.class);
        for (Action a : new Action[] {
            Action.VIEW,
            Action.READ,
            Action.LIST,
            Action.REVISE,
            Action.ASK_CONSENT,
            Action.REQUEST_EXCEPTION,
            Action.SEND,
            Action.RECORD_ANSWER,
            Action.RECORD_APPOINTMENT,
            Action.CANCEL,
            Action.READ_HISTORY,
            Action.READ_FHIR
        }) {
            b.allow(a, Roles.COACH, Relation.RESPONSIBLE).allow(a, Roles.SUPERVISOR, Relation.ANY_IN_TENANT);
        }
        b.allow(Action.APPROVE_EXCEPTION, Roles.SUPERVISOR, Relation.ANY_IN_TENANT);
        b.allow(Action.CREATE, Roles.COACH, Relation.OWN_CASELOAD)
                .allow(Action.CREATE, Roles.SUPERVISOR, Relation.OWN_CASELOAD, Relation.SUPERVISEES_CASELOAD);
        for (Action a : new Action[] {Action.VIEW, Action.READ_AS_CLIENT}) {
            b.allow(a, Roles.CLIENT, Relation.ABOUT_ME_ASKED);
        }
        return b.audit(Action.READ, "read")
                .audit(Action.READ_HISTORY, "read-history")
                .audit(Action.READ_FHIR, "read-fhir")
                .audit(Action.CREATE, "create")
                .audit(Action.REVISE, "revise (void-risk-exception when approved terms change)")
                .audit(Action.ASK_CONSENT, "ask-consent")
                .audit(Action.REQUEST_EXCEPTION, "request-risk-exception")
                .audit(Action.APPROVE_EXCEPTION, "approve-risk-exception")
                .audit(Action.SEND, "send-with-consent / send-under-risk-exception")
                .audit(Action.RECORD_ANSWER, "answer-<outcome>")
                .audit(Action.RECORD_APPOINTMENT, "first-appointment")
                .audit(Action.CANCEL, "cancel")
                .build();
    }

    private final Set<String> supervisees;

    /** @param supervisees the practitioners the caller supervises (empty for anyone else) */
    public ReferralPolicy(Set<String> supervisees) {
        super(RULES, Action.VIEW, "Referral");
        this.supervisees = Set.copyOf(supervisees);
    }

    public ReferralPolicy() {
        this(Set.of());
    }

    @Override
    protected Criterion<Referral> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case RESPONSIBLE, OWN_CASELOAD -> PRACTITIONER.is(caller.subject());
            case ANY_IN_TENANT -> Criterion.all();
            case ABOUT_ME_ASKED ->
                CLIENT.is(caller.subject())
                        .and(STATUS.isNot(ReferralLifecycle.DRAFT))
                        .and(ASKED.isNotNull().or(SENT.isNotNull()));
            case SUPERVISEES_CASELOAD -> PRACTITIONER.in(supervisees);
        };
    }

    /** The separation of duties of the serious-risk exception: nobody approves the exception they asked for. */
    public boolean requestedException(Caller caller, Referral r) {
        return caller.subject() != null && caller.subject().equals(r.exceptionRequestedBy);
    }
}
