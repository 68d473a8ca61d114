package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.ErasureRequests;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** A contract version stating that coaching runs beside therapy (issue 22), per role and another tenant. */
@QuarkusTest
@SuppressWarnings("unchecked")
class BesideTherapyApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();
    private final Tokens therapist = t.user("coach");

    private String open() {
        return as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Map<String, Object> terms(boolean therapistRequired) {
        List<Map<String, Object>> parties = new ArrayList<>(List.of(
                Map.of("role", "client", "subject", t.client.subject(), "required", true),
                Map.of("role", "coach", "subject", t.coach.subject(), "required", true),
                Map.of("role", "therapist", "subject", therapist.subject(), "required", therapistRequired)));
        Map<String, Object> body = new HashMap<>(Map.of("purpose", "Return to work", "parties", parties));
        body.put(
                "besideTherapy",
                Map.of(
                        "boundaries", "Coaching stays with work goals; the trauma work stays in therapy",
                        "otherProfessional", "Clinical psychologist at the practice"));
        return body;
    }

    @Test
    void theClientTheCoachAndTheNamedTherapistReadTheBoundaries() {
        String id = open();
        as(t.coach)
                .body(terms(false))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201)
                .body("besideTherapy.otherProfessional", is("Clinical psychologist at the practice"))
                .body("parties.role", hasItem("therapist"));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body(
                        "besideTherapy.boundaries",
                        is("Coaching stays with work goals; the trauma work stays in therapy"));
        // The therapist is no required party: the client and the coach alone bring it into force.
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .body("inForce", is(true));
        as(therapist)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("besideTherapy.otherProfessional", is("Clinical psychologist at the practice"));
        as(t.supervisor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404);
        as(TestTenant.another().client)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void theBoundariesAreSealedAtRest() {
        String id = open();
        as(t.coach)
                .body(terms(false))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from contract where tenant_id = ? and (beside_therapy_boundaries like"
                                        + " '%trauma%' or beside_therapy_other_professional like '%psychologist%')",
                                t.id));
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from contract where tenant_id = ? and beside_therapy"
                                        + " and beside_therapy_boundaries is not null",
                                t.id));
    }

    @Test
    void aRequiredTherapistOrBoundariesLeftOutAreRefusedAndNothingIsProposed() {
        String id = open();
        as(t.coach)
                .body(terms(true))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("parties"));
        Map<String, Object> noBoundaries = terms(false);
        noBoundaries.put("besideTherapy", Map.of("otherProfessional", "Counsellor"));
        as(t.coach)
                .body(noBoundaries)
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("besideTherapy.boundaries"));
        as(TestTenant.another().coach)
                .body(terms(false))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
        as(t.client)
                .body(terms(false))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void theClientsExportCarriesTheBoundariesAndTheirErasureClearsThem() {
        String id = open();
        as(t.coach)
                .body(terms(false))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        TestTenant.export(t.admin, t.client.subject(), t.exportRequest(t.client.subject()))
                .statusCode(200)
                .body("contracts[0].besideTherapy.otherProfessional", is("Clinical psychologist at the practice"));
        assertEquals(
                1,
                ErasureRequests.eraseRedelivered(t.id, t.client.subject(), "session.events")
                        .size());
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("besideTherapy.boundaries", is("erased"))
                .body("besideTherapy.otherProfessional", is("erased"));
    }

    @Test
    void aVersionWithoutItSaysNothingBesideTherapy() {
        String id = open();
        Map<String, Object> plain = terms(false);
        plain.remove("besideTherapy");
        as(t.coach)
                .body(plain)
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201)
                .body("besideTherapy", nullValue());
    }

    @Test
    void aSponsorPartyNeverLearnsOfTheTherapy() {
        String id = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching", "sponsorOrganisation", "Acme"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = terms(false);
        List<Map<String, Object>> parties = new ArrayList<>((List<Map<String, Object>>) body.get("parties"));
        parties.add(Map.of("role", "sponsor", "subject", t.sponsor.subject(), "required", true));
        body.put("parties", parties);
        as(t.coach)
                .body(body)
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        as(t.client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .statusCode(200)
                .body("besideTherapy", nullValue())
                .body("parties.role", not(hasItem("therapist")));
        as(t.sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200)
                .body("besideTherapy", nullValue())
                .body("parties.role", not(hasItem("therapist")));
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/contracts/1")
                .then()
                .body("besideTherapy.otherProfessional", is("Clinical psychologist at the practice"))
                .body("parties.role", hasItem("therapist"));
    }
}
