package org.praxis.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.platform.web.Bounds;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.PagedLists;
import org.praxis.testsupport.TestTenant;

/** Every input has a size, a refusal names the field without echoing what was sent, and the answer stays small. */
@QuarkusTest
class InputBoundsTest {
    private static final String PROBLEM = "application/problem+json";
    /** Far more than any problem this service writes, far less than the inputs below. */
    private static final int SMALL = 4_000;

    private final TestTenant t = new TestTenant();

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    private String openIntake() {
        return as(t.coach)
                .body(Map.of("displayName", "Pat", "clientSubject", t.client.subject()))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> phq9(Map<String, ?> answers) {
        return Map.of("instrument", "PHQ-9", "answers", answers);
    }

    private static Map<String, Integer> phq9Answers() {
        Map<String, Integer> answers = new HashMap<>();
        for (int item = 1; item <= 9; item++) {
            answers.put(Integer.toString(item), 0);
        }
        return answers;
    }

    private static void assertSmallAndSilent(Response r, String... sent) {
        String body = r.asString();
        assertTrue(body.length() < SMALL, "problem of " + body.length() + " characters");
        for (String s : sent) {
            assertFalse(body.contains(s), "the problem echoes " + s.substring(0, Math.min(40, s.length())));
        }
    }

    @Test
    void anOverLongConcernIs422NamingTheFieldAndStoresNothing() {
        String concerns = "worry ".repeat(Bounds.TEXT / 6 + 1);
        Response r = as(t.coach)
                .body(Map.of("displayName", "Pat", "presentingConcerns", concerns))
                .when()
                .post("/v1/intakes");
        r.then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("presentingConcerns"));
        assertSmallAndSilent(r, "worry worry");
        assertEquals(0, count("select count(*) from intake where tenant_id = ?", t.id));
    }

    /** A flag's code goes out in events and to webhooks unsealed: free text (a name, a disclosure) is refused. */
    @Test
    void aRiskFlagCodeThatIsFreeTextIs422AndRaisesNothing() {
        String id = openIntake();
        Response r = as(t.coach)
                .body(Map.of("code", "Jane Smith disclosed abuse", "level", "low"))
                .when()
                .post("/v1/intakes/" + id + "/risk-flags");
        r.then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("code"));
        assertSmallAndSilent(r, "Jane Smith");
        assertEquals(0, count("select count(*) from risk_flag where tenant_id = ?", t.id));
    }

    /** Jackson reads 0.5 as 0 unless told not to: item 9 answered 0.5 would score 0 and raise no flag. */
    @Test
    void aFractionalAnswerIsRefusedNamingTheItemAndScoresNothing() {
        String id = openIntake();
        Map<String, Object> answers = new HashMap<>(phq9Answers());
        answers.put("9", 0.5);
        as(t.coach)
                .body(phq9(answers))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("answers.9"));
        assertEquals(0, count("select count(*) from screening where tenant_id = ?", t.id));
        assertEquals(0, count("select count(*) from risk_flag where tenant_id = ?", t.id));
    }

    @Test
    void anOverLongNoteLeavesTheRiskFlagAsItWas() {
        String id = openIntake();
        String flag = as(t.coach)
                .body(Map.of("code", "concern", "level", "low"))
                .when()
                .post("/v1/intakes/" + id + "/risk-flags")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .body(Map.of("status", "acknowledged", "note", "n".repeat(Bounds.TEXT + 1)))
                .when()
                .post("/v1/risk-flags/" + flag + "/transitions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("note"));
        as(t.coach)
                .when()
                .get("/v1/risk-flags/" + flag)
                .then()
                .statusCode(200)
                .body("status", is("raised"))
                .body("steps", hasSize(1));
    }

    @Test
    void overLongQueryAndPathParametersAre422() {
        as(t.coach)
                .queryParam("status", "s".repeat(Bounds.CODE + 1))
                .when()
                .get("/v1/intakes")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("status"));
        as(t.coach)
                .when()
                .get("/v1/instruments/" + "X".repeat(Bounds.CODE + 1))
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("code"));
    }

    @Test
    void aHundredThousandAnswersAre422WithoutEchoAndStoreNothing() {
        String id = openIntake();
        Map<String, Integer> answers = phq9Answers();
        for (int n = 0; n < 100_000; n++) {
            answers.put("q" + Integer.toString(n, 36), 7); // short keys: under the body cap
        }
        Response r = as(t.client).body(phq9(answers)).when().post("/v1/intakes/" + id + "/screenings");
        r.then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("answers"));
        assertSmallAndSilent(r, "\"q1\"", "q2s");
        assertEquals(0, count("select count(*) from screening where intake_id = ?::uuid", id));
    }

    @Test
    void tenMegabytesOfAnswersAreRefusedByTheBodyCapWithoutEcho() {
        String id = openIntake();
        Map<String, Object> answers = new HashMap<>(phq9Answers());
        answers.put("1", "9".repeat(10_000_000));
        Response r = as(t.client).body(phq9(answers)).when().post("/v1/intakes/" + id + "/screenings");
        r.then().statusCode(413).contentType(PROBLEM);
        assertSmallAndSilent(r, "99999999");
        assertEquals(0, count("select count(*) from screening where intake_id = ?::uuid", id));
    }

    @Test
    void anOverLongItemIdOrAnOutOfRangeAnswerIs422WithoutEcho() {
        String id = openIntake();
        String key = "k".repeat(10_000);
        Map<String, Integer> longKey = phq9Answers();
        longKey.put(key, 1);
        Response r = as(t.client).body(phq9(longKey)).when().post("/v1/intakes/" + id + "/screenings");
        r.then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("answers"));
        assertSmallAndSilent(r, "kkkkkkkk");

        Map<String, Integer> huge = phq9Answers();
        huge.put("1", 1_234_567_890);
        r = as(t.client).body(phq9(huge)).when().post("/v1/intakes/" + id + "/screenings");
        r.then().statusCode(422).contentType(PROBLEM).body("errors.field", contains("answers"));
        assertSmallAndSilent(r, "1234567890");
        assertEquals(0, count("select count(*) from screening where intake_id = ?::uuid", id));
    }

    @Test
    void aMegabyteValueIsRefusedWithoutEcho() {
        String id = openIntake();
        Map<String, Object> answers = new HashMap<>(phq9Answers());
        String value = "9".repeat(1_000_000);
        answers.put("1", value);
        Response r = as(t.client).body(phq9(answers)).when().post("/v1/intakes/" + id + "/screenings");
        assertEquals(PROBLEM, r.contentType().split(";")[0]);
        assertTrue(r.statusCode() == 400 || r.statusCode() == 422, "status " + r.statusCode());
        assertSmallAndSilent(r, "99999999");
        assertEquals(0, count("select count(*) from screening where intake_id = ?::uuid", id));
    }

    @Test
    void unknownItemsAre422NamingOnlyAFewAndCountingTheRest() {
        String id = openIntake();
        Map<String, Integer> answers = phq9Answers();
        for (int n = 0; n < 50; n++) {
            answers.put("u" + (100 + n), 2);
        }
        Response r = as(t.client).body(phq9(answers)).when().post("/v1/intakes/" + id + "/screenings");
        r.then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("answers.u100", "answers.u101", "answers.u102", "answers"))
                .body("errors[3].message", is("47 more answers name no item of PHQ-9"));
        assertSmallAndSilent(r, "u149");
        assertEquals(0, count("select count(*) from screening where intake_id = ?::uuid", id));
    }

    // ------------------------------------------------------------------ tenant instruments

    private static Map<String, Object> definition(int items) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int n = 1; n <= items; n++) {
            list.add(Map.of("linkId", Integer.toString(n), "topic", "topic " + n, "min", 0, "max", 1, "scored", true));
        }
        return Map.of(
                "title",
                "Check-in",
                "items",
                list,
                "bands",
                List.of(Map.of("min", 0, "max", items, "severity", "any")));
    }

    @Test
    void anInstrumentWithTooManyItemsIs422AndStoresNothing() {
        as(t.admin)
                .body(definition(101))
                .when()
                .post("/v1/instruments/BIG/versions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("items"));
        as(t.admin).when().get("/v1/instruments/BIG").then().statusCode(404);
        as(t.admin)
                .body(definition(100))
                .when()
                .post("/v1/instruments/BIG/versions")
                .then()
                .statusCode(201)
                .body("items", hasSize(100));
    }

    @Test
    void anInstrumentWithOverLongOrOutOfRangeFieldsIs422() {
        Map<String, Object> longTitle = new LinkedHashMap<>(definition(2));
        longTitle.put("title", "t".repeat(Bounds.NAME + 1));
        as(t.admin)
                .body(longTitle)
                .when()
                .post("/v1/instruments/LONG/versions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("title"));
        Map<String, Object> wide = new LinkedHashMap<>(definition(2));
        wide.put("items", List.of(Map.of("linkId", "1", "topic", "x", "min", 0, "max", 1_000_000, "scored", true)));
        as(t.admin)
                .body(wide)
                .when()
                .post("/v1/instruments/WIDE/versions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        Map<String, Object> nullItem = new LinkedHashMap<>(definition(2));
        List<Object> items = new ArrayList<>();
        items.add(null);
        nullItem.put("items", items);
        as(t.admin)
                .body(nullItem)
                .when()
                .post("/v1/instruments/HOLE/versions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM);
        assertEquals(0, count("select count(*) from tenant_instrument where tenant_id = ?", t.id));
    }

    @Test
    void aTenantDefinesAtMostAHundredInstrumentsButMoreVersionsOfThem() {
        for (int n = 0; n < 100; n++) {
            as(t.admin)
                    .body(definition(1))
                    .when()
                    .post("/v1/instruments/OWN-" + n + "/versions")
                    .then()
                    .statusCode(201);
        }
        as(t.admin)
                .body(definition(1))
                .when()
                .post("/v1/instruments/ONE-TOO-MANY/versions")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("code"));
        as(t.admin)
                .body(definition(2))
                .when()
                .post("/v1/instruments/OWN-7/versions")
                .then()
                .statusCode(201)
                .body("version", is(2));
        as(t.coach)
                .when()
                .get("/v1/instruments")
                .then()
                .statusCode(200)
                .body("size()", is(107))
                .body("find { it.code == 'OWN-7' }.version", is(2));
    }

    // ------------------------------------------------------------------ paged lists

    @Test
    void screeningsAndAssignmentsPage() {
        String id = openIntake();
        for (int n = 0; n < 3; n++) {
            as(t.client)
                    .body(phq9(phq9Answers()))
                    .when()
                    .post("/v1/intakes/" + id + "/screenings")
                    .then()
                    .statusCode(201);
        }
        String cursor = as(t.coach)
                .queryParam("limit", 2)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        as(t.coach)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .when()
                .get("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());

        List<String> sent = new ArrayList<>();
        for (String due : new String[] {"2031-03-01", null, "2030-01-15", "2030-01-15"}) {
            Map<String, Object> body = new HashMap<>(Map.of("instrument", "GAD-7"));
            body.put("dueDate", due);
            sent.add(as(t.coach)
                    .body(body)
                    .when()
                    .post("/v1/intakes/" + id + "/assignments")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        List<String> seen = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        String next = null;
        do {
            RequestSpecification request = as(t.client).queryParam("limit", 1);
            var page = (next == null ? request : request.queryParam("cursor", next))
                    .when()
                    .get("/v1/me/assignments")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .extract()
                    .jsonPath();
            seen.add(page.getString("items[0].id"));
            dues.add(page.getString("items[0].dueDate"));
            next = page.getString("nextCursor");
        } while (next != null);
        assertEquals(4, seen.size());
        assertEquals(new java.util.HashSet<>(sent), new java.util.HashSet<>(seen));
        assertEquals(
                java.util.Arrays.asList("2030-01-15", "2030-01-15", "2031-03-01", null),
                dues,
                "soonest due first, no due date last");
    }

    @Test
    void theDocumentDeclaresTheBounds() {
        var doc = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String request = "components.schemas.SubmitScreeningRequest.properties.";
        assertEquals(Bounds.CODE, doc.getInt(request + "instrument.maxLength"));
        assertEquals(Bounds.ANSWERS, doc.getInt(request + "answers.maxProperties"));
        assertEquals(
                Bounds.TEXT,
                doc.getInt("components.schemas.CreateIntakeRequest.properties.presentingConcerns.maxLength"));
        assertEquals(100, doc.getInt("components.schemas.Answer.maximum"));
        assertEquals(Bounds.CODE, doc.getInt("components.schemas.ItemId.maxLength"));
        assertEquals(100, doc.getInt("components.schemas.InstrumentDefinition.properties.items.maxItems"));
    }

    /**
     * Issue 18: every list pages but the instrument catalogue (the built-ins and at most
     * {@code Instruments.TENANT_LIMIT} of the tenant's own) and the newest dead letters (read back from Kafka).
     */
    @Test
    void everyListPagesButTheCatalogueAndTheDeadLetters() throws Exception {
        PagedLists.assertEveryListPagesBut(Set.of("listInstruments", "listDeadLetters"));
    }
}
