package org.praxis.session.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.BesideTherapy;
import org.praxis.session.domain.Contract;
import org.praxis.session.domain.ContractRules;
import org.praxis.session.domain.Contracts;
import org.praxis.session.domain.DisclosureTerms;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.FollowUps;
import org.praxis.session.domain.Money;

/** Request and response bodies of session-service's engagements and contracts. */
public final class EngagementViews {
    /** The largest count, version or number a response carries, as OpenAPI wants it. */
    public static final String COUNT_MAX = "" + Bounds.COUNT_MAX;
    /** Parties one contract version names. */
    public static final int PARTIES = 20;

    public static final int MAX_PREPAID = Engagement.MAX_PREPAID;
    public static final int MAX_REVIEW_WEEKS = 52;

    private EngagementViews() {}

    public record OpenEngagementRequest(
            @NotBlank @Size(max = Bounds.SUBJECT) String clientSubject,
            @Size(max = Bounds.SUBJECT) String practitionerId,

            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "coaching|coaching-with-monitoring|integrated")
            String pathway,

            @Size(max = Bounds.NAME) String sponsorOrganisation,
            @Min(1) @Max(MAX_PREPAID) Integer sessionsPrepaid) {}

    public record EngagementView(
            @Schema(required = true) UUID id,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String clientSubject,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String practitionerId,

            @Schema(
                    maxLength = Bounds.CODE,
                    description = "The pathway code, for the practitioner and supervisors; null for the client")
            String pathway,

            @Schema(maxLength = Bounds.NAME) String sponsorOrganisation,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            UUID sourceIntakeId,

            @Schema(minimum = "1", maximum = "" + MAX_PREPAID)
            Integer sessionsPrepaid,

            @Schema(minimum = "0", maximum = "" + MAX_PREPAID)
            Integer sessionsRemaining,

            UUID currentReferral,
            Instant activatedAt,
            @Schema(required = true) Instant createdAt,

            @Schema(required = true, minimum = "0", maximum = COUNT_MAX)
            long version,

            @Schema(description = "When the client's request to end it was granted; the end review closes it")
            Instant endRequestedAt,

            @Schema(description = "The follow-up the end review agreed; null without one")
            FollowUpView followUp,

            @Schema(description = "The completed therapy referral this coaching follows (issue 22); null otherwise")
            UUID afterTherapyReferral,

            @Schema(description = "The engagement that referral was made from, if any")
            UUID precedingEngagementId) {
        static EngagementView of(Engagement e) {
            return of(e, true);
        }

        /** {@code pathway}: whether the caller reads the pathway code (not the client). */
        static EngagementView of(Engagement e, boolean pathway) {
            return new EngagementView(
                    e.id,
                    e.clientSubject,
                    e.practitionerId,
                    pathway ? e.pathway : null,
                    e.sponsorOrganisation,
                    e.status,
                    e.sourceIntakeId,
                    e.sessionsPrepaid,
                    e.sessionsRemaining,
                    e.currentReferral,
                    e.activatedAt,
                    e.createdAt,
                    e.version,
                    e.endRequestedAt,
                    FollowUpView.of(e),
                    e.afterTherapyReferral,
                    e.precedingEngagementId);
        }
    }

    /** The follow-up plan, for the client and the practitioner alike. */
    public record FollowUpView(
            @Schema(required = true, maxItems = FollowUps.MAX_DATES)
            List<LocalDate> dates,

            @Schema(required = true, minimum = "0", maximum = "" + FollowUps.MAX_BOOSTERS)
            int boostersAgreed,

            @Schema(required = true, minimum = "0", maximum = "" + FollowUps.MAX_BOOSTERS)
            int boostersHeld,

            LocalDate boostersWithin) {
        static FollowUpView of(Engagement e) {
            return e.boostersAgreed == null
                    ? null
                    : new FollowUpView(FollowUps.dates(e), e.boostersAgreed, e.boostersHeld, e.boostersWithin);
        }
    }

    public record StatusRequest(
            @NotBlank @Size(max = Bounds.CODE) String status) {}

    public record PartyRequest(
            @NotBlank @Size(max = Bounds.CODE) @Pattern(regexp = "client|coach|sponsor|other|therapist")
            String role,

            @NotBlank @Size(max = Bounds.SUBJECT) String subject,
            boolean required) {}

    public record ProposeContractRequest(
            @NotBlank @Size(max = Bounds.TEXT) String purpose,
            @Size(max = Bounds.TEXT) String goalsInScope,
            @Size(max = Bounds.TEXT) String confidentialityTerms,
            @Size(max = Bounds.TEXT) String limitsOfConfidentiality,
            @Min(1) @Max(MAX_REVIEW_WEEKS) Integer reviewEveryWeeks,
            @Min(1) @Max(MAX_PREPAID) Integer sessionsPrepaid,
            DisclosureTerms disclosure,
            @NotNull @NotEmpty @Size(max = PARTIES) List<@NotNull @Valid PartyRequest> parties,

            @Valid @Schema(description = "Coaching runs beside therapy: then an accepted referral does not pause it")
            BesideTherapy besideTherapy,

            @Size(max = Bounds.CODE) @Pattern(regexp = "renew|extend")
            String packageChange,

            @Valid Money pricePerSession,
            @Valid Money lateCancellationFee,

            @Min(1) @Max(Contract.MAX_LATE_CANCELLATION_HOURS)
            Integer lateCancellationHours) {
        Contracts.Terms terms() {
            return new Contracts.Terms(
                    purpose,
                    goalsInScope,
                    confidentialityTerms,
                    limitsOfConfidentiality,
                    reviewEveryWeeks,
                    sessionsPrepaid,
                    disclosure,
                    parties.stream()
                            .map(p -> new ContractRules.Party(p.role(), p.subject(), p.required()))
                            .toList(),
                    besideTherapy,
                    packageChange,
                    pricePerSession,
                    lateCancellationFee,
                    lateCancellationHours);
        }
    }
}
