package org.praxis.intake.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.intake.domain.Pathway;
import org.praxis.intake.domain.Triage;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** Issue 22: the client reads their path in words only, and records their preference before the decision. */
@QuarkusTest
class ClientPathwayApiTest {
    private static final String NOTE = "Evenings suit me; I tried counselling before";

    private final TestTenant t = new TestTenant();

    private static void screen(Tokens who, String intake, String instrument, int... answers) {
        as(who).body(MonitoringApiTest.answers(instrument, answers))
                .when()
                .post("/v1/intakes/" + intake + "/screenings")
                .then()
                .statusCode(201);
    }

    private static String pathway(String intake) {
        return "/v1/me/intakes/" + intake + "/pathway";
    }

    private static String preference(String intake) {
        return "/v1/me/intakes/" + intake + "/preference";
    }

    /** Every code a client must never read: pathways, triage rules, bands. */
    private static List<String> codes() {
        List<String> codes = new ArrayList<>(Triage.RULES);
        for (Pathway p : Pathway.values()) {
            codes.add(p.code());
        }
        codes.addAll(List.of("moderate", "moderately-severe", "mild", "ready", "not-ready", "partly-ready"));
        return codes;
    }

    private static void carriesNoCode(String body) {
        for (String code : codes()) {
            assertFalse(body.contains("\"" + code + "\""), code + " in " + body);
        }
    }

    @Test
    void theClientReadsTheirPathInWordsRecordsAPreferenceAndTheDecisionShowsIt() {
        String intake = ClientIntakes.opened(t);
        // Before anything is screened: nothing recommended yet.
        as(t.client)
                .when()
                .get(pathway(intake))
                .then()
                .statusCode(200)
                .body("recommended", nullValue())
                .body("reasons", hasSize(0))
                .body("decided", nullValue())
                .body("preference", nullValue());
        screen(t.client, intake, "PHQ-9", 2, 2, 1, 1, 1, 1, 1, 1, 0); // 10: integrated
        screen(t.client, intake, "COACHING-READINESS", 4, 4, 1, 0); // ready, seeing a therapist
        String body = as(t.client)
                .when()
                .get(pathway(intake))
                .then()
                .statusCode(200)
                .body("recommended.text", containsString("health professional"))
                .body("reasons.text", hasSize(2))
                .body("reasons[0].text", containsString("therapist or counsellor"))
                .extract()
                .asString();
        carriesNoCode(body);
        // The practitioner's recommendation still reads the codes.
        as(t.coach)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .statusCode(200)
                .body("pathway", is("integrated"))
                .body("reasons.rule", is(List.of("in-therapy", "phq9-integrated")))
                .body("clientPreference", nullValue());

        // The first preference without If-Match; a change needs it.
        as(t.client)
                .body(Map.of("preference", "coach-and-therapist", "preferredCoach", t.coach.subject(), "note", NOTE))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("preference", is("coach-and-therapist"))
                .body("note", is(NOTE));
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from client_preference where note like ?", "%Evenings%"));
        as(t.client)
                .body(Map.of("preference", "work-with-a-coach"))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(428);
        as(t.client)
                .header("If-Match", "\"7\"")
                .body(Map.of("preference", "work-with-a-coach"))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(412);
        as(t.client)
                .header("If-Match", "\"0\"")
                .body(Map.of("preference", "therapy"))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(422)
                .body("errors[0].field", is("preference"));
        as(t.client)
                .header("If-Match", "\"0\"")
                .body(Map.of("preference", "work-with-a-coach", "note", "x".repeat(2_001)))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(422);
        // Nothing changed by the refusals.
        as(t.coach)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .body("clientPreference.preference", is("coach-and-therapist"))
                .body("clientPreference.preferredCoach", is(t.coach.subject()))
                .body("clientPreference.note", is(NOTE));
        as(t.client)
                .header("If-Match", "\"0\"")
                .body(Map.of("preference", "work-with-a-coach"))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("preferredCoach", nullValue());
        // Admins read the audit trail, not the preference (a clinical choice).
        AdminsAuditView.assertNoReasons(t, intake, "record-preference", 2);

        // A pathway other than the recommendation still needs the practitioner's reason.
        as(t.coach)
                .body(Map.of("pathway", "coaching-with-monitoring"))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(422);
        as(t.coach)
                .body(Map.of(
                        "pathway",
                        "coaching-with-monitoring",
                        "practitionerId",
                        t.coach.subject(),
                        "reason",
                        "The client prefers coaching; the therapist agreed the boundaries"))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201)
                .body("pathway", is("coaching-with-monitoring"))
                .body("recommendedPathway", is("integrated"))
                .body("clientPreference.preference", is("work-with-a-coach"));
        var decided = TopicProbe.read(
                "intake.events",
                r -> intake.equals(r.key())
                        && "org.praxis.intake.intake.decided.v1".equals(TopicProbe.header(r, "ce_type")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, decided.size());
        assertEquals(
                List.of(),
                EventContracts.violations(
                        "org.praxis.intake.intake.decided.v1", decided.get(0).value()));
        assertEquals(
                "work-with-a-coach",
                io.restassured.path.json.JsonPath.from(decided.get(0).value()).getString("clientPreference"));

        // After the decision the preference stays as it was.
        as(t.client)
                .header("If-Match", "\"1\"")
                .body(Map.of("preference", "not-sure"))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(409);
        body = as(t.client)
                .when()
                .get(pathway(intake))
                .then()
                .statusCode(200)
                .body("decided.text", containsString("now and then"))
                .body("decidedAt", notNullValue())
                .body("preference.preference", is("work-with-a-coach"))
                .extract()
                .asString();
        carriesNoCode(body);
    }

    /** A flag a practitioner raises by hand is theirs to tell the client of: the client's path does not show it. */
    @Test
    void aFlagRaisedByHandChangesNothingTheClientReads() {
        String intake = ClientIntakes.opened(t);
        as(t.coach)
                .body(Map.of("code", "safeguarding", "level", "elevated", "note", "a call from their GP"))
                .when()
                .post("/v1/intakes/" + intake + "/risk-flags")
                .then()
                .statusCode(201);
        as(t.client)
                .when()
                .get(pathway(intake))
                .then()
                .statusCode(200)
                .body("recommended", nullValue())
                .body("reasons", hasSize(0));
        screen(t.client, intake, "PHQ-9", 2, 2, 1, 1, 1, 1, 1, 1, 0); // 10: integrated
        as(t.client)
                .when()
                .get(pathway(intake))
                .then()
                .body("recommended.text", containsString("health professional"))
                .body("reasons.text", hasSize(1));
        // The practitioners' recommendation counts it: urgent.
        as(t.coach)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .body("pathway", is("urgent"));
    }

    @Test
    void noHelpNowWithNothingIndicatedIsNoIntervention() {
        String intake = ClientIntakes.opened(t);
        screen(t.client, intake, "PHQ-9", 1, 1, 0, 0, 0, 0, 0, 0, 0); // 2: minimal
        as(t.client)
                .body(Map.of("preference", "no-help-now"))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .body("pathway", is("no-intervention"))
                .body("reasons.rule", is(List.of("no-help-wanted")));
        as(t.client)
                .header("Accept-Language", "de")
                .when()
                .get(pathway(intake))
                .then()
                .body("recommended.text", containsString("do not want help right now"))
                .body("recommended.locale", is("en"));
        // A score that indicates need outranks the preference.
        screen(t.client, intake, "PHQ-9", 2, 1, 1, 1, 0, 0, 0, 0, 0); // 5: mild
        as(t.coach)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .body("pathway", is("coaching-with-monitoring"));
    }

    @Test
    void aTenantsOwnWordsForAReasonReachTheClientInTheirLanguage() {
        String intake = ClientIntakes.opened(t);
        screen(t.client, intake, "COACHING-READINESS", 1, 1, 0, 0); // not ready
        as(t.admin)
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "texts",
                        List.of(Map.of("key", "reason/readiness-not-ready", "locale", "de", "text", "Eigene Worte"))))
                .when()
                .put("/v1/admin/client-wording")
                .then()
                .statusCode(200);
        as(t.client)
                .header("Accept-Language", "de-AT, en;q=0.5")
                .when()
                .get(pathway(intake))
                .then()
                .statusCode(200)
                .body("reasons.text", is(List.of("Eigene Worte")))
                .body("reasons.locale", is(List.of("de")))
                .body("recommended.text", containsString("practical support"));
    }

    @Test
    void onlyTheIntakesClientReadsOrRecords() {
        String intake = ClientIntakes.opened(t);
        for (Tokens practitioner : List.of(t.coach, t.supervisor, t.admin, t.sponsor)) {
            as(practitioner).when().get(pathway(intake)).then().statusCode(403);
            as(practitioner)
                    .body(Map.of("preference", "not-sure"))
                    .when()
                    .put(preference(intake))
                    .then()
                    .statusCode(403);
        }
        as(t.otherClient).when().get(pathway(intake)).then().statusCode(404);
        as(t.otherClient)
                .body(Map.of("preference", "not-sure"))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(404);
        TestTenant other = TestTenant.another();
        as(other.client).when().get(pathway(intake)).then().statusCode(404);
        as(other.client)
                .body(Map.of("preference", "not-sure"))
                .when()
                .put(preference(intake))
                .then()
                .statusCode(404);
        // The client's own intake in another tenant is theirs there, not here.
        String theirs = ClientIntakes.opened(other);
        as(t.client).when().get(pathway(theirs)).then().statusCode(404);
        assertEquals(
                0,
                EmbeddedPostgres.shared()
                        .count("select count(*) from client_preference where intake_id = ?::uuid", intake));
        // The client is refused the practitioner's recommendation, as before.
        as(t.client)
                .when()
                .get("/v1/intakes/" + intake + "/recommendation")
                .then()
                .statusCode(403)
                .body(not(containsString("coaching")));
    }
}
