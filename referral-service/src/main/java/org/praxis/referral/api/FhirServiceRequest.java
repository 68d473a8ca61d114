package org.praxis.referral.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.Disclosure;
import org.praxis.referral.domain.DirectoryOrganisation;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.ReferralLifecycle;
import org.praxis.referral.domain.Urgency;

/**
 * A referral as a FHIR R4 {@code ServiceRequest}, for a receiving health system. Beyond the bare
 * request (kind of service, priority, dates, who refers, to whom) it carries only what the
 * disclosure allows: the client's identity and contact in a contained {@code Patient}, the reason,
 * the risk level. The consent is referenced; a referral sent under the serious-risk exception says so.
 */
final class FhirServiceRequest {
    static final String MEDIA_TYPE = "application/fhir+json";
    private static final String SYSTEM = "https://praxis.dev/fhir";

    private FhirServiceRequest() {
    }

    static Map<String, Object> of(Referral r, ConsentRecord consent, DirectoryService service,
                                  DirectoryOrganisation organisation) {
        List<String> allowed = r.effectiveDisclosure(consent);
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("resourceType", "Patient");
        patient.put("id", "client");
        if (allowed.contains(Disclosure.IDENTITY) && r.clientSubject != null) {
            patient.put("identifier", List.of(Map.of("system", SYSTEM + "/sid/tenant/" + r.tenantId + "/subject",
                    "value", r.clientSubject)));
        }
        if (allowed.contains(Disclosure.IDENTITY) && r.clientSubject == null && r.intakeId != null) {
            // Known by their intake until they have an account.
            patient.put("identifier", List.of(Map.of("system", SYSTEM + "/sid/tenant/" + r.tenantId + "/intake",
                    "value", r.intakeId.toString())));
        }
        if (allowed.contains(Disclosure.IDENTITY) && r.clientName != null) {
            patient.put("name", List.of(Map.of("text", r.clientName)));
        }
        if (allowed.contains(Disclosure.CONTACT) && r.clientContact != null) {
            patient.put("telecom", List.of(Map.of("system", r.clientContact.contains("@") ? "email" : "phone",
                    "value", r.clientContact)));
        }

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("resourceType", "ServiceRequest");
        request.put("id", r.id.toString());
        request.put("contained", List.of(patient));
        request.put("identifier", List.of(Map.of("system", SYSTEM + "/sid/referral", "value", r.id.toString())));
        request.put("status", status(r.status));
        request.put("intent", "order");
        request.put("category", List.of(Map.of("coding", List.of(Map.of("system", "http://snomed.info/sct",
                "code", "3457005", "display", "Patient referral")))));
        request.put("priority", Urgency.of(r.urgency).fhirPriority());
        request.put("code", Map.of("coding", List.of(Map.of("system", SYSTEM + "/CodeSystem/service-kind",
                "code", r.serviceKind == null ? "other" : r.serviceKind))));
        request.put("subject", Map.of("reference", "#client"));
        if (r.sentAt != null) {
            request.put("authoredOn", r.sentAt.toString());
        }
        if (r.practitionerId != null) {
            request.put("requester", Map.of("identifier", Map.of("system", SYSTEM + "/sid/tenant/" + r.tenantId
                    + "/practitioner", "value", r.practitionerId)));
        }
        if (service != null) {
            String name = organisation == null ? service.name : service.name + " (" + organisation.name + ")";
            request.put("performer", List.of(Map.of("identifier", Map.of("system", SYSTEM + "/sid/directory-service",
                    "value", service.id.toString()), "display", name)));
        }
        if (allowed.contains(Disclosure.REASON)) {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("coding", List.of(Map.of("system", SYSTEM + "/CodeSystem/referral-reason", "code", r.reasonCode)));
            if (r.reasonText != null) {
                reason.put("text", r.reasonText);
            }
            request.put("reasonCode", List.of(reason));
        }
        if (r.sentUnderException) {
            request.put("supportingInfo", List.of(Map.of("display",
                    "Sent without the client's consent under the serious-risk exception, approved by a supervisor")));
        } else if (consent != null) {
            request.put("supportingInfo", List.of(Map.of("reference", "Consent/" + consent.id,
                    "display", "The client's consent to this referral")));
        }
        List<Map<String, Object>> notes = new ArrayList<>();
        if (allowed.contains(Disclosure.RISK) && r.riskLevel != null) {
            notes.add(Map.of("text", "Risk level at referral: " + r.riskLevel));
        }
        if (!notes.isEmpty()) {
            request.put("note", notes);
        }
        return request;
    }

    /** FHIR request-status: draft | active | on-hold | revoked | completed | entered-in-error | unknown. */
    private static String status(String referralStatus) {
        return switch (referralStatus) {
            case ReferralLifecycle.DRAFT, ReferralLifecycle.AWAITING_CONSENT -> "draft";
            case ReferralLifecycle.SENT, ReferralLifecycle.ACCEPTED -> "active";
            case ReferralLifecycle.COMPLETED -> "completed";
            default -> "revoked";
        };
    }
}
