package org.praxis.session.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.session.ActiveEngagements;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * Payment per session where the contract says so: a held session is charged its price, a late
 * cancellation by the client (inside the contract's notice) or a no-show the fee; each once.
 */
@QuarkusTest
class ChargeApiTest {
    private final TestTenant t = new TestTenant();

    private String activeEngagement(boolean priced) {
        String id = as(t.coach)
                .body(Map.of(
                        "clientSubject", t.client.subject(), "pathway", "coaching", "sponsorOrganisation", "acme-hr"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> terms = new HashMap<>(Map.of(
                "purpose",
                "Grow as a leader",
                "sessionsPrepaid",
                10,
                "disclosure",
                Map.of("attendance", true, "sessionCounts", true),
                "parties",
                List.of(
                        Map.of("role", "client", "subject", t.client.subject(), "required", true),
                        Map.of("role", "coach", "subject", t.coach.subject(), "required", true),
                        Map.of("role", "sponsor", "subject", t.sponsor.subject(), "required", true))));
        if (priced) {
            terms.put("pricePerSession", Map.of("amountMinor", 12000, "currency", "EUR"));
            terms.put("lateCancellationFee", Map.of("amountMinor", 6000, "currency", "EUR"));
            terms.put("lateCancellationHours", 48);
        }
        as(t.coach)
                .body(terms)
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        for (Tokens party : List.of(t.client, t.coach, t.sponsor)) {
            as(party)
                    .when()
                    .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                    .then()
                    .statusCode(200);
        }
        return id;
    }

    /** A session {@code hoursAhead} from now (negative: one that started that long ago); its id. */
    private String schedule(String engagement, long hoursAhead) {
        return as(t.coach)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().plus(hoursAhead, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video",
                        "model",
                        "PERMA"))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void record(String engagement, String session, String status, int expected) {
        as(t.coach)
                .body(Map.of("status", status))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions/" + session + "/outcome")
                .then()
                .statusCode(expected);
    }

    private void cancel(Tokens who, String engagement, String session, boolean late) {
        as(who).when()
                .post("/v1/engagements/" + engagement + "/sessions/" + session + "/cancellation")
                .then()
                .statusCode(200)
                .body("cancelledLate", is(late));
    }

    @Test
    void heldSessionsLateCancellationsByTheClientAndNoShowsAreChargedOnce() {
        String id = activeEngagement(true);
        String held = schedule(id, -72);
        record(id, held, "held", 200);
        record(id, held, "held", 409);
        // Inside the contract's 48 hours' notice (the default would be 24): late.
        cancel(t.client, id, schedule(id, 30), true);
        // The practitioner's side cancelling late costs the client nothing.
        cancel(t.coach, id, schedule(id, 30), true);
        cancel(t.client, id, schedule(id, 120), false);
        String missed = schedule(id, -24);
        record(id, missed, "no-show", 200);

        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/charges")
                .then()
                .statusCode(200)
                .body("items.size()", is(3))
                .body("items.kind", containsInAnyOrder("session", "late-cancellation", "late-cancellation"))
                .body("items.find { it.kind == 'session' }.sessionId", is(held))
                .body("items.find { it.sessionId == '" + missed + "' }.amountMinor", is(6000))
                .body("totals.currency", contains("EUR"))
                .body("totals[0].amountMinor", is(24000));
        as(t.coach)
                .queryParam("limit", 2)
                .when()
                .get("/v1/engagements/" + id + "/charges")
                .then()
                .statusCode(200)
                .body("items.size()", is(2))
                .body("nextCursor", notNullValue())
                .body("totals[0].amountMinor", is(24000));
        // The client's export carries what their sessions cost.
        TestTenant.export(t.admin, t.client.subject(), t.exportRequest(t.client.subject()))
                .statusCode(200)
                .body("charges.size()", is(3))
                .body("charges.amountMinor", containsInAnyOrder(12000, 6000, 6000));
    }

    @Test
    void noOutcomeBeforeTheStartAndTheCloseCancelsWhatIsAheadFreeOfCharge() {
        String id = activeEngagement(true);
        String ahead = schedule(id, 3);
        // Not started: neither held (its price) nor missed (the fee) yet.
        record(id, ahead, "no-show", 409);
        record(id, ahead, "held", 409);
        String started = schedule(id, -1);
        ActiveEngagements.close(t.coach, id);

        String sessions = "/v1/engagements/" + id + "/sessions";
        as(t.client)
                .when()
                .get(sessions)
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + ahead + "' }.status", is("cancelled"))
                .body("items.find { it.id == '" + ahead + "' }.cancelledBy", is("engagement-end"))
                .body("items.find { it.id == '" + ahead + "' }.cancelledLate", is(false))
                .body("items.find { it.id == '" + started + "' }.status", is("scheduled"));
        record(id, ahead, "held", 409);
        // The session that started before the close is not moved past it, but what happened is still recorded.
        as(t.coach)
                .body(Map.of(
                        "scheduledAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .when()
                .post(sessions + "/" + started + "/reschedule")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        record(id, started, "held", 200);
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/charges")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].sessionId", is(started))
                .body("items[0].kind", is("session"));
    }

    @Test
    void aContractWithoutPricesChargesNothing() {
        String id = activeEngagement(false);
        record(id, schedule(id, -72), "held", 200);
        cancel(t.client, id, schedule(id, 3), true);
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id + "/charges")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("totals", empty());
    }

    @Test
    void theClientPractitionerAndSupervisorReadChargesNoSponsorNoOneElse() {
        String id = activeEngagement(true);
        record(id, schedule(id, -72), "held", 200);
        String charges = "/v1/engagements/" + id + "/charges";
        as(t.supervisor).when().get(charges).then().statusCode(404);
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        for (Tokens who : List.of(t.client, t.coach, t.supervisor)) {
            as(who).when().get(charges).then().statusCode(200).body("items.size()", is(1));
        }
        // The sponsor is a party to the contract, but no disclosure term covers money.
        as(t.sponsor).when().get(charges).then().statusCode(403).contentType("application/problem+json");
        as(t.admin).when().get(charges).then().statusCode(403);
        for (Tokens who : List.of(t.otherClient, t.otherCoach, TestTenant.another().coach)) {
            as(who).when().get(charges).then().statusCode(404).contentType("application/problem+json");
        }
        as(t.client).queryParam("limit", 0).when().get(charges).then().statusCode(422);
    }
}
