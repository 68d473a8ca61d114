package org.praxis.referral.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.Problem;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.PageRequest;
import org.praxis.referral.domain.access.ConsentPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.ReferralPolicy.Action;
import org.praxis.referral.events.ReferralEvents;

import static org.praxis.referral.domain.ReferralLifecycle.ACCEPTED;
import static org.praxis.referral.domain.ReferralLifecycle.AWAITING_CONSENT;
import static org.praxis.referral.domain.ReferralLifecycle.CANCELLED;
import static org.praxis.referral.domain.ReferralLifecycle.COMPLETED;
import static org.praxis.referral.domain.ReferralLifecycle.DECLINED;
import static org.praxis.referral.domain.ReferralLifecycle.DRAFT;
import static org.praxis.referral.domain.ReferralLifecycle.SENT;
import static org.praxis.referral.domain.ReferralLifecycle.WITHDRAWN;

/**
 * A referral's life: drafted by a practitioner or from a risk event, the client asked for consent
 * (or the serious-risk exception approved), sent, answered by the recipient, closed. Every step is
 * kept with who, when and why, audited, and published as {@code referral.status-changed}.
 */
@ApplicationScoped
public class Referrals {
    @Inject
    EntityManager em;
    @Inject
    TenantQueries tenant;
    @Inject
    CallerContext callerContext;
    @Inject
    OutboxPublisher outbox;
    @Inject
    AuditLog audit;
    @Inject
    Deadlines deadlines;
    @Inject
    Caseloads caseloads;

    /** What the referrer decides about a referral; all of it may change while it is a draft. */
    public record Terms(UUID serviceId, String reasonCode, String reasonText, String urgency, List<String> disclose,
                        String clientName, String clientContact) {
    }

    public record NewReferral(String clientSubject, String practitionerId, UUID intakeId, UUID engagementId, Terms terms) {
    }

    public record Filter(String status, String urgency, String origin, String clientSubject, boolean overdue) {
    }

    @Transactional
    public Referral open(NewReferral request) {
        Caller caller = callerContext.caller();
        caseloads.referralPolicy(caller).requireAllowed(caller, Action.CREATE);
        String practitioner = caseloads.requireNameable(caller, request.practitionerId(), request.engagementId(),
                request.clientSubject());
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.tenantId = caller.tenantId();
        r.clientSubject = request.clientSubject();
        r.practitionerId = practitioner;
        r.origin = Referral.MANUAL;
        r.intakeId = request.intakeId();
        r.engagementId = request.engagementId();
        r.createdBy = actor();
        r.createdAt = Instant.now();
        apply(r, request.terms());
        r.status = DRAFT;
        r.statusAt = r.createdAt;
        em.persist(r);
        step(r, "create", null);
        publish(r);
        return r;
    }

    /**
     * DESIGN flows 2 and 3: a risk flag from intake or a concern noted in a session opens an urgent
     * draft for the supervisors' queue. The unique (origin, ref) keeps it to one draft per risk,
     * however often the event arrives.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean draftForRisk(String origin, String ref, String clientSubject, String practitionerId, String riskLevel,
                                UUID intakeId, UUID engagementId) {
        boolean exists = !tenant.select(Referral.class, "e.origin = :origin and e.originRef = :ref", null,
                Map.of("origin", origin, "ref", ref)).getResultList().isEmpty();
        if (exists) {
            return false;
        }
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.tenantId = tenant.tenantId();
        r.clientSubject = clientSubject;
        r.practitionerId = practitionerId;
        r.origin = origin;
        r.originRef = ref;
        r.riskLevel = riskLevel;
        r.intakeId = intakeId;
        r.engagementId = engagementId;
        r.reasonCode = ReasonCodes.SAFETY_CONCERN;
        r.urgency = Urgency.URGENT.code;
        r.disclose = List.of();
        r.status = DRAFT;
        r.createdBy = actor();
        r.createdAt = Instant.now();
        r.statusAt = r.createdAt;
        em.persist(r);
        step(r, "create-from-" + origin, null);
        publish(r);
        return true;
    }

    private ReferralPolicy policy() {
        return new ReferralPolicy();
    }

    /**
     * A person drafted for by their intake alone (no account yet) is identified once an event says
     * who they are: every referral of the intake still without a client subject gets it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int identify(UUID intakeId, String clientSubject) {
        if (intakeId == null || clientSubject == null) {
            return 0;
        }
        List<Referral> unknown = tenant.select(Referral.class, "e.intakeId = :intake and e.clientSubject is null", null,
                Map.of("intake", intakeId)).getResultList();
        for (Referral r : unknown) {
            r.clientSubject = clientSubject;
            step(r, "identify-client", "the intake's person now has an account");
        }
        return unknown.size();
    }

    /** The referral if the caller may do {@code action} on it: 404 when they may not know it exists, 403 when they see it. */
    public Referral require(UUID id, Action action) {
        Referral r = tenant.find(Referral.class, id).orElse(null);
        return policy().require(callerContext.caller(), action, r, id);
    }

    public List<Referral> list(PageRequest page, Filter filter) {
        Caller caller = callerContext.caller();
        ReferralPolicy policy = policy();
        policy.requireAllowed(caller, Action.LIST);
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("(" + policy.filter(caller, Action.READ).jpql("e", params) + ")");
        if (filter.status() != null) {
            where.add("e.status = :status");
            params.put("status", filter.status());
        }
        if (filter.urgency() != null) {
            where.add("e.urgency = :urgency");
            params.put("urgency", filter.urgency());
        }
        if (filter.origin() != null) {
            where.add("e.origin = :origin");
            params.put("origin", filter.origin());
        }
        if (filter.clientSubject() != null) {
            where.add("e.clientSubject = :client");
            params.put("client", filter.clientSubject());
        }
        if (filter.overdue()) {
            where.add(overdueCondition(params));
        }
        return tenant.page(Referral.class, where, params, page, "e.createdAt");
    }

    /** Sent and unanswered past the tenant's deadline for its urgency. */
    private String overdueCondition(Map<String, Object> params) {
        AnswerDeadlines d = deadlines.current().deadlines();
        Instant now = Instant.now();
        List<String> perUrgency = new ArrayList<>();
        for (Urgency u : Urgency.values()) {
            perUrgency.add("(e.urgency = '" + u.code + "' and e.sentAt < :before_" + u.name() + ")");
            params.put("before_" + u.name(), d.sentBefore(u, now));
        }
        return "e.status = '" + SENT + "' and (" + String.join(" or ", perUrgency) + ")";
    }

    public List<Referral> clientsOwnList(PageRequest page) {
        Caller caller = callerContext.caller();
        policy().requireAllowed(caller, Action.READ_AS_CLIENT);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("(" + policy().filter(caller, Action.READ_AS_CLIENT).jpql("e", params) + ")"));
        return tenant.page(Referral.class, where, params, page, "e.createdAt");
    }

    /** Change the terms of a draft, or of one awaiting consent (which sends it back to draft: consent was to the old terms). */
    @Transactional
    public Referral revise(UUID id, String ifMatch, Terms terms) {
        Referral r = require(id, Action.REVISE);
        ETags.requireMatch(ifMatch, r.version);
        if (!DRAFT.equals(r.status) && !AWAITING_CONSENT.equals(r.status)) {
            throw ProblemException.conflict("A referral's terms change only before it is sent; it is " + r.status + ".");
        }
        String before = r.termsDigest();
        String was = describe(r);
        apply(r, terms);
        if (!before.equals(r.termsDigest())) {
            r.termsRevision++;
            if (r.exceptionRequestedAt != null) {
                // Hole 1: an exception (requested or approved) is for the terms it was asked for; any change voids it.
                boolean approved = r.exceptionApprovedAt != null;
                r.voidException();
                step(r, "void-risk-exception", (approved ? "approved" : "requested") + " for " + was + "; terms changed to "
                        + describe(r) + ": a new request and another supervisor's approval are needed");
            }
        }
        if (AWAITING_CONSENT.equals(r.status)) {
            currentConsent(r).ifPresent(c -> c.decision = ConsentRecord.WITHDRAWN);
            r.consentId = null;
            move(r, DRAFT, "revise", "terms changed; the client is to be asked again");
        } else {
            step(r, "revise", null);
        }
        return r;
    }

    /** The practitioner asks the client: the terms must be complete so the client knows what they agree to. */
    @Transactional
    public Referral askConsent(UUID id, String ifMatch) {
        Referral r = require(id, Action.ASK_CONSENT);
        matchIfGiven(ifMatch, r);
        requireMove(r, AWAITING_CONSENT);
        if (r.clientSubject == null) {
            throw ProblemException.unprocessable("The person has no account yet to be asked for consent (the referral knows them by their intake)",
                    List.of(new Problem.FieldError("clientSubject", "is not known yet: ask once the person has an account, or use the serious-risk exception")));
        }
        if (r.serviceId == null) {
            throw ProblemException.unprocessable("Choose the directory service before asking the client",
                    List.of(new Problem.FieldError("serviceId", "is required before the client is asked")));
        }
        ConsentRecord c = new ConsentRecord();
        c.id = UUID.randomUUID();
        c.tenantId = r.tenantId;
        c.referralId = r.id;
        c.askedBy = actor();
        c.askedAt = Instant.now();
        c.proposed = List.copyOf(r.disclose);
        c.decision = ConsentRecord.PENDING;
        c.shares = List.of();
        em.persist(c);
        r.consentId = c.id;
        move(r, AWAITING_CONSENT, "ask-consent", null);
        return r;
    }

    /** The client agrees (sharing no more than was proposed) or refuses; a refusal ends the referral. */
    @Transactional
    public Referral decideConsent(UUID id, boolean agree, List<String> shares, String words) {
        Referral r = require(id, Action.READ_AS_CLIENT);
        if (!AWAITING_CONSENT.equals(r.status)) {
            throw ProblemException.conflict("This referral is not waiting for your consent; it is " + r.status + ".");
        }
        ConsentRecord c = currentConsent(r).orElseThrow(() -> ProblemException.conflict("No consent was asked for."));
        consentPolicy().require(callerContext.caller(), ConsentPolicy.Action.DECIDE, c, c.id);
        if (!ConsentRecord.PENDING.equals(c.decision)) {
            throw ProblemException.conflict("You already " + c.decision + "; withdraw your consent to change it.");
        }
        List<String> sharing = shares == null ? List.of() : shares;
        List<Integer> beyond = Disclosure.beyond(c.proposed, sharing);
        if (agree && !beyond.isEmpty()) {
            throw ProblemException.unprocessable("You can share only what you were asked about",
                    List.of(new Problem.FieldError("shares", "items " + beyond + " were not proposed; you were asked about: "
                            + (c.proposed.isEmpty() ? "nothing" : String.join(", ", c.proposed)))));
        }
        c.decision = agree ? ConsentRecord.AGREED : ConsentRecord.REFUSED;
        c.shares = agree ? List.copyOf(sharing) : List.of();
        c.clientWords(words);
        c.decidedAt = Instant.now();
        if (agree) {
            step(r, "consent-given", null);
        } else {
            move(r, WITHDRAWN, "consent-refused", null);
        }
        return r;
    }

    /** A client may withdraw their consent while the referral has not been sent. */
    @Transactional
    public Referral withdrawConsent(UUID id, String reason) {
        Referral r = require(id, Action.READ_AS_CLIENT);
        if (!AWAITING_CONSENT.equals(r.status)) {
            throw ProblemException.conflict(SENT.equals(r.status) || ACCEPTED.equals(r.status)
                    ? "This referral has already been sent; talk to your coach about stopping it."
                    : "This referral is " + r.status + "; there is no consent to withdraw.");
        }
        ConsentRecord consent = currentConsent(r).orElse(null);
        if (consent != null) {
            consentPolicy().require(callerContext.caller(), ConsentPolicy.Action.WITHDRAW, consent, consent.id);
            consent.decision = ConsentRecord.WITHDRAWN;
            consent.withdrawnAt = Instant.now();
        }
        move(r, WITHDRAWN, "consent-withdrawn", reason);
        return r;
    }

    /** The serious-risk exception: only for an emergency, with a justification; a supervisor must then approve it. */
    @Transactional
    public Referral requestException(UUID id, String ifMatch, String justification) {
        Referral r = require(id, Action.REQUEST_EXCEPTION);
        matchIfGiven(ifMatch, r);
        if (!DRAFT.equals(r.status) && !AWAITING_CONSENT.equals(r.status)) {
            throw ProblemException.conflict("The exception applies only before a referral is sent; it is " + r.status + ".");
        }
        if (!Urgency.EMERGENCY.code.equals(r.urgency)) {
            throw ProblemException.unprocessable("Referring without consent is only for serious risk",
                    List.of(new Problem.FieldError("urgency", "must be emergency to refer without the client's consent")));
        }
        boolean approved = r.exceptionApprovedAt != null;
        r.voidException();
        if (approved) {
            step(r, "void-risk-exception", "a new justification replaces the approved one");
        }
        r.exceptionJustification(justification);
        r.exceptionRequestedBy = actor();
        r.exceptionRequestedAt = Instant.now();
        r.termsRevision++;
        step(r, "request-risk-exception", justification);
        return r;
    }

    /** A supervisor other than the one who asked approves referring without consent. */
    @Transactional
    public Referral approveException(UUID id, String ifMatch) {
        Caller caller = callerContext.caller();
        ReferralPolicy policy = policy();
        Referral r = policy.require(caller, Action.APPROVE_EXCEPTION, tenant.find(Referral.class, id).orElse(null), id);
        matchIfGiven(ifMatch, r);
        if (r.exceptionRequestedAt == null) {
            throw ProblemException.conflict("No serious-risk exception has been requested for this referral.");
        }
        if (r.exceptionApproved()) {
            throw ProblemException.conflict("The exception is already approved.");
        }
        if (!DRAFT.equals(r.status) && !AWAITING_CONSENT.equals(r.status)) {
            throw ProblemException.conflict("The referral is " + r.status + "; there is nothing to approve.");
        }
        if (policy.requestedException(caller, r)) {
            throw ProblemException.unprocessable("Another supervisor must approve the exception you requested",
                    List.of(new Problem.FieldError("approver", "must not be the person who requested the exception")));
        }
        if (!Urgency.EMERGENCY.code.equals(r.urgency)) {
            throw ProblemException.conflict("The exception is only for an emergency; this referral is " + r.urgency + ".");
        }
        r.exceptionApprovedBy = actor();
        r.exceptionApprovedAt = Instant.now();
        // Hole 1: the approval is bound to exactly these terms.
        r.exceptionApprovedRevision = r.termsRevision;
        r.exceptionApprovedTerms = r.termsDigest();
        r.exceptionApprovedUrgency = r.urgency;
        r.exceptionApprovedService = r.serviceId;
        r.exceptionApprovedDisclose = List.copyOf(r.disclose);
        step(r, "approve-risk-exception", "for " + describe(r));
        return r;
    }

    @Transactional
    public Referral send(UUID id, String ifMatch) {
        Referral r = require(id, Action.SEND);
        matchIfGiven(ifMatch, r);
        requireMove(r, SENT);
        ConsentRecord consent = currentConsent(r).orElse(null);
        DirectoryService service = r.serviceId == null ? null : em.find(DirectoryService.class, r.serviceId);
        String refusal = r.sendRefusal(consent, service);
        if (refusal != null) {
            throw ProblemException.unprocessable(refusal);
        }
        boolean agreed = consent != null && ConsentRecord.AGREED.equals(consent.decision);
        r.sentUnderException = !agreed;
        r.sentAt = Instant.now();
        move(r, SENT, agreed ? "send-with-consent" : "send-under-risk-exception",
                agreed ? null : "approved by " + r.exceptionApprovedBy);
        return r;
    }

    /** The recipient's answer, recorded by the referrer or a supervisor: accepted, declined (with reason) or completed. */
    @Transactional
    public Referral answer(UUID id, String ifMatch, String outcome, String reason, Instant firstAppointmentAt) {
        Referral r = require(id, Action.RECORD_ANSWER);
        matchIfGiven(ifMatch, r);
        if (!ACCEPTED.equals(outcome) && !DECLINED.equals(outcome) && !COMPLETED.equals(outcome)) {
            throw ProblemException.unprocessable("The recipient's answer is not one this service knows",
                    List.of(new Problem.FieldError("outcome", "must be accepted, declined or completed")));
        }
        requireMove(r, outcome);
        if (DECLINED.equals(outcome) && (reason == null || reason.isBlank())) {
            throw ProblemException.unprocessable("Say why the recipient declined",
                    List.of(new Problem.FieldError("reason", "is required when the referral is declined")));
        }
        Instant now = Instant.now();
        switch (outcome) {
            case ACCEPTED -> {
                r.answeredAt = now;
                r.firstAppointmentAt = firstAppointmentAt;
            }
            case DECLINED -> {
                r.answeredAt = now;
                r.declineReason(reason);
            }
            default -> r.completedAt = now;
        }
        move(r, outcome, "answer-" + outcome, reason);
        return r;
    }

    /** The first appointment's date, often known only after the referral was accepted. */
    @Transactional
    public Referral firstAppointment(UUID id, String ifMatch, Instant at) {
        Referral r = require(id, Action.RECORD_APPOINTMENT);
        matchIfGiven(ifMatch, r);
        if (!ACCEPTED.equals(r.status)) {
            throw ProblemException.conflict("A first appointment is recorded for an accepted referral; it is " + r.status + ".");
        }
        r.firstAppointmentAt = at;
        step(r, "first-appointment", null);
        return r;
    }

    @Transactional
    public Referral cancel(UUID id, String ifMatch, String reason) {
        Referral r = require(id, Action.CANCEL);
        matchIfGiven(ifMatch, r);
        requireMove(r, CANCELLED);
        currentConsent(r).filter(c -> ConsentRecord.PENDING.equals(c.decision)).ifPresent(c -> c.decision = ConsentRecord.WITHDRAWN);
        move(r, CANCELLED, "cancel", reason);
        return r;
    }

    /** One page of the referral's steps, newest first. */
    public List<ReferralStep> history(Referral r, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("e.referralId = :r"));
        Map<String, Object> params = new HashMap<>(Map.of("r", r.id));
        return tenant.page(ReferralStep.class, where, params, page, "e.at");
    }

    /** One page of the consents asked about a referral, newest first, as far as the caller may see them. */
    public List<ConsentRecord> consents(Referral r, PageRequest page) {
        Map<String, Object> params = new HashMap<>(Map.of("r", r.id));
        String visible = consentPolicy().filter(callerContext.caller(), ConsentPolicy.Action.VIEW).jpql("e", params);
        List<String> where = new ArrayList<>(List.of("e.referralId = :r", "(" + visible + ")"));
        return tenant.page(ConsentRecord.class, where, params, page, "e.askedAt");
    }

    private ConsentPolicy consentPolicy() {
        return new ConsentPolicy(c -> tenant.find(Referral.class, c.referralId).orElse(null));
    }

    public java.util.Optional<ConsentRecord> currentConsent(Referral r) {
        return r.consentId == null ? java.util.Optional.empty() : tenant.find(ConsentRecord.class, r.consentId);
    }

    public java.util.Optional<DirectoryService> service(Referral r) {
        return r.serviceId == null ? java.util.Optional.empty() : tenant.find(DirectoryService.class, r.serviceId);
    }

    /** The current consents of a page of referrals, by consent id, in one query. */
    public Map<UUID, ConsentRecord> currentConsents(List<Referral> page) {
        return byId(ConsentRecord.class, page.stream().map(r -> r.consentId).toList(), c -> c.id);
    }

    /** Directory services by id, in one query (a page's worth, not one query per row). */
    public Map<UUID, DirectoryService> services(List<UUID> ids) {
        return byId(DirectoryService.class, ids, s -> s.id);
    }

    private <E> Map<UUID, E> byId(Class<E> type, List<UUID> ids, java.util.function.Function<E, UUID> id) {
        List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return new HashMap<>(); // not Map.of(): callers look up null ids
        }
        return tenant.select(type, "e.id in :ids", null, Map.of("ids", wanted)).getResultStream()
                .collect(java.util.stream.Collectors.toMap(id, e -> e));
    }

    private void apply(Referral r, Terms terms) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!ReasonCodes.ALL.contains(terms.reasonCode())) {
            errors.add(new Problem.FieldError("reasonCode", "must be one of " + String.join(", ", ReasonCodes.ALL)));
        }
        if (!Urgency.codes().contains(terms.urgency())) {
            errors.add(new Problem.FieldError("urgency", "must be one of " + String.join(", ", Urgency.codes())));
        }
        List<String> disclose = terms.disclose() == null ? List.of() : terms.disclose();
        List<Integer> unknown = Disclosure.unknown(disclose);
        if (!unknown.isEmpty()) {
            errors.add(new Problem.FieldError("disclose", "items " + unknown + " are not one of identity, contact, reason, risk"));
        }
        DirectoryService service = null;
        if (terms.serviceId() != null) {
            service = tenant.find(DirectoryService.class, terms.serviceId()).orElse(null);
            if (service == null) {
                errors.add(new Problem.FieldError("serviceId", "is not a service in your directory"));
            } else if (ServiceKinds.SELF_HELP.equals(service.kind)) {
                errors.add(new Problem.FieldError("serviceId", "is a self-help resource: offer it instead of referring"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The referral's terms are not valid", errors);
        }
        r.serviceId = terms.serviceId();
        r.serviceKind = service == null ? null : service.kind;
        r.reasonCode = terms.reasonCode();
        r.reasonText(terms.reasonText());
        r.urgency = terms.urgency();
        r.disclose = disclose.stream().distinct().sorted().toList();
        r.clientName(terms.clientName());
        r.clientContact(terms.clientContact());
    }

    private static void matchIfGiven(String ifMatch, Referral r) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, r.version);
        }
    }

    private static void requireMove(Referral r, String to) {
        if (!ReferralLifecycle.canMove(r.status, to)) {
            throw ProblemException.conflict("A referral cannot go from " + r.status + " to " + to + ".");
        }
    }

    private void move(Referral r, String to, String action, String reason) {
        requireMove(r, to);
        r.status = to;
        r.statusAt = Instant.now();
        step(r, action, reason);
        publish(r);
    }

    /** Records the step in the referral's history and the audit log. */
    private void step(Referral r, String action, String reason) {
        ReferralStep s = new ReferralStep();
        s.id = UUID.randomUUID();
        s.tenantId = r.tenantId;
        s.referralId = r.id;
        s.status = r.status;
        s.action = action;
        s.actor = actor();
        s.at = Instant.now();
        s.reason(reason);
        em.persist(s);
        audit.record(action, "referral", r.id, null);
    }

    /** Who is acting, to stamp on what they do. */
    private String actor() {
        return callerContext.subject();
    }

    /** The terms an exception is approved for, as the history shows them. */
    private static String describe(Referral r) {
        return "urgency " + r.urgency + ", service " + r.serviceId + ", disclosing " + r.disclose
                + ", reason " + r.reasonCode;
    }

    private void publish(Referral r) {
        outbox.publish(ReferralEvents.STATUS_CHANGED, r.id, new ReferralEvents.StatusChanged(r.id, r.engagementId,
                r.intakeId, r.status, r.urgency, r.serviceKind, r.clientSubject, r.practitionerId, r.createdBy, r.origin));
    }
}
