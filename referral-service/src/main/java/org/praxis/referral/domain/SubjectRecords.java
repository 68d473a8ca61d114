package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.PlatformRecords;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.platform.privacy.SubjectExports;
import org.praxis.referral.domain.events.ReferralEvents;

/**
 * Everything referral-service holds about a person: export on a recorded export request, and
 * erasure. Erasure removes their name, contact, the reasons and their own words, and ties what is
 * left to a pseudonym. A referral sent without consent under the serious-risk exception keeps its
 * justification: breaking confidentiality must stay accountable, so the confirmation counts those
 * records. Their referrals not sent yet are cancelled. The person is erased in every role they had, client or practitioner ({@link #PERSON_COLUMNS}).
 */
@ApplicationScoped
public class SubjectRecords implements SubjectErasure {
    @Inject
    TenantQueries tenant;

    @Inject
    OutboxPublisher outbox;

    @Inject
    SubjectExports exports;

    @Inject
    PlatformRecords platformRecords;

    @Inject
    Caseloads caseloads;

    @Inject
    Referrals referralsInForce;

    @Inject
    ReferralHistory history;

    public record Export(
            String subject,
            List<Referral> referrals,
            List<ConsentRecord> consents,
            List<ReferralStep> steps,
            List<SelfHelpOffer> selfHelp) {}

    /**
     * Everything held about {@code subject}, on a recorded export request that is ready: its use is
     * counted and audited with the request and its reason, in this transaction, before anything is read.
     * Each list holds at most {@link SubjectExports#ROWS} rows, oldest first.
     */
    @Transactional
    public Export export(String subject, UUID request) {
        exports.open(subject, request);
        Map<String, Object> s = Map.of("s", subject);
        List<Referral> referrals = exports.rows(Referral.class, "e.clientSubject = :s", "e.createdAt, e.id", s);
        List<UUID> ids = referrals.stream().map(r -> r.id).toList();
        return new Export(
                subject,
                referrals,
                exports.rowsIn(ConsentRecord.class, "referralId", ids, "e.askedAt, e.id"),
                exports.rowsIn(ReferralStep.class, "referralId", ids, "e.at, e.id"),
                exports.rows(SelfHelpOffer.class, "e.clientSubject = :s", "e.offeredAt, e.id", s));
    }

    /**
     * Every column that may name a person, in any role: the client, the practitioner responsible, who
     * asked for or approved the serious-risk exception, who acted on a referral, asked for consent or
     * offered self-help, who keeps the directory or the deadlines, and the caseload replicas. Kept rows
     * name the pseudonym instead. A directory service's {@code practitioner_name} names someone outside
     * Praxis, not a subject.
     */
    static final Map<String, List<String>> PERSON_COLUMNS = Map.of(
            "referral",
                    List.of(
                            "client_subject",
                            "practitioner_id",
                            "exception_requested_by",
                            "exception_approved_by",
                            "created_by"),
            "referral_step", List.of("actor"),
            "referral_consent", List.of("asked_by"),
            "self_help_offer", List.of("client_subject", "offered_by"),
            "known_engagement", List.of("client_subject", "practitioner_id"),
            "practitioner_supervisor", List.of("supervisor_id"),
            "directory_organisation", List.of("created_by"),
            "directory_service", List.of("created_by"),
            "referral_deadlines", List.of("updated_by"));

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
        List<Referral> referrals = referralsOf(subject);
        List<UUID> ids = referrals.stream().map(r -> r.id).toList();
        int retained = 0;
        for (Referral r : referrals) {
            if (ReferralLifecycle.DRAFT.equals(r.status) || ReferralLifecycle.AWAITING_CONSENT.equals(r.status)) {
                // Nothing of an erased person is sent after: a consent given before does not outlive them.
                // The status change it publishes names the pseudonym: the outbox was pseudonymised before this runs.
                r.clientSubject = Pseudonyms.of(tenant.tenantId(), subject);
                referralsInForce.currentConsent(r).ifPresent(c -> c.lapse(Instant.now()));
                history.move(r, ReferralLifecycle.CANCELLED, "cancel-at-erasure", null);
            }
            r.clientName(null);
            r.clientContact(null);
            r.reasonText(null);
            r.declineReason(null);
            if (r.sentUnderException) {
                retained++;
            } else {
                r.exceptionJustification(null);
            }
        }
        byReferral(ConsentRecord.class, ids, "e.askedAt").forEach(c -> c.clientWords(null));
        byReferral(ReferralStep.class, ids, "e.at").forEach(s -> s.reason(null));
        offersTo(subject).forEach(o -> o.note(null));
        // An erased practitioner has no supervisor; whom they supervised keeps the link.
        caseloads.assignSupervisor(tenant.tenantId(), subject, null);
        platformRecords.pseudonymiseAndAudit(tenant.tenantId(), subject, requestId, PERSON_COLUMNS);
        outbox.publish(new ReferralEvents.SubjectErased(requestId, "referral-service", referrals.size(), retained));
    }

    private List<Referral> referralsOf(String subject) {
        return tenant.select(Referral.class, "e.clientSubject = :s", "e.createdAt", Map.of("s", subject))
                .getResultList();
    }

    private List<SelfHelpOffer> offersTo(String subject) {
        return tenant.select(SelfHelpOffer.class, "e.clientSubject = :s", "e.offeredAt", Map.of("s", subject))
                .getResultList();
    }

    private <E> List<E> byReferral(Class<E> type, List<UUID> ids, String order) {
        return ids.isEmpty()
                ? List.of()
                : tenant.select(type, "e.referralId in :ids", order, Map.of("ids", ids))
                        .getResultList();
    }
}
