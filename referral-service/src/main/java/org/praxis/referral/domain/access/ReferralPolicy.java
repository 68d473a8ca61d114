package org.praxis.referral.domain.access;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralLifecycle;

/**
 * Who may see and do what with a referral (with its history, its serious-risk exception and its FHIR view; the
 * consent records have their own {@link ConsentPolicy}). A supervisor acts on the referrals of the coaches they
 * supervise and their own, and on the risk queue ({@link #riskQueue()}: DESIGN's, every supervisor's); a coach on
 * the referrals they are responsible for; a client sees their own once they have been asked (a draft is the
 * practitioners' work in progress); their say is the consent ({@link ConsentPolicy}). Sponsors and admins reach
 * none. A referral is created only for the caller's caseload ({@link CaseloadPolicy}).
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
        /** The caller is responsible for it, or supervises the practitioner who is. */
        SUPERVISED,
        /** Every supervisor's queue: urgent drafts, and risks until closed ({@link #riskQueue()}). */
        RISK_QUEUE,
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
    static final Field<Referral, String> ORIGIN = Field.of("origin", r -> r.origin);
    static final Field<Referral, String> URGENCY = Field.of("urgency", r -> r.urgency);
    private static final List<String> URGENT_OR_EMERGENCY = List.of("urgent", "emergency");
    static final Field<Referral, String> EXCEPTION_REQUESTED =
            Field.of("exceptionRequestedBy", r -> r.exceptionRequestedBy);

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
            b.allow(a, Roles.COACH, Relation.RESPONSIBLE)
                    .allow(a, Roles.SUPERVISOR, Relation.SUPERVISED, Relation.RISK_QUEUE);
        }
        b.allow(Action.APPROVE_EXCEPTION, Roles.SUPERVISOR, Relation.SUPERVISED, Relation.RISK_QUEUE);
        b.allow(Action.CREATE, Roles.COACH, Relation.OWN_CASELOAD)
                .allow(Action.CREATE, Roles.SUPERVISOR, Relation.OWN_CASELOAD, Relation.SUPERVISEES_CASELOAD);
        for (Action a : new Action[] {Action.VIEW, Action.READ_AS_CLIENT}) {
            b.allow(a, Roles.CLIENT, Relation.ABOUT_ME_ASKED);
        }
        return b.audit(Action.READ, "read")
                .audit(Action.LIST, "list")
                .audit(Action.READ_AS_CLIENT, "read-as-client / list-as-client")
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

    private final Supplier<Set<String>> supervisees;

    /**
     * @param supervisees the practitioners the caller supervises (empty for anyone else), asked for only when a
     *     check gets that far: a coach's request, or a referral in the risk queue, costs no query for them
     */
    public ReferralPolicy(Supplier<Set<String>> supervisees) {
        super(RULES, Action.VIEW, "Referral");
        Set<Set<String>> asked = new java.util.HashSet<>(1); // once per policy, however many checks ask
        this.supervisees = () -> {
            if (asked.isEmpty()) {
                asked.add(Set.copyOf(supervisees.get()));
            }
            return asked.iterator().next();
        };
    }

    /** For what needs no relation to a supervisee (a client's own, the exception's separation of duties). */
    public ReferralPolicy() {
        this(Set::of);
    }

    /** The referrals a supervisor reaches ({@link Relation#SUPERVISED} or {@link Relation#RISK_QUEUE}). */
    static Criterion<Referral> supervised(Caller caller, Supplier<Set<String>> supervisees) {
        return PRACTITIONER.is(caller.subject()).or(Criterion.lazy(() -> PRACTITIONER.in(supervisees.get())));
    }

    /**
     * Every supervisor's (DESIGN's risk queue): a draft that is urgent or an emergency; and, until closed, a referral
     * drafted from a risk (an intake's flag, a session's concern) or asked the serious-risk exception for (a
     * supervisor other than the one who asked approves it); and one nobody is responsible for.
     */
    static Criterion<Referral> riskQueue() {
        return PRACTITIONER
                .isNull()
                .or(STATUS.is(ReferralLifecycle.DRAFT).and(URGENCY.in(URGENT_OR_EMERGENCY)))
                .or(ORIGIN.in(List.of(Referral.FROM_RISK_FLAG, Referral.FROM_RISK_CONCERN))
                        .or(EXCEPTION_REQUESTED.isNotNull())
                        .and(STATUS.in(ReferralLifecycle.open())));
    }

    @Override
    protected Criterion<Referral> relation(Relation relation, Caller caller) {
        return switch (relation) {
            case RESPONSIBLE, OWN_CASELOAD -> PRACTITIONER.is(caller.subject());
            case SUPERVISED -> supervised(caller, supervisees);
            case RISK_QUEUE -> riskQueue();
            case ABOUT_ME_ASKED ->
                CLIENT.is(caller.subject())
                        .and(STATUS.isNot(ReferralLifecycle.DRAFT))
                        .and(ASKED.isNotNull().or(SENT.isNotNull()));
            case SUPERVISEES_CASELOAD -> Criterion.lazy(() -> PRACTITIONER.in(supervisees.get()));
        };
    }

    /** The separation of duties of the serious-risk exception: nobody approves the exception they asked for. */
    public boolean requestedException(Caller caller, Referral r) {
        return caller.subject() != null && caller.subject().equals(r.exceptionRequestedBy);
    }
}
