package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.ExportRequests;
import org.praxis.platform.privacy.PlatformRecords;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.referral.events.ReferralEvents;

/**
 * Everything referral-service holds about a person: export on a recorded export request, and
 * erasure. Erasure removes their name, contact, the reasons and their own words, and ties what is
 * left to a pseudonym. A referral sent without consent under the serious-risk exception keeps its
 * justification: breaking confidentiality must stay accountable, so the confirmation counts those
 * records. The person is erased in every role they had, client or practitioner ({@link #PERSON_COLUMNS}).
 */
@ApplicationScoped
public class SubjectRecords implements SubjectErasure {
    @Inject
    TenantQueries tenant;

    @Inject
    OutboxPublisher outbox;

    @Inject
    AuditLog audit;

    @Inject
    ExportRequests exportRequests;

    @Inject
    PlatformRecords platformRecords;

    @Inject
    Caseloads caseloads;

    /** The most rows of each kind one export holds (oldest first); a person with more is exported in part. */
    public static final int EXPORT_ROWS = ExportRequests.MAX_ROWS_PER_LIST;

    public record Export(
            String subject,
            List<Referral> referrals,
            List<ConsentRecord> consents,
            List<ReferralStep> steps,
            List<SelfHelpOffer> selfHelp) {}

    /**
     * Everything held about {@code subject}, on a recorded export request that is ready: its use is
     * counted and audited with the request and its reason, in this transaction.
     */
    @Transactional
    public Export export(String subject, UUID request) {
        exportRequests.use(request, subject);
        List<Referral> referrals = capped(
                tenant.select(Referral.class, "e.clientSubject = :s", "e.createdAt, e.id", Map.of("s", subject)));
        List<UUID> ids = referrals.stream().map(r -> r.id).toList();
        return new Export(
                subject,
                referrals,
                ids.isEmpty()
                        ? List.of()
                        : capped(tenant.select(
                                ConsentRecord.class, "e.referralId in :ids", "e.askedAt, e.id", Map.of("ids", ids))),
                ids.isEmpty()
                        ? List.of()
                        : capped(tenant.select(
                                ReferralStep.class, "e.referralId in :ids", "e.at, e.id", Map.of("ids", ids))),
                capped(tenant.select(
                        SelfHelpOffer.class, "e.clientSubject = :s", "e.offeredAt, e.id", Map.of("s", subject))));
    }

    private static <E> List<E> capped(TypedQuery<E> query) {
        return query.setMaxResults(EXPORT_ROWS).getResultList();
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
        String pseudonym = Pseudonyms.of(tenant.tenantId(), subject);
        List<Referral> referrals = referralsOf(subject);
        List<UUID> ids = referrals.stream().map(r -> r.id).toList();
        int retained = 0;
        for (Referral r : referrals) {
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
        platformRecords.pseudonymise(tenant.tenantId(), subject, pseudonym, PERSON_COLUMNS);
        audit.record("erase", "subject", pseudonym, "erasure request " + requestId);
        outbox.publish(
                ReferralEvents.SUBJECT_ERASED,
                requestId,
                new ReferralEvents.SubjectErased(requestId, "referral-service", referrals.size(), retained));
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
