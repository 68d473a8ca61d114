package org.praxis.referral.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.praxis.referral.domain.AnswerDeadlines;
import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralStep;
import org.praxis.referral.domain.Referrals;
import org.praxis.referral.domain.Urgency;

/** Request and response bodies of referrals, for practitioners and for the client. */
public final class ReferralViews {
    private ReferralViews() {
    }

    public record OpenReferralRequest(@NotBlank @Size(max = 200) String clientSubject,
                                      @Size(max = 200) String practitionerId,
                                      UUID intakeId,
                                      UUID engagementId,
                                      UUID serviceId,
                                      @NotBlank String reasonCode,
                                      @Size(max = 5000) String reasonText,
                                      @NotBlank String urgency,
                                      @Size(max = 4) List<@NotBlank String> disclose,
                                      @Size(max = 200) String clientName,
                                      @Size(max = 500) String clientContact) {
        Referrals.NewReferral toNew() {
            return new Referrals.NewReferral(clientSubject, practitionerId, intakeId, engagementId,
                    new Referrals.Terms(serviceId, reasonCode, reasonText, urgency, disclose, clientName, clientContact));
        }
    }

    public record ReviseReferralRequest(UUID serviceId,
                                        @NotBlank String reasonCode,
                                        @Size(max = 5000) String reasonText,
                                        @NotBlank String urgency,
                                        @Size(max = 4) List<@NotBlank String> disclose,
                                        @Size(max = 200) String clientName,
                                        @Size(max = 500) String clientContact) {
        Referrals.Terms terms() {
            return new Referrals.Terms(serviceId, reasonCode, reasonText, urgency, disclose, clientName, clientContact);
        }
    }

    public record ExceptionRequest(@NotBlank @Size(min = 10, max = 5000) String justification) {
    }

    public record AnswerRequest(@NotBlank String outcome, @Size(max = 2000) String reason, Instant firstAppointmentAt) {
    }

    public record AppointmentRequest(@NotNull Instant at) {
    }

    public record CancelRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record ConsentDecisionRequest(@NotNull Boolean agree, @Size(max = 4) List<@NotBlank String> shares,
                                         @Size(max = 2000) String words) {
    }

    public record WithdrawalRequest(@Size(max = 2000) String reason) {
    }

    public record ConsentView(UUID id, String askedBy, Instant askedAt, List<String> proposed, String decision,
                              List<String> shares, String clientWords, Instant decidedAt, Instant withdrawnAt) {
        static ConsentView of(ConsentRecord c) {
            return c == null ? null : new ConsentView(c.id, c.askedBy, c.askedAt, c.proposed, c.decision, c.shares,
                    c.clientWords, c.decidedAt, c.withdrawnAt);
        }
    }

    /** The terms a serious-risk exception was approved for; any change of the referral's terms voids the approval. */
    public record ApprovedTermsView(String urgency, UUID serviceId, List<String> disclose, int termsRevision) {
    }

    public record RiskExceptionView(String justification, String requestedBy, Instant requestedAt, String approvedBy,
                                    Instant approvedAt, ApprovedTermsView approvedTerms) {
        static RiskExceptionView of(Referral r) {
            return r.exceptionRequestedAt == null ? null : new RiskExceptionView(r.exceptionJustification,
                    r.exceptionRequestedBy, r.exceptionRequestedAt, r.exceptionApprovedBy, r.exceptionApprovedAt,
                    r.exceptionApprovedAt == null ? null : new ApprovedTermsView(r.exceptionApprovedUrgency,
                            r.exceptionApprovedService, r.exceptionApprovedDisclose, r.exceptionApprovedRevision));
        }
    }

    /** A list row: no free text (reasons, names, justifications); read the referral for those. */
    public record ReferralSummary(UUID id, String clientSubject, String practitionerId, String origin, String riskLevel,
                                  UUID intakeId, UUID engagementId, UUID serviceId, String serviceKind, String reasonCode,
                                  String urgency, String status, Instant statusAt, Instant sentAt, Instant answerDueBy,
                                  boolean overdue, Instant createdAt) {
        static ReferralSummary of(Referral r, AnswerDeadlines deadlines, Instant now) {
            Urgency u = Urgency.of(r.urgency);
            Instant dueBy = r.sentAt == null ? null : r.sentAt.plus(deadlines.of(u));
            boolean overdue = "sent".equals(r.status) && deadlines.isOverdue(u, r.sentAt, now);
            return new ReferralSummary(r.id, r.clientSubject, r.practitionerId, r.origin, r.riskLevel, r.intakeId,
                    r.engagementId, r.serviceId, r.serviceKind, r.reasonCode, r.urgency, r.status, r.statusAt, r.sentAt,
                    dueBy, overdue, r.createdAt);
        }
    }

    /** One referral in full, for its practitioner or a supervisor. */
    public record ReferralView(UUID id, String clientSubject, String clientName, String clientContact,
                               String practitionerId, String origin, String riskLevel, UUID intakeId, UUID engagementId,
                               UUID serviceId, String serviceKind, String reasonCode, String reasonText, String urgency,
                               List<String> disclose, String status, Instant statusAt, ConsentView consent,
                               RiskExceptionView riskException, boolean sentUnderException, Instant sentAt,
                               Instant answerDueBy, boolean overdue, Instant answeredAt, String declineReason,
                               Instant firstAppointmentAt, Instant completedAt, String createdBy, Instant createdAt,
                               long version) {
        static ReferralView of(Referral r, ConsentRecord consent, AnswerDeadlines deadlines) {
            ReferralSummary s = ReferralSummary.of(r, deadlines, Instant.now());
            return new ReferralView(r.id, r.clientSubject, r.clientName, r.clientContact, r.practitionerId, r.origin,
                    r.riskLevel, r.intakeId, r.engagementId, r.serviceId, r.serviceKind, r.reasonCode, r.reasonText, r.urgency,
                    r.disclose, r.status, r.statusAt, ConsentView.of(consent), RiskExceptionView.of(r), r.sentUnderException,
                    r.sentAt, s.answerDueBy(), s.overdue(), r.answeredAt, r.declineReason, r.firstAppointmentAt,
                    r.completedAt, r.createdBy, r.createdAt, r.version);
        }
    }

    public record StepView(String status, String action, String actor, Instant at, String reason) {
        static StepView of(ReferralStep s) {
            return new StepView(s.status, s.action, s.actor, s.at, s.reason);
        }
    }

    public record HistoryView(List<StepView> steps, List<ConsentView> consents) {
    }

    /** Where the client is being referred, with how to reach it. */
    public record ServiceSummary(UUID id, String name, String kind, String description, String phone, String email,
                                 String website) {
        static ServiceSummary of(DirectoryService s) {
            return s == null ? null : new ServiceSummary(s.id, s.name, s.kind, s.description, s.phone, s.email, s.website);
        }
    }

    /** The client's own view of a referral: what is proposed, to whom, and what they agreed to. */
    public record ClientReferralView(UUID id, ServiceSummary service, String reasonCode, String reasonText, String urgency,
                                     List<String> proposedDisclosure, String status, Instant statusAt,
                                     ConsentView consent, boolean sentUnderException, Instant sentAt,
                                     Instant firstAppointmentAt, Instant createdAt, long version) {
        static ClientReferralView of(Referral r, DirectoryService service, ConsentRecord consent) {
            return new ClientReferralView(r.id, ServiceSummary.of(service), r.reasonCode, r.reasonText, r.urgency, r.disclose,
                    r.status, r.statusAt, ConsentView.of(consent), r.sentUnderException, r.sentAt, r.firstAppointmentAt,
                    r.createdAt, r.version);
        }
    }
}
