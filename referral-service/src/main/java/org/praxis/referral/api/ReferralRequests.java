package org.praxis.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.Disclosure;
import org.praxis.referral.domain.ReferralTerms;
import org.praxis.referral.domain.Referrals;

/** Request bodies of referrals, for practitioners and for the client: every field is bounded (422 beyond). */
public final class ReferralRequests {
    private ReferralRequests() {}

    public record OpenReferralRequest(
            @NotBlank @Size(max = Bounds.SUBJECT) String clientSubject,
            @Size(max = Bounds.SUBJECT) String practitionerId,
            UUID intakeId,
            UUID engagementId,
            UUID serviceId,
            @NotBlank @Size(max = Bounds.CODE) String reasonCode,
            @Size(max = Bounds.TEXT) String reasonText,
            @NotBlank @Size(max = Bounds.CODE) String urgency,
            @Size(max = Disclosure.COUNT) List<@NotBlank @Size(max = Bounds.CODE) String> disclose,
            @Size(max = Bounds.NAME) String clientName,
            @Size(max = Bounds.REASON) String clientContact) {
        Referrals.NewReferral toNew() {
            return new Referrals.NewReferral(
                    clientSubject,
                    practitionerId,
                    intakeId,
                    engagementId,
                    new ReferralTerms(serviceId, reasonCode, reasonText, urgency, disclose, clientName, clientContact));
        }
    }

    public record ReviseReferralRequest(
            UUID serviceId,
            @NotBlank @Size(max = Bounds.CODE) String reasonCode,
            @Size(max = Bounds.TEXT) String reasonText,
            @NotBlank @Size(max = Bounds.CODE) String urgency,
            @Size(max = Disclosure.COUNT) List<@NotBlank @Size(max = Bounds.CODE) String> disclose,
            @Size(max = Bounds.NAME) String clientName,
            @Size(max = Bounds.REASON) String clientContact) {
        ReferralTerms terms() {
            return new ReferralTerms(serviceId, reasonCode, reasonText, urgency, disclose, clientName, clientContact);
        }
    }

    public record ExceptionRequest(
            @NotBlank @Size(min = 10, max = Bounds.TEXT) String justification) {}

    public record AnswerRequest(
            @NotBlank @Size(max = Bounds.CODE) String outcome,
            @Size(max = Bounds.REASON) String reason,
            Instant firstAppointmentAt) {}

    public record AppointmentRequest(@NotNull Instant at) {}

    public record CancelRequest(
            @NotBlank @Size(max = Bounds.REASON) String reason) {}

    public record ConsentDecisionRequest(
            @NotNull Boolean agree,
            @Size(max = Disclosure.COUNT) List<@NotBlank @Size(max = Bounds.CODE) String> shares,
            @Size(max = Bounds.REASON) String words) {}

    public record WithdrawalRequest(
            @Size(max = Bounds.REASON) String reason) {}
}
