package org.praxis.referral.domain;

import static org.praxis.referral.domain.ReferralLifecycle.ACCEPTED;
import static org.praxis.referral.domain.ReferralLifecycle.CANCELLED;
import static org.praxis.referral.domain.ReferralLifecycle.COMPLETED;
import static org.praxis.referral.domain.ReferralLifecycle.DECLINED;
import static org.praxis.referral.domain.ReferralLifecycle.SENT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.referral.domain.access.ReferralPolicy.Action;

/**
 * The closed loop: a referral is sent (with the client's agreement or under the approved
 * serious-risk exception, {@link Referral#sendRefusal}), the recipient's answer and first
 * appointment are recorded, and it ends completed, declined or cancelled.
 */
@ApplicationScoped
public class ReferralLoop {
    /** The recipient's answers. */
    public static final List<String> OUTCOMES = List.of(ACCEPTED, DECLINED, COMPLETED);

    @Inject
    EntityManager em;

    @Inject
    Referrals referrals;

    @Inject
    ReferralHistory history;

    @Inject
    AuditLog audit;

    /** The sent referral, as its recipient gets it (audited); 409 before it is sent. */
    @Transactional
    public Referral readForRecipient(UUID id) {
        Referral r = referrals.require(id, Action.READ_FHIR);
        if (r.sentAt == null) {
            throw ProblemException.conflict(
                    "A referral is shared with its recipient only once it is sent; it is " + r.status + ".");
        }
        audit.record("read-fhir", "referral", r.id, null);
        return r;
    }

    @Transactional
    public Referral send(UUID id, String ifMatch) {
        Referral r = referrals.require(id, Action.SEND, ifMatch);
        ReferralLifecycle.requireMove(r.status, SENT);
        ConsentRecord consent = referrals.currentConsent(r).orElse(null);
        DirectoryService service = r.serviceId == null ? null : em.find(DirectoryService.class, r.serviceId);
        String refusal = r.sendRefusal(consent, service);
        if (refusal != null) {
            throw ProblemException.unprocessable(refusal);
        }
        boolean agreed = consent != null && consent.isAgreed();
        r.sentUnderException = !agreed;
        r.sentAt = Instant.now();
        r.sentTo = service == null
                ? null
                : service.named(
                        service.organisationId == null
                                ? null
                                : em.find(DirectoryOrganisation.class, service.organisationId));
        history.move(
                r,
                SENT,
                agreed ? "send-with-consent" : "send-under-risk-exception",
                agreed ? null : "approved by " + r.exceptionApprovedBy);
        return r;
    }

    /** The recipient's answer, recorded by the referrer or a supervisor: accepted, declined (with reason) or completed. */
    @Transactional
    public Referral answer(UUID id, String ifMatch, String outcome, String reason, Instant firstAppointmentAt) {
        Referral r = referrals.require(id, Action.RECORD_ANSWER, ifMatch);
        if (!OUTCOMES.contains(outcome)) {
            throw ProblemException.unprocessable(
                    "The recipient's answer is not one this service knows",
                    List.of(new Violation("outcome", "must be accepted, declined or completed")));
        }
        ReferralLifecycle.requireMove(r.status, outcome);
        if (DECLINED.equals(outcome) && (reason == null || reason.isBlank())) {
            throw ProblemException.unprocessable(
                    "Say why the recipient declined",
                    List.of(new Violation("reason", "is required when the referral is declined")));
        }
        Instant now = Instant.now();
        switch (outcome) {
            case ACCEPTED -> {
                if (firstAppointmentAt != null) {
                    requirePlausible(r, "firstAppointmentAt", firstAppointmentAt, now);
                }
                r.answeredAt = now;
                r.firstAppointmentAt = firstAppointmentAt;
            }
            case DECLINED -> {
                r.answeredAt = now;
                r.declineReason(reason);
            }
            default -> r.completedAt = now;
        }
        history.move(r, outcome, "answer-" + outcome, reason);
        return r;
    }

    /** The first appointment's date, often known only after the referral was accepted. */
    @Transactional
    public Referral firstAppointment(UUID id, String ifMatch, Instant at) {
        Referral r = referrals.require(id, Action.RECORD_APPOINTMENT, ifMatch);
        if (!ACCEPTED.equals(r.status)) {
            throw ProblemException.conflict(
                    "A first appointment is recorded for an accepted referral; it is " + r.status + ".");
        }
        requirePlausible(r, "at", at, Instant.now());
        r.firstAppointmentAt = at;
        history.step(r, "first-appointment", null);
        return r;
    }

    /** The longest wait for a first appointment taken: two years (waiting lists for therapy run long). */
    static final Duration LONGEST_WAIT = Duration.ofDays(2 * 366);

    /** A first appointment falls after the referral was sent and within {@link #LONGEST_WAIT} of now; 422 else. */
    static void requirePlausible(Referral r, String field, Instant at, Instant now) {
        if (r.sentAt != null && at.isBefore(r.sentAt)) {
            throw ProblemException.unprocessable(
                    "A first appointment follows the referral",
                    List.of(new Violation(field, "is before the referral was sent (" + r.sentAt + ")")));
        }
        if (at.isAfter(now.plus(LONGEST_WAIT))) {
            throw ProblemException.unprocessable(
                    "A first appointment is at most two years ahead",
                    List.of(new Violation(field, "is more than two years ahead")));
        }
    }

    @Transactional
    public Referral cancel(UUID id, String ifMatch, String reason) {
        Referral r = referrals.require(id, Action.CANCEL, ifMatch);
        ReferralLifecycle.requireMove(r.status, CANCELLED);
        if (ReferralLifecycle.DRAFT.equals(r.status) || ReferralLifecycle.AWAITING_CONSENT.equals(r.status)) {
            // Not sent: the question, or the agreement given, lapses with it. A sent one's consent was used: it stays.
            referrals.currentConsent(r).ifPresent(c -> c.lapse(Instant.now()));
        }
        history.move(r, CANCELLED, "cancel", reason);
        return r;
    }
}
