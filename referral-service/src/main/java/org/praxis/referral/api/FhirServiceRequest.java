package org.praxis.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.DirectoryOrganisation;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.Disclosure;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralLifecycle;
import org.praxis.referral.domain.Urgency;

/**
 * A referral as a FHIR R4 {@code ServiceRequest}, for a receiving health system. Beyond the bare
 * request (kind of service, priority, dates, who refers, to whom) it carries only what the
 * disclosure allows: the client's identity and contact in a contained {@code Patient}, the reason,
 * the risk level. The consent is referenced; a referral sent under the serious-risk exception says so.
 * Typed rather than a map so the OpenAPI document describes (and bounds) exactly what is sent;
 * absent elements are left out, as FHIR wants.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FhirServiceRequest", description = "A FHIR R4 ServiceRequest (only the elements Praxis fills)")
public record FhirServiceRequest(
        @NotNull @Schema(maxLength = Bounds.CODE) String resourceType,
        @NotNull @Schema(maxLength = Bounds.UUID) String id,
        @NotNull @Schema(maxItems = 1) List<Patient> contained,
        @NotNull @Schema(maxItems = 1) List<Identifier> identifier,
        @NotNull @Schema(maxLength = Bounds.CODE) String status,
        @NotNull @Schema(maxLength = Bounds.CODE) String intent,
        @NotNull @Schema(maxItems = 1) List<CodeableConcept> category,
        @NotNull @Schema(maxLength = Bounds.CODE) String priority,
        @NotNull CodeableConcept code,
        @NotNull LocalReference subject,
        @Schema(maxLength = Bounds.INSTANT) String authoredOn,
        IdentifiedReference requester,
        @Schema(maxItems = 1) List<IdentifiedReference> performer,
        @Schema(maxItems = 1) List<CodeableConcept> reasonCode,
        @Schema(maxItems = 1) List<DescribedReference> supportingInfo,
        @Schema(maxItems = 1) List<Annotation> note) {
    static final String MEDIA_TYPE = "application/fhir+json";
    /** The FHIR request-statuses a referral maps to (FHIR has more: on-hold, entered-in-error, unknown). */
    static final String DRAFT = "draft";

    static final String ACTIVE = "active";
    static final String COMPLETED = "completed";
    static final String REVOKED = "revoked";
    static final List<String> STATUSES = List.of(DRAFT, ACTIVE, COMPLETED, REVOKED);
    private static final String SYSTEM = "https://praxis.dev/fhir";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirIdentifier")
    public record Identifier(
            @NotNull @Schema(maxLength = Bounds.URI) String system,
            @NotNull @Schema(maxLength = Bounds.SUBJECT) String value) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirCoding")
    public record Coding(
            @NotNull @Schema(maxLength = Bounds.URI) String system,
            @NotNull @Schema(maxLength = Bounds.CODE) String code,
            @Schema(maxLength = Bounds.NAME) String display) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirCodeableConcept")
    public record CodeableConcept(
            @NotNull @Schema(maxItems = 1) List<Coding> coding,
            @Schema(maxLength = Bounds.TEXT) String text) {
        static CodeableConcept of(String system, String code, String display) {
            return new CodeableConcept(List.of(new Coding(system, code, display)), null);
        }
    }

    /**
     * A FHIR Reference by local id. Praxis sends References in three shapes, typed apart so that the
     * document can require what each always holds.
     */
    @Schema(name = "FhirLocalReference")
    public record LocalReference(
            @NotNull @Schema(maxLength = Bounds.NAME) String reference) {}

    /** A FHIR Reference by identifier, with a display text when there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirIdentifiedReference")
    public record IdentifiedReference(
            @NotNull Identifier identifier,
            @Schema(maxLength = Bounds.REASON) String display) {}

    /** A FHIR Reference described by a display text, perhaps with a reference too. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirDescribedReference")
    public record DescribedReference(
            @Schema(maxLength = Bounds.NAME) String reference,
            @NotNull @Schema(maxLength = Bounds.REASON) String display) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirHumanName")
    public record HumanName(
            @NotNull @Schema(maxLength = Bounds.NAME) String text) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirContactPoint")
    public record ContactPoint(
            @NotNull @Schema(maxLength = Bounds.CODE) String system,
            @NotNull @Schema(maxLength = Bounds.REASON) String value) {
        static final String PHONE = "phone";
        static final String EMAIL = "email";
        static final List<String> SYSTEMS = List.of(PHONE, EMAIL);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirAnnotation")
    public record Annotation(
            @NotNull @Schema(maxLength = Bounds.NAME) String text) {}

    /** The client, contained in the request: identity and contact only as far as disclosed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FhirPatient")
    public record Patient(
            @NotNull @Schema(maxLength = Bounds.CODE) String resourceType,
            @NotNull @Schema(maxLength = Bounds.CODE) String id,
            @Schema(maxItems = 1) List<Identifier> identifier,
            @Schema(maxItems = 1) List<HumanName> name,
            @Schema(maxItems = 1) List<ContactPoint> telecom) {}

    static FhirServiceRequest of(
            Referral r, ConsentRecord consent, DirectoryService service, DirectoryOrganisation organisation) {
        List<String> allowed = r.effectiveDisclosure(consent);
        boolean identity = allowed.contains(Disclosure.IDENTITY);
        Identifier client = null;
        if (identity && r.clientSubject != null) {
            client = new Identifier(SYSTEM + "/sid/tenant/" + r.tenantId + "/subject", r.clientSubject);
        } else if (identity && r.intakeId != null) {
            // Known by their intake until they have an account.
            client = new Identifier(SYSTEM + "/sid/tenant/" + r.tenantId + "/intake", r.intakeId.toString());
        }
        String clientName = identity ? r.clientName() : null;
        List<HumanName> name = clientName != null ? List.of(new HumanName(clientName)) : null;
        String contact = allowed.contains(Disclosure.CONTACT) ? r.clientContact() : null;
        List<ContactPoint> telecom = contact != null
                ? List.of(new ContactPoint(contact.contains("@") ? ContactPoint.EMAIL : ContactPoint.PHONE, contact))
                : null;
        Patient patient = new Patient("Patient", "client", client == null ? null : List.of(client), name, telecom);

        IdentifiedReference requester = r.practitionerId == null
                ? null
                : new IdentifiedReference(
                        new Identifier(SYSTEM + "/sid/tenant/" + r.tenantId + "/practitioner", r.practitionerId), null);
        List<IdentifiedReference> performer = null;
        if (service != null) {
            // As named when sent (the client agreed to that recipient), whatever the directory says since.
            String display = r.sentTo != null ? r.sentTo : service.named(organisation);
            performer = List.of(new IdentifiedReference(
                    new Identifier(SYSTEM + "/sid/directory-service", service.id.toString()), display));
        }
        List<CodeableConcept> reason = allowed.contains(Disclosure.REASON)
                ? List.of(new CodeableConcept(
                        List.of(new Coding(SYSTEM + "/CodeSystem/referral-reason", r.reasonCode, null)),
                        r.reasonText()))
                : null;
        List<DescribedReference> supportingInfo = null;
        if (r.sentUnderException) {
            supportingInfo = List.of(new DescribedReference(
                    null,
                    "Sent without the client's consent under the serious-risk exception, approved by a supervisor"));
        } else if (consent != null) {
            supportingInfo =
                    List.of(new DescribedReference("Consent/" + consent.id, "The client's consent to this referral"));
        }
        List<Annotation> note = allowed.contains(Disclosure.RISK) && r.riskLevel != null
                ? List.of(new Annotation("Risk level at referral: " + r.riskLevel))
                : null;

        return new FhirServiceRequest(
                "ServiceRequest",
                r.id.toString(),
                List.of(patient),
                List.of(new Identifier(SYSTEM + "/sid/referral", r.id.toString())),
                status(r.status),
                "order",
                List.of(CodeableConcept.of("http://snomed.info/sct", "3457005", "Patient referral")),
                Urgency.of(r.urgency).fhirPriority(),
                CodeableConcept.of(
                        SYSTEM + "/CodeSystem/service-kind", r.serviceKind == null ? "other" : r.serviceKind, null),
                new LocalReference("#client"),
                r.sentAt == null ? null : r.sentAt.toString(),
                requester,
                performer,
                reason,
                supportingInfo,
                note);
    }

    /** A referral's status as a FHIR request-status. */
    private static String status(String referralStatus) {
        return switch (referralStatus) {
            case ReferralLifecycle.DRAFT, ReferralLifecycle.AWAITING_CONSENT -> DRAFT;
            case ReferralLifecycle.SENT, ReferralLifecycle.ACCEPTED -> ACTIVE;
            case ReferralLifecycle.COMPLETED -> COMPLETED;
            default -> REVOKED;
        };
    }
}
