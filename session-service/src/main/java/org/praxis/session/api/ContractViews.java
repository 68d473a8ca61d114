package org.praxis.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.BesideTherapy;
import org.praxis.session.domain.Contract;
import org.praxis.session.domain.ContractParty;
import org.praxis.session.domain.Contracts;
import org.praxis.session.domain.DisclosureTerms;
import org.praxis.session.domain.Money;

/** Response bodies of session-service's contract versions (the requests are in {@link EngagementViews}). */
public final class ContractViews {
    static final String COUNT_MAX = EngagementViews.COUNT_MAX;
    static final int PARTIES = EngagementViews.PARTIES;
    static final int MAX_PREPAID = EngagementViews.MAX_PREPAID;
    static final int MAX_REVIEW_WEEKS = EngagementViews.MAX_REVIEW_WEEKS;

    private ContractViews() {}

    public record PartyView(
            @Schema(required = true, maxLength = Bounds.CODE)
            String role,

            @Schema(required = true, maxLength = Bounds.SUBJECT)
            String subject,

            @Schema(required = true) boolean required,
            Instant acceptedAt) {
        static PartyView of(ContractParty p) {
            return new PartyView(p.role, p.subject, p.required, p.acceptedAt);
        }
    }

    /** The disclosure terms as a contract version shows them: every term is stated (a request may leave some out). */
    public record DisclosureView(
            @Schema(required = true) boolean attendance,
            @Schema(required = true) boolean sessionDates,
            @Schema(required = true) boolean sessionCounts,
            @Schema(required = true) boolean progressSummaries,

            @Schema(
                    required = true,
                    description =
                            "The engagement may be counted, never named, in the sponsor's organisation outcome report")
            boolean aggregateOutcomes) {
        static DisclosureView of(DisclosureTerms t) {
            return new DisclosureView(
                    t.attendance(), t.sessionDates(), t.sessionCounts(), t.progressSummaries(), t.aggregateOutcomes());
        }
    }

    public record ContractView(
            @Schema(required = true) UUID id,
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, minimum = "1", maximum = COUNT_MAX)
            int number,

            @Schema(required = true, maxLength = Bounds.TEXT)
            String purpose,

            @Schema(maxLength = Bounds.TEXT) String goalsInScope,
            @Schema(maxLength = Bounds.TEXT) String confidentialityTerms,
            @Schema(maxLength = Bounds.TEXT) String limitsOfConfidentiality,

            @Schema(minimum = "1", maximum = "" + MAX_REVIEW_WEEKS)
            Integer reviewEveryWeeks,

            @Schema(minimum = "1", maximum = "" + MAX_PREPAID)
            Integer sessionsPrepaid,

            @Schema(required = true) DisclosureView disclosure,
            @Schema(required = true, maxItems = PARTIES) List<PartyView> parties,
            @Schema(required = true) boolean inForce,
            @Schema(required = true) Instant createdAt,

            @Schema(
                    description = "Null unless coaching runs beside therapy; only the engagement's people and the"
                            + " therapist party read it (and the therapist party)")
            BesideTherapy besideTherapy,

            @Schema(maxLength = Bounds.CODE, description = PACKAGE_CHANGE)
            String packageChange,

            Money pricePerSession,
            Money lateCancellationFee,

            @Schema(minimum = "1", maximum = "" + Contract.MAX_LATE_CANCELLATION_HOURS)
            Integer lateCancellationHours) {
        static final String PACKAGE_CHANGE = "When this version comes into force: renew sets the sessions remaining to"
                + " its sessionsPrepaid, extend adds that many; null leaves the package as it is (the first version"
                + " in force always sets it)";

        /** {@code therapy}: whether the caller reads that coaching runs beside therapy ({@link Contracts#showsTherapy}). */
        static ContractView of(Contracts.Version v, boolean therapy) {
            var c = v.contract();
            return new ContractView(
                    c.id,
                    c.engagementId,
                    c.number,
                    c.purpose(),
                    c.goalsInScope(),
                    c.confidentialityTerms(),
                    c.limitsOfConfidentiality(),
                    c.reviewEveryWeeks,
                    c.sessionsPrepaid,
                    DisclosureView.of(c.disclosure()),
                    v.parties().stream()
                            .filter(p -> therapy || !ContractParty.THERAPIST.equals(p.role))
                            .map(PartyView::of)
                            .toList(),
                    v.inForce(),
                    c.createdAt,
                    therapy ? c.besideTherapy() : null,
                    c.packageChange,
                    c.pricePerSession(),
                    c.lateCancellationFee(),
                    c.lateCancellationHours);
        }
    }

    public record ContractSummary(
            @Schema(required = true) UUID id,

            @Schema(required = true, minimum = "1", maximum = COUNT_MAX)
            int number,

            @Schema(required = true) Instant createdAt) {}
}
