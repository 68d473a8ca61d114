package org.praxis.intake.api;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * A client reads plain words, never a band or flag code, in every view of their scores and instruments;
 * the tenant's own words once an admin sets them; practitioners still read the codes.
 */
@QuarkusTest
class ClientWordingApiTest {
    static final String PHQ9_MODERATE =
            "Your answers suggest it may help to talk to someone about how you have been" + " feeling.";
    private static final String PROBLEM = "application/problem+json";
    private static final String WORDING = "/v1/admin/client-wording";
    /** The codes a client's answers below may touch: PHQ-9's bands, its item flag and the flag's level. */
    private static final List<String> CODES = List.of(
            "minimal",
            "mild",
            "moderate",
            "moderately-severe",
            "severe",
            "self-harm-thoughts",
            "monitoring-deterioration",
            "serious",
            "elevated",
            "item",
            "trajectory");

    private final TestTenant t = new TestTenant();

    /** The tenant's supervisor supervises its coach: a supervisor reaches only the intakes of their supervisees. */
    @BeforeEach
    void supervision() {
        t.supervisorSupervisesCoach();
    }

    private static Map<String, Object> phq9(int... answers) {
        Map<String, Integer> a = new HashMap<>();
        for (int i = 0; i < answers.length; i++) {
            a.put(Integer.toString(i + 1), answers[i]);
        }
        return Map.of("instrument", "PHQ-9", "answers", a);
    }

    private static void assertNoCode(String body) {
        for (String code : CODES) {
            assertFalse(body.contains("\"" + code + "\""), code + " reached the client: " + body);
        }
    }

    @Test
    void aClientReadsWordingWherePractitionersReadCodes() {
        String id = ClientIntakes.opened(t);
        String submitted = as(t.client)
                .body(phq9(1, 1, 2, 2, 1, 1, 1, 1, 1))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("total", is(11))
                .body("severity", nullValue())
                .body("riskFlags", nullValue())
                .body("wording.locale", is("en"))
                .body("wording.text", is(PHQ9_MODERATE))
                .body("wording.riskFlags", hasSize(1))
                .body("wording.riskFlags[0]", org.hamcrest.Matchers.startsWith("Thank you for telling us"))
                .extract()
                .asString();
        assertNoCode(submitted);
        String listed = as(t.client)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].severity", nullValue())
                .body("items[0].riskFlags", nullValue())
                .body("items[0].wording.text", is(PHQ9_MODERATE))
                .extract()
                .asString();
        assertNoCode(listed);
        for (Tokens practitioner : new Tokens[] {t.coach, t.supervisor}) {
            as(practitioner)
                    .when()
                    .get("/v1/intakes/" + id + "/screenings")
                    .then()
                    .statusCode(200)
                    .body("items[0].severity", is("moderate"))
                    .body("items[0].riskFlags[0].code", is("self-harm-thoughts"))
                    .body("items[0].wording.text", is(PHQ9_MODERATE));
        }
        // The client's assignments and intake carry no codes either.
        assertNoCode(as(t.client)
                .when()
                .get("/v1/me/assignments")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertNoCode(as(t.client)
                .when()
                .get("/v1/intakes/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @Test
    void aDeteriorationDuringMonitoringReachesTheClientAsWordsOnly() {
        String id = ClientIntakes.opened(t);
        as(t.client)
                .body(phq9(1, 1, 1, 1, 1, 1, 1, 1, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201);
        as(t.coach)
                .body(Map.of("pathway", "coaching-with-monitoring", "reason", "monitoring agreed with the client"))
                .when()
                .post("/v1/intakes/" + id + "/decision")
                .then()
                .statusCode(201);
        // mild to moderate during monitoring: the trajectory's flag, which the client reads as words
        String submitted = as(t.client)
                .body(phq9(2, 2, 1, 1, 1, 1, 1, 2, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("severity", nullValue())
                .body("riskFlags", nullValue())
                .body("wording.text", is(PHQ9_MODERATE))
                .body("wording.riskFlags", hasSize(1))
                .body("wording.riskFlags[0]", org.hamcrest.Matchers.startsWith("Your recent answers suggest"))
                .extract()
                .asString();
        assertNoCode(submitted);
        assertNoCode(as(t.client)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        as(t.client).when().get("/v1/intakes/" + id + "/trajectories").then().statusCode(403);
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(200)
                .body("items[0].riskFlags[0].code", is("monitoring-deterioration"))
                .body("items[0].severity", is("moderate"));
    }

    @Test
    void aClientReadsAnInstrumentsItemsNotItsBandsOrFlaggedItems() {
        String body = as(t.client)
                .when()
                .get("/v1/instruments/PHQ-9")
                .then()
                .statusCode(200)
                .body("items", hasSize(10))
                .body("bands", empty())
                .body("itemFlags", empty())
                .extract()
                .asString();
        assertNoCode(body);
        assertNoCode(as(t.client)
                .when()
                .get("/v1/instruments")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        as(t.coach)
                .when()
                .get("/v1/instruments/PHQ-9")
                .then()
                .statusCode(200)
                .body("bands.severity", hasItem("moderate"))
                .body("itemFlags[0].code", is("self-harm-thoughts"));
    }

    @Test
    void theTenantsOwnWordsAreWhatItsClientsThenRead() {
        // A client reads the built-in words first: the replacement below must show at once all the same.
        as(t.client)
                .body(phq9(1, 1, 2, 2, 1, 1, 1, 1, 0))
                .when()
                .post("/v1/intakes/" + ClientIntakes.opened(t) + "/screenings")
                .then()
                .statusCode(201)
                .body("wording.text", is(PHQ9_MODERATE));
        as(t.admin)
                .when()
                .get(WORDING)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("defaults", is(true))
                .body("texts", empty())
                .body("builtIn.key", hasItem("score/PHQ-9/moderate"));
        Map<String, Object> own = Map.of(
                "texts",
                List.of(
                        Map.of("key", "score/PHQ-9/moderate", "locale", "en", "text", "Let us talk it through."),
                        Map.of("key", "score/PHQ-9", "locale", "de", "text", "Lass uns darüber sprechen."),
                        Map.of("key", "flag", "locale", "de", "text", "Danke, wir melden uns.")));
        as(t.admin).body(own).when().put(WORDING).then().statusCode(428).contentType(PROBLEM);
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("texts", List.of(Map.of("key", "bands/PHQ-9", "locale", "en_GB!", "text", "x"))))
                .when()
                .put(WORDING)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("texts[0].key"))
                .body("errors.field", hasItem("texts[0].locale"));
        as(t.admin).when().get(WORDING).then().header("ETag", "\"0\"").body("texts", empty());
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(own)
                .when()
                .put(WORDING)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("texts", hasSize(3))
                .body("defaults", is(false));
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(own)
                .when()
                .put(WORDING)
                .then()
                .statusCode(412);
        assertEquals(
                1,
                EmbeddedPostgres.shared()
                        .count(
                                "select count(*) from audit_event where tenant_id = ? and action = 'replace'"
                                        + " and resource_type = 'client-wording'",
                                t.id));

        String id = ClientIntakes.opened(t);
        as(t.client)
                .body(phq9(1, 1, 2, 2, 1, 1, 1, 1, 0))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("severity", nullValue())
                .body("wording.locale", is("en"))
                .body("wording.text", is("Let us talk it through."));
        as(t.client)
                .header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5")
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(200)
                .body("items[0].wording.locale", is("de"))
                .body("items[0].wording.text", is("Lass uns darüber sprechen."));
        for (String unmatched : new String[] {"fr", "not a language;;q=x"}) {
            as(t.client)
                    .header("Accept-Language", unmatched)
                    .when()
                    .get("/v1/intakes/" + id + "/screenings")
                    .then()
                    .statusCode(200)
                    .body("items[0].wording.text", is("Let us talk it through."));
        }
        as(t.client)
                .header("Accept-Language", "de,".repeat(100))
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        // Practitioners still read the code; another tenant's client reads the built-in words.
        as(t.coach)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .body("items[0].severity", is("moderate"))
                .body("items[0].wording.text", is("Let us talk it through."));
        TestTenant other = TestTenant.another();
        String elsewhere = ClientIntakes.opened(other);
        as(other.client)
                .body(phq9(1, 1, 2, 2, 1, 1, 1, 1, 0))
                .when()
                .post("/v1/intakes/" + elsewhere + "/screenings")
                .then()
                .statusCode(201)
                .body("wording.text", is(PHQ9_MODERATE));
        as(other.admin).when().get(WORDING).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void practitionersReadTheWordingAdminsReplaceItOthersNeither() {
        for (Tokens reads : new Tokens[] {t.coach, t.supervisor, t.admin}) {
            as(reads).when().get(WORDING).then().statusCode(200).body("revision", notNullValue());
        }
        for (String role : new String[] {"client", "sponsor"}) {
            as(t.user(role)).when().get(WORDING).then().statusCode(403).contentType(PROBLEM);
        }
        Map<String, Object> own = Map.of("texts", List.of(Map.of("key", "flag", "locale", "en", "text", "Thanks.")));
        for (Tokens refused : new Tokens[] {t.client, t.coach, t.supervisor, t.sponsor}) {
            as(refused)
                    .header("If-Match", "\"0\"")
                    .body(own)
                    .when()
                    .put(WORDING)
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM);
        }
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "texts",
                        List.of(
                                Map.of("key", "flag", "locale", "en", "text", "Thanks."),
                                Map.of("key", "flag", "locale", "EN", "text", "Thanks again."))))
                .when()
                .put(WORDING)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("texts[1]"));
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("texts", List.of(Map.of("key", "flag", "locale", "en", "text", "x".repeat(1_001)))))
                .when()
                .put(WORDING)
                .then()
                .statusCode(not(200));
        as(t.admin).when().get(WORDING).then().header("ETag", "\"0\"");
    }
}
