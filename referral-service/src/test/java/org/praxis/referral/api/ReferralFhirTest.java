package org.praxis.referral.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;

/** The FHIR view parses as an R4 ServiceRequest with the reference library and carries only what consent allows. */
@QuarkusTest
class ReferralFhirTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private final ReferralTenant t = new ReferralTenant();

    private static ServiceRequest parse(String json) {
        IParser parser = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(ServiceRequest.class, json);
    }

    private String fhir(String id) {
        return as(t.coach)
                .accept("application/fhir+json")
                .when()
                .get("/v1/referrals/" + id + "/fhir")
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .asString();
    }

    @Test
    void onlyWhatTheClientAgreedToShareReachesTheRecipient() {
        String service = t.therapyService();
        String id = t.consented(service, List.of("identity", "contact", "reason"), List.of("identity"));
        as(t.coach).when().get("/v1/referrals/" + id + "/fhir").then().statusCode(409); // not sent yet
        as(t.coach).when().post("/v1/referrals/" + id + "/sending").then().statusCode(200);

        String json = fhir(id);
        ServiceRequest request = parse(json);
        assertEquals(ServiceRequest.ServiceRequestStatus.ACTIVE, request.getStatus());
        assertEquals(ServiceRequest.ServiceRequestIntent.ORDER, request.getIntent());
        assertEquals(ServiceRequest.ServiceRequestPriority.URGENT, request.getPriority()); // "soon"
        assertEquals("therapy", request.getCode().getCodingFirstRep().getCode());
        assertTrue(request.getPerformerFirstRep().getDisplay().contains("Adult talking therapy"));
        assertTrue(request.getSupportingInfoFirstRep().getReference().startsWith("Consent/"));
        Patient patient = (Patient) request.getContained().get(0);
        assertEquals(
                "#" + patient.getIdElement().getIdPart(), request.getSubject().getReference());
        assertEquals("Alex Example", patient.getNameFirstRep().getText());
        assertTrue(patient.getTelecom().isEmpty(), "contact was proposed but not agreed");
        assertTrue(request.getReasonCode().isEmpty(), "reason was proposed but not agreed");
        assertFalse(json.contains("Low mood"), json);
        assertFalse(json.contains("alex@example.org"), json);
        assertTrue(org.praxis.testsupport.EmbeddedPostgres.shared()
                        .count("select count(*) from audit_event where action = 'read-fhir' and resource_id = ?", id)
                == 1);
    }

    @Test
    void everythingAgreedIsThereAndTheExceptionIsStatedInsteadOfAConsent() {
        String service = t.therapyService();
        String agreed = t.consented(
                service, List.of("identity", "contact", "reason"), List.of("identity", "contact", "reason"));
        as(t.coach).when().post("/v1/referrals/" + agreed + "/sending").then().statusCode(200);
        ServiceRequest full = parse(fhir(agreed));
        Patient patient = (Patient) full.getContained().get(0);
        assertEquals("alex@example.org", patient.getTelecomFirstRep().getValue());
        assertEquals(
                "Low mood for months, beyond coaching",
                full.getReasonCodeFirstRep().getText());
        assertEquals(
                "depression", full.getReasonCodeFirstRep().getCodingFirstRep().getCode());

        String emergency = t.draft(service, "emergency", List.of("identity", "contact"));
        t.exceptionApproved(emergency, "Immediate risk to life, client unreachable");
        as(t.coach)
                .when()
                .post("/v1/referrals/" + emergency + "/sending")
                .then()
                .statusCode(200);
        ServiceRequest urgent = parse(fhir(emergency));
        assertEquals(ServiceRequest.ServiceRequestPriority.STAT, urgent.getPriority());
        assertFalse(urgent.getSupportingInfoFirstRep().hasReference());
        assertTrue(urgent.getSupportingInfoFirstRep().getDisplay().contains("serious-risk exception"));
        assertTrue(urgent.getReasonCode().isEmpty(), "reason was not in the proposal");

        as(t.coach)
                .body(Map.of("outcome", "declined", "reason", "Sent to crisis team instead"))
                .when()
                .post("/v1/referrals/" + emergency + "/answer")
                .then()
                .statusCode(200);
        assertEquals(
                ServiceRequest.ServiceRequestStatus.REVOKED,
                parse(fhir(emergency)).getStatus());
    }
}
