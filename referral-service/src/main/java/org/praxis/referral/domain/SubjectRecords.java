package org.praxis.referral.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.platform.privacy.SubjectErasure;
import org.praxis.referral.events.ReferralEvents;

/**
 * Everything referral-service holds about a person: export on request, and erasure. Erasure removes
 * their name, contact, the reasons and their own words, and ties what is left to a pseudonym. A
 * referral sent without consent under the serious-risk exception keeps its justification: breaking
 * confidentiality must stay accountable, so the confirmation counts those records.
 */
@ApplicationScoped
public class SubjectRecords implements SubjectErasure {
    @Inject
    TenantQueries tenant;
    @Inject
    OutboxPublisher outbox;
    @Inject
    AuditLog audit;

    public record Export(String subject, List<Referral> referrals, List<ConsentRecord> consents, List<ReferralStep> steps,
                         List<SelfHelpOffer> selfHelp) {
    }

    @Transactional
    public Export export(String subject) {
        List<Referral> referrals = referralsOf(subject);
        List<UUID> ids = referrals.stream().map(r -> r.id).toList();
        audit.record("export", "subject", subject, "subject access request");
        return new Export(subject, referrals, byReferral(ConsentRecord.class, ids, "e.askedAt"),
                byReferral(ReferralStep.class, ids, "e.at"), offersTo(subject));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String subject, String requestId) {
        String pseudonym = Pseudonyms.of(tenant.tenantId(), subject);
        List<Referral> referrals = referralsOf(subject);
        List<UUID> ids = referrals.stream().map(r -> r.id).toList();
        int retained = 0;
        for (Referral r : referrals) {
            r.clientSubject = pseudonym;
            r.clientName = null;
            r.clientContact = null;
            r.reasonText = null;
            r.declineReason = null;
            if (r.sentUnderException) {
                retained++;
            } else {
                r.exceptionJustification = null;
            }
        }
        byReferral(ConsentRecord.class, ids, "e.askedAt").forEach(c -> c.clientWords = null);
        byReferral(ReferralStep.class, ids, "e.at").forEach(s -> s.reason = null);
        for (SelfHelpOffer o : offersTo(subject)) {
            o.clientSubject = pseudonym;
            o.note = null;
        }
        audit.record("erase", "subject", pseudonym, "erasure request " + requestId);
        outbox.publish(ReferralEvents.SUBJECT_ERASED, requestId,
                new ReferralEvents.SubjectErased(requestId, "referral-service", referrals.size(), retained));
    }

    private List<Referral> referralsOf(String subject) {
        return tenant.select(Referral.class, "e.clientSubject = :s", "e.createdAt", Map.of("s", subject)).getResultList();
    }

    private List<SelfHelpOffer> offersTo(String subject) {
        return tenant.select(SelfHelpOffer.class, "e.clientSubject = :s", "e.offeredAt", Map.of("s", subject)).getResultList();
    }

    private <E> List<E> byReferral(Class<E> type, List<UUID> ids, String order) {
        return ids.isEmpty() ? List.of() : tenant.select(type, "e.referralId in :ids", order, Map.of("ids", ids)).getResultList();
    }
}
