package org.praxis.referral.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.AnswerDeadlines;
import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.Disclosure;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralStep;
import org.praxis.referral.domain.Urgency;

/**
 * Response bodies of referrals, for practitioners and for the client (the requests:
 * {@link ReferralRequests}). Responses declare the bounds of the requests, wide enough for what earlier,
 * looser limits stored. MicroProfile's {@code @Schema} cannot annotate a type argument, so the
 * elements of a response list declare their size with {@code @Size}, which OpenAPI reads the same way.
 * {@code @NotNull} marks what every answer carries (the document lists it as required, so generated
 * clients type it as present); the other fields may be null.
 *
 * <p>Long file: only response records, one per view of a referral, each mapping its entity; they
 * share bounds and are read side by side, so one file serves them better than ten small ones.
 */
public final class ReferralViews {
    /** The largest count or version a response carries, as {@code @Schema(maximum)} wants it. */
    static final String COUNT_MAX = "" + Bounds.COUNT_MAX;

    private ReferralViews() {}

    public record ConsentView(
            @NotNull UUID id,
            @NotNull @Schema(maxLength = Bounds.SUBJECT) String askedBy,
            @NotNull Instant askedAt,
            @NotNull @Schema(maxItems = Disclosure.COUNT) List<@Size(max = Bounds.CODE) String> proposed,
            @NotNull @Schema(maxLength = Bounds.CODE) String decision,
            @NotNull @Schema(maxItems = Disclosure.COUNT) List<@Size(max = Bounds.CODE) String> shares,
            @Schema(maxLength = Bounds.REASON) String clientWords,
            Instant decidedAt,

            @Schema(description = "When the client withdrew it")
            Instant withdrawnAt,

            @Schema(
                    description = "When it lapsed: what was asked about changed, or the referral was cancelled"
                            + " before it was sent (unknown, so null, for consents lapsed before 2026-12-03)")
            Instant lapsedAt) {
        static ConsentView of(ConsentRecord c) {
            return c == null
                    ? null
                    : new ConsentView(
                            c.id,
                            c.askedBy,
                            c.askedAt,
                            c.proposed,
                            c.decision,
                            c.shares,
                            c.clientWords(),
                            c.decidedAt,
                            c.withdrawnAt,
                            c.lapsedAt);
        }
    }

    /** The terms a serious-risk exception was approved for; any change of the referral's terms voids the approval. */
    public record ApprovedTermsView(
            @NotNull @Schema(maxLength = Bounds.CODE) String urgency,
            UUID serviceId,
            @NotNull @Schema(maxItems = Disclosure.COUNT) List<@Size(max = Bounds.CODE) String> disclose,

            @NotNull @Schema(minimum = "0", maximum = COUNT_MAX)
            int termsRevision) {}

    public record RiskExceptionView(
            @Schema(maxLength = Bounds.TEXT) String justification,
            @NotNull @Schema(maxLength = Bounds.SUBJECT) String requestedBy,
            @NotNull Instant requestedAt,
            @Schema(maxLength = Bounds.SUBJECT) String approvedBy,
            Instant approvedAt,
            ApprovedTermsView approvedTerms) {
        static RiskExceptionView of(Referral r) {
            return r.exceptionRequestedAt == null
                    ? null
                    : new RiskExceptionView(
                            r.exceptionJustification(),
                            r.exceptionRequestedBy,
                            r.exceptionRequestedAt,
                            r.exceptionApprovedBy,
                            r.exceptionApprovedAt,
                            r.exceptionApprovedAt == null
                                    ? null
                                    : new ApprovedTermsView(
                                            r.exceptionApprovedUrgency,
                                            r.exceptionApprovedService,
                                            r.exceptionApprovedDisclose,
                                            r.exceptionApprovedRevision));
        }
    }

    /** A list row: no free text (reasons, names, justifications); read the referral for those. */
    public record ReferralSummary(
            @NotNull UUID id,
            @Schema(maxLength = Bounds.SUBJECT) String clientSubject,
            @Schema(maxLength = Bounds.SUBJECT) String practitionerId,
            @NotNull @Schema(maxLength = Bounds.CODE) String origin,
            @Schema(maxLength = Bounds.CODE) String riskLevel,
            UUID intakeId,
            UUID engagementId,
            UUID serviceId,
            @Schema(maxLength = Bounds.CODE) String serviceKind,
            @NotNull @Schema(maxLength = Bounds.CODE) String reasonCode,
            @NotNull @Schema(maxLength = Bounds.CODE) String urgency,
            @NotNull @Schema(maxLength = Bounds.CODE) String status,
            @NotNull Instant statusAt,
            Instant sentAt,
            Instant answerDueBy,
            @NotNull boolean overdue,
            @NotNull Instant createdAt) {
        static ReferralSummary of(Referral r, AnswerDeadlines deadlines, Instant now) {
            Urgency u = Urgency.of(r.urgency);
            Instant dueBy = r.sentAt == null ? null : r.sentAt.plus(deadlines.of(u));
            boolean overdue = "sent".equals(r.status) && deadlines.isOverdue(u, r.sentAt, now);
            return new ReferralSummary(
                    r.id,
                    r.clientSubject,
                    r.practitionerId,
                    r.origin,
                    r.riskLevel,
                    r.intakeId,
                    r.engagementId,
                    r.serviceId,
                    r.serviceKind,
                    r.reasonCode,
                    r.urgency,
                    r.status,
                    r.statusAt,
                    r.sentAt,
                    dueBy,
                    overdue,
                    r.createdAt);
        }
    }

    /** One referral in full, for its practitioner or a supervisor. */
    public record ReferralView(
            @NotNull UUID id,
            @Schema(maxLength = Bounds.SUBJECT) String clientSubject,
            @Schema(maxLength = Bounds.NAME) String clientName,
            @Schema(maxLength = Bounds.REASON) String clientContact,
            @Schema(maxLength = Bounds.SUBJECT) String practitionerId,
            @NotNull @Schema(maxLength = Bounds.CODE) String origin,
            @Schema(maxLength = Bounds.CODE) String riskLevel,
            UUID intakeId,
            UUID engagementId,
            UUID serviceId,
            @Schema(maxLength = Bounds.CODE) String serviceKind,
            @NotNull @Schema(maxLength = Bounds.CODE) String reasonCode,
            @Schema(maxLength = Bounds.TEXT) String reasonText,
            @NotNull @Schema(maxLength = Bounds.CODE) String urgency,
            @NotNull @Schema(maxItems = Disclosure.COUNT) List<@Size(max = Bounds.CODE) String> disclose,
            @NotNull @Schema(maxLength = Bounds.CODE) String status,
            @NotNull Instant statusAt,
            ConsentView consent,
            RiskExceptionView riskException,
            @NotNull boolean sentUnderException,
            Instant sentAt,
            Instant answerDueBy,
            @NotNull boolean overdue,
            Instant answeredAt,
            @Schema(maxLength = Bounds.REASON) String declineReason,
            Instant firstAppointmentAt,
            Instant completedAt,
            @NotNull @Schema(maxLength = Bounds.SUBJECT) String createdBy,
            @NotNull Instant createdAt,

            @NotNull @Schema(minimum = "0", maximum = COUNT_MAX)
            long version) {
        static ReferralView of(Referral r, ConsentRecord consent, AnswerDeadlines deadlines) {
            ReferralSummary s = ReferralSummary.of(r, deadlines, Instant.now());
            return new ReferralView(
                    r.id,
                    r.clientSubject,
                    r.clientName(),
                    r.clientContact(),
                    r.practitionerId,
                    r.origin,
                    r.riskLevel,
                    r.intakeId,
                    r.engagementId,
                    r.serviceId,
                    r.serviceKind,
                    r.reasonCode,
                    r.reasonText(),
                    r.urgency,
                    r.disclose,
                    r.status,
                    r.statusAt,
                    ConsentView.of(consent),
                    RiskExceptionView.of(r),
                    r.sentUnderException,
                    r.sentAt,
                    s.answerDueBy(),
                    s.overdue(),
                    r.answeredAt,
                    r.declineReason(),
                    r.firstAppointmentAt,
                    r.completedAt,
                    r.createdBy,
                    r.createdAt,
                    r.version);
        }
    }

    /** One step of a referral's history; the reason may be a serious-risk justification, hence TEXT. */
    public record StepView(
            @NotNull UUID id,
            @NotNull @Schema(maxLength = Bounds.CODE) String status,
            @NotNull @Schema(maxLength = Bounds.CODE) String action,
            @NotNull @Schema(maxLength = Bounds.SUBJECT) String actor,
            @NotNull Instant at,
            @Schema(maxLength = Bounds.TEXT) String reason) {
        static StepView of(ReferralStep s) {
            return new StepView(s.id, s.status, s.action, s.actor, s.at, s.reason());
        }
    }

    /** Where the client is being referred, with how to reach it. */
    public record ServiceSummary(
            @NotNull UUID id,
            @NotNull @Schema(maxLength = Bounds.NAME) String name,
            @NotNull @Schema(maxLength = Bounds.CODE) String kind,
            @Schema(maxLength = Bounds.REASON) String description,
            @Schema(maxLength = Bounds.CODE) String phone,
            @Schema(maxLength = Bounds.NAME) String email,
            @Schema(maxLength = Bounds.URI) String website) {
        static ServiceSummary of(DirectoryService s) {
            return s == null
                    ? null
                    : new ServiceSummary(s.id, s.name, s.kind, s.description, s.phone, s.email, s.website);
        }
    }

    /**
     * The client's own view of a referral: what is proposed, to whom, what they agreed to, and what would be sent
     * about them — the name, contact and risk level the practitioner wrote down, which go to the recipient only as
     * far as the disclosure proposed and their consent allow — so they agree knowing it (and can say it is wrong).
     */
    public record ClientReferralView(
            @NotNull UUID id,
            ServiceSummary service,
            @NotNull @Schema(maxLength = Bounds.CODE) String reasonCode,
            @Schema(maxLength = Bounds.TEXT) String reasonText,
            @NotNull @Schema(maxLength = Bounds.CODE) String urgency,
            @NotNull @Schema(maxItems = Disclosure.COUNT) List<@Size(max = Bounds.CODE) String> proposedDisclosure,
            @Schema(maxLength = Bounds.NAME) String clientName,
            @Schema(maxLength = Bounds.REASON) String clientContact,
            @Schema(maxLength = Bounds.CODE) String riskLevel,
            @NotNull @Schema(maxLength = Bounds.CODE) String status,
            @NotNull Instant statusAt,
            ConsentView consent,
            @NotNull boolean sentUnderException,
            Instant sentAt,
            Instant firstAppointmentAt,
            @NotNull Instant createdAt,

            @NotNull @Schema(minimum = "0", maximum = COUNT_MAX)
            long version) {
        static ClientReferralView of(Referral r, DirectoryService service, ConsentRecord consent) {
            return new ClientReferralView(
                    r.id,
                    ServiceSummary.of(service),
                    r.reasonCode,
                    r.reasonText(),
                    r.urgency,
                    r.disclose,
                    r.clientName(),
                    r.clientContact(),
                    r.riskLevel,
                    r.status,
                    r.statusAt,
                    ConsentView.of(consent),
                    r.sentUnderException,
                    r.sentAt,
                    r.firstAppointmentAt,
                    r.createdAt,
                    r.version);
        }
    }
}
