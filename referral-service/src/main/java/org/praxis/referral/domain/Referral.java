package org.praxis.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.SealedColumn;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;

/**
 * A person referred to another professional or service, followed until the loop is closed.
 *
 * <p>Long file: an entity — its columns, the sealed accessors of its five free-text columns and the
 * invariants of one referral ({@link #isBeforeSending()} and the like) belong on it, not beside it.
 */
@Entity
public class Referral {
    public static final String MANUAL = "manual";
    public static final String FROM_RISK_FLAG = "risk-flag";
    public static final String FROM_RISK_CONCERN = "risk-concern";
    /** A draft opened by an intake decided {@code therapy} (issue 22). */
    public static final String FROM_INTAKE_DECISION = "intake-decision";

    public static final List<String> ORIGINS = List.of(MANUAL, FROM_RISK_FLAG, FROM_RISK_CONCERN, FROM_INTAKE_DECISION);

    private static final SealedColumn CLIENT_NAME = SealedColumn.of("referral", "client_name");
    private static final SealedColumn CLIENT_CONTACT = SealedColumn.of("referral", "client_contact");
    private static final SealedColumn REASON_TEXT = SealedColumn.of("referral", "reason_text");
    private static final SealedColumn EXCEPTION_JUSTIFICATION = SealedColumn.of("referral", "exception_justification");
    private static final SealedColumn DECLINE_REASON = SealedColumn.of("referral", "decline_reason");

    @Id
    public UUID id;

    public String tenantId;
    public String clientSubject;
    /** Sealed ({@link #clientName()}). */
    String clientName;
    /** Sealed ({@link #clientContact()}). */
    String clientContact;

    public String practitionerId;
    public String origin;
    public String originRef;
    public String riskLevel;
    /** The recipient as the directory named it when the referral was sent ({@link DirectoryService#named}). */
    public String sentTo;

    public UUID intakeId;
    public UUID engagementId;
    public UUID serviceId;
    public String serviceKind;
    public String reasonCode;
    /** Sealed ({@link #reasonText()}). */
    String reasonText;

    public String urgency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> disclose;

    public String status;
    public Instant statusAt;
    public UUID consentId;
    /** Sealed ({@link #exceptionJustification()}). */
    String exceptionJustification;

    public String exceptionRequestedBy;
    public Instant exceptionRequestedAt;
    public String exceptionApprovedBy;
    public Instant exceptionApprovedAt;
    /** Bumped by every change of the terms or of the exception's justification. */
    public int termsRevision;
    /** What the approval of the serious-risk exception was for: the terms revision and a digest of the terms. */
    public Integer exceptionApprovedRevision;

    public String exceptionApprovedTerms;
    public String exceptionApprovedUrgency;
    public UUID exceptionApprovedService;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> exceptionApprovedDisclose;

    public boolean sentUnderException;
    public Instant sentAt;
    /** When the client was first asked for consent: from then on they see the referral ({@code ReferralPolicy}). */
    public Instant clientAskedAt;

    public Instant answeredAt;
    /** Sealed ({@link #declineReason()}). */
    String declineReason;

    public Instant firstAppointmentAt;
    public Instant completedAt;
    public String createdBy;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public String clientName() {
        return CLIENT_NAME.open(tenantId, id, clientName);
    }

    public void clientName(String plaintext) {
        clientName = CLIENT_NAME.seal(tenantId, id, plaintext);
    }

    public String clientContact() {
        return CLIENT_CONTACT.open(tenantId, id, clientContact);
    }

    public void clientContact(String plaintext) {
        clientContact = CLIENT_CONTACT.seal(tenantId, id, plaintext);
    }

    public String reasonText() {
        return REASON_TEXT.open(tenantId, id, reasonText);
    }

    public void reasonText(String plaintext) {
        reasonText = REASON_TEXT.seal(tenantId, id, plaintext);
    }

    public String exceptionJustification() {
        return EXCEPTION_JUSTIFICATION.open(tenantId, id, exceptionJustification);
    }

    public void exceptionJustification(String plaintext) {
        exceptionJustification = EXCEPTION_JUSTIFICATION.seal(tenantId, id, plaintext);
    }

    public String declineReason() {
        return DECLINE_REASON.open(tenantId, id, declineReason);
    }

    public void declineReason(String plaintext) {
        declineReason = DECLINE_REASON.seal(tenantId, id, plaintext);
    }

    /** Before sending, the terms, the client's consent and the serious-risk exception may still change. */
    public boolean isBeforeSending() {
        return ReferralLifecycle.DRAFT.equals(status) || ReferralLifecycle.AWAITING_CONSENT.equals(status);
    }

    public boolean isEmergency() {
        return Urgency.EMERGENCY.code.equals(urgency);
    }

    /**
     * A serious risk of harm, as far as the referral says: an emergency about safety, whose risk level, where a
     * flag or concern gave one, is serious (seed 000: only a real and serious risk of harm overrides consent).
     */
    public List<Violation> seriousRiskViolations() {
        List<Violation> v = new ArrayList<>();
        if (!isEmergency()) {
            v.add(new Violation("urgency", "must be emergency to refer without the client's consent"));
        }
        if (!ReasonCodes.SAFETY_CONCERN.equals(reasonCode)) {
            v.add(new Violation("reasonCode", "must be safety-concern to refer without the client's consent"));
        }
        if (riskLevel != null && !RiskDrafts.SERIOUS.equals(riskLevel)) {
            v.add(new Violation("riskLevel", "is " + riskLevel + "; only a serious risk overrides consent"));
        }
        return v;
    }

    /** The serious-risk exception is asked for only before sending, and only for a serious risk. */
    public void requireExceptionRequestable() {
        if (!isBeforeSending()) {
            throw ProblemException.conflict(
                    "The exception applies only before a referral is sent; it is " + status + ".");
        }
        Violation.refuseAny("Referring without consent is only for serious risk", seriousRiskViolations());
    }

    /**
     * An exception is approved once, after it was requested, before sending and in an emergency. That
     * the approver is not the requester is an access rule ({@code ReferralPolicy.requestedException}).
     */
    public void requireExceptionApprovable() {
        if (exceptionRequestedAt == null) {
            throw ProblemException.conflict("No serious-risk exception has been requested for this referral.");
        }
        if (exceptionApproved()) {
            throw ProblemException.conflict("The exception is already approved.");
        }
        if (!isBeforeSending()) {
            throw ProblemException.conflict("The referral is " + status + "; there is nothing to approve.");
        }
        if (!seriousRiskViolations().isEmpty()) {
            throw ProblemException.conflict(
                    "The exception is only for a serious risk; this referral no longer is one.");
        }
    }

    /** Asks for the exception anew: any earlier request or approval is void, and the justification is part of the terms. */
    public void requestException(String justification, String by, Instant at) {
        voidException();
        exceptionJustification(justification);
        exceptionRequestedBy = by;
        exceptionRequestedAt = at;
        termsRevision++;
    }

    /** Approves the exception for exactly the current terms (issue 16, hole 1). */
    public void approveException(String by, Instant at) {
        exceptionApprovedBy = by;
        exceptionApprovedAt = at;
        exceptionApprovedRevision = termsRevision;
        exceptionApprovedTerms = termsDigest();
        exceptionApprovedUrgency = urgency;
        exceptionApprovedService = serviceId;
        exceptionApprovedDisclose = List.copyOf(disclose);
    }

    /**
     * An approval holds only for the exact terms approved: the same terms revision and the same
     * urgency, service, disclosure, reason, name, contact and justification.
     */
    public boolean exceptionApproved() {
        return exceptionApprovedAt != null
                && exceptionApprovedRevision != null
                && exceptionApprovedRevision == termsRevision
                && termsDigest().equals(exceptionApprovedTerms);
    }

    /** A digest of everything the serious-risk exception is approved for. */
    public String termsDigest() {
        String terms = String.join(
                "\u0000",
                String.valueOf(urgency),
                String.valueOf(serviceId),
                String.valueOf(reasonCode),
                String.valueOf(reasonText()),
                disclose == null
                        ? ""
                        : String.join(",", disclose.stream().sorted().toList()),
                String.valueOf(clientName()),
                String.valueOf(clientContact()),
                String.valueOf(exceptionJustification()));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(terms.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets a requested or approved serious-risk exception (the history keeps that it was voided). */
    public void voidException() {
        exceptionJustification(null);
        exceptionRequestedBy = null;
        exceptionRequestedAt = null;
        exceptionApprovedBy = null;
        exceptionApprovedAt = null;
        exceptionApprovedRevision = null;
        exceptionApprovedTerms = null;
        exceptionApprovedUrgency = null;
        exceptionApprovedService = null;
        exceptionApprovedDisclose = null;
    }

    /**
     * Why this referral may not be sent yet, or null when it may: it needs a service that takes
     * referrals, and either the client's agreement or an approved serious-risk exception.
     */
    public String sendRefusal(ConsentRecord consent, DirectoryService service) {
        if (service == null) {
            return "Choose the directory service to refer to first.";
        }
        if (!service.acceptingReferrals) {
            return "The chosen service is not accepting referrals.";
        }
        boolean agreed = consent != null && consent.isAgreed();
        if (!agreed && exceptionApprovedAt != null && !exceptionApproved()) {
            return "The serious-risk exception was approved for other terms; ask a supervisor to approve these.";
        }
        if (!agreed && !exceptionApproved()) {
            return "A referral is sent only with the client's consent, or under the serious-risk exception approved by a supervisor.";
        }
        return null;
    }

    /** What the recipient may see: the client's agreed share of the proposal, or the proposal under the exception. */
    public List<String> effectiveDisclosure(ConsentRecord consent) {
        if (sentUnderException) {
            return disclose;
        }
        return consent == null || !consent.isAgreed() ? List.of() : Disclosure.intersection(disclose, consent.shares);
    }
}
