package org.praxis.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.praxis.session.domain.ContractParty;
import org.praxis.session.domain.ContractRules;
import org.praxis.session.domain.Contracts;
import org.praxis.session.domain.DisclosureTerms;
import org.praxis.session.domain.Engagement;

/** Request and response bodies of session-service's engagements and contracts. */
public final class EngagementViews {
    private EngagementViews() {
    }

    public record OpenEngagementRequest(@NotBlank @Size(max = 200) String clientSubject,
                                        @Size(max = 200) String practitionerId,
                                        @NotBlank @Pattern(regexp = "coaching|coaching-with-monitoring|integrated") String pathway,
                                        @Size(max = 200) String sponsorOrganisation,
                                        @Min(1) @Max(200) Integer sessionsPrepaid) {
    }

    public record EngagementView(UUID id, String clientSubject, String practitionerId, String pathway,
                                 String sponsorOrganisation, String status, UUID sourceIntakeId, Integer sessionsPrepaid,
                                 Integer sessionsRemaining, UUID currentReferral, Instant activatedAt, Instant createdAt,
                                 long version) {
        static EngagementView of(Engagement e) {
            return new EngagementView(e.id, e.clientSubject, e.practitionerId, e.pathway, e.sponsorOrganisation, e.status,
                    e.sourceIntakeId, e.sessionsPrepaid, e.sessionsRemaining, e.currentReferral, e.activatedAt, e.createdAt,
                    e.version);
        }
    }

    public record StatusRequest(@NotBlank String status) {
    }

    public record PartyRequest(@NotBlank @Pattern(regexp = "client|coach|sponsor|other") String role,
                               @NotBlank @Size(max = 200) String subject, boolean required) {
    }

    public record ProposeContractRequest(@NotBlank @Size(max = 5000) String purpose,
                                         @Size(max = 5000) String goalsInScope,
                                         @Size(max = 5000) String confidentialityTerms,
                                         @Size(max = 5000) String limitsOfConfidentiality,
                                         @Min(1) @Max(52) Integer reviewEveryWeeks,
                                         @Min(1) @Max(200) Integer sessionsPrepaid,
                                         DisclosureTerms disclosure,
                                         @NotNull @NotEmpty @Size(max = 20) List<@Valid PartyRequest> parties) {
        Contracts.Terms terms() {
            return new Contracts.Terms(purpose, goalsInScope, confidentialityTerms, limitsOfConfidentiality, reviewEveryWeeks,
                    sessionsPrepaid, disclosure, parties.stream()
                    .map(p -> new ContractRules.Party(p.role(), p.subject(), p.required())).toList());
        }
    }

    public record PartyView(String role, String subject, boolean required, Instant acceptedAt) {
        static PartyView of(ContractParty p) {
            return new PartyView(p.role, p.subject, p.required, p.acceptedAt);
        }
    }

    public record ContractView(UUID id, UUID engagementId, int number, String purpose, String goalsInScope,
                               String confidentialityTerms, String limitsOfConfidentiality, Integer reviewEveryWeeks,
                               Integer sessionsPrepaid, DisclosureTerms disclosure, List<PartyView> parties,
                               boolean inForce, Instant createdAt) {
        static ContractView of(Contracts.Version v) {
            var c = v.contract();
            return new ContractView(c.id, c.engagementId, c.number, c.purpose, c.goalsInScope, c.confidentialityTerms,
                    c.limitsOfConfidentiality, c.reviewEveryWeeks, c.sessionsPrepaid, c.disclosure(),
                    v.parties().stream().map(PartyView::of).toList(), v.inForce(), c.createdAt);
        }
    }

    public record ContractSummary(UUID id, int number, Instant createdAt) {
    }
}
