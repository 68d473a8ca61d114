package org.praxis.session.api;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * A new contract version renews or extends the session package once it is in force (every required
 * party, the sponsor included, accepted); a version without a package change leaves it as it is.
 */
@QuarkusTest
class PackageApiTest {
    private final TestTenant t = new TestTenant();

    private String engagement() {
        return as(t.coach)
                .body(Map.of(
                        "clientSubject", t.client.subject(), "pathway", "coaching", "sponsorOrganisation", "acme-hr"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private Map<String, Object> terms(Integer sessionsPrepaid, String packageChange) {
        Map<String, Object> terms = new HashMap<>(Map.of(
                "purpose",
                "Grow as a leader",
                "parties",
                List.of(
                        Map.of("role", "client", "subject", t.client.subject(), "required", true),
                        Map.of("role", "coach", "subject", t.coach.subject(), "required", true),
                        Map.of("role", "sponsor", "subject", t.sponsor.subject(), "required", true))));
        if (sessionsPrepaid != null) {
            terms.put("sessionsPrepaid", sessionsPrepaid);
        }
        if (packageChange != null) {
            terms.put("packageChange", packageChange);
        }
        return terms;
    }

    private int propose(String engagement, Map<String, Object> terms) {
        return as(t.coach)
                .body(terms)
                .when()
                .post("/v1/engagements/" + engagement + "/contracts")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
    }

    private void accept(String engagement, int number, Tokens... parties) {
        for (Tokens party : parties) {
            as(party)
                    .when()
                    .post("/v1/engagements/" + engagement + "/contracts/" + number + "/acceptance")
                    .then()
                    .statusCode(200);
        }
    }

    private int hold(String engagement) {
        String session = as(t.coach)
                .body(Map.of(
                        "scheduledAt",
                        Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                        "durationMinutes",
                        50,
                        "mode",
                        "video",
                        "model",
                        "T-GROW"))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return as(t.coach)
                .body(Map.of("status", "held"))
                .when()
                .post("/v1/engagements/" + engagement + "/sessions/" + session + "/outcome")
                .then()
                .extract()
                .statusCode();
    }

    private void remaining(String engagement, int prepaid, int remaining) {
        as(t.client)
                .when()
                .get("/v1/engagements/" + engagement)
                .then()
                .statusCode(200)
                .body("sessionsPrepaid", is(prepaid))
                .body("sessionsRemaining", is(remaining));
    }

    @Test
    void aUsedUpPackageIsExtendedByANewVersionOnceEveryRequiredPartyAcceptedIt() {
        String id = engagement();
        accept(id, propose(id, terms(1, null)), t.client, t.coach, t.sponsor);
        assertEqualsHeld(200, hold(id));
        as(t.coach).when().get("/v1/engagements/" + id).then().body("sessionsRemaining", is(0));
        assertEqualsHeld(409, hold(id));

        int extension = propose(id, terms(2, "extend"));
        accept(id, extension, t.client, t.coach);
        // The sponsor is a required party: until they accept, the version is not in force.
        remaining(id, 1, 0);
        assertEqualsHeld(409, hold(id));
        accept(id, extension, t.sponsor);
        remaining(id, 2, 2);
        // A repeated acceptance changes nothing: the package is extended once.
        accept(id, extension, t.sponsor, t.client);
        remaining(id, 2, 2);
        assertEqualsHeld(200, hold(id));
        remaining(id, 2, 1);

        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/" + extension)
                .then()
                .statusCode(200)
                .body("packageChange", is("extend"))
                .body("inForce", is(true));
    }

    @Test
    void aRenewalResetsThePackageAndAVersionWithoutAChangeLeavesIt() {
        String id = engagement();
        accept(id, propose(id, terms(3, null)), t.client, t.coach, t.sponsor);
        assertEqualsHeld(200, hold(id));
        remaining(id, 3, 2);

        int unchanged = propose(id, terms(10, null));
        accept(id, unchanged, t.client, t.coach, t.sponsor);
        remaining(id, 3, 2);
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/contracts/" + unchanged)
                .then()
                .body("packageChange", nullValue());

        accept(id, propose(id, terms(5, "renew")), t.client, t.coach, t.sponsor);
        remaining(id, 5, 5);
    }

    @Test
    void anExtensionPastTheLargestPackageIsRefusedAtTheLastAcceptanceAndChangesNothing() {
        String id = engagement();
        accept(id, propose(id, terms(150, null)), t.client, t.coach, t.sponsor);
        int extension = propose(id, terms(60, "extend"));
        accept(id, extension, t.client, t.coach);
        as(t.sponsor)
                .when()
                .post("/v1/engagements/" + id + "/contracts/" + extension + "/acceptance")
                .then()
                .statusCode(409)
                .body("title", org.hamcrest.Matchers.notNullValue());
        remaining(id, 150, 150);
        as(t.sponsor)
                .when()
                .get("/v1/engagements/" + id + "/contracts/" + extension)
                .then()
                .body("inForce", is(false));
    }

    @Test
    void badPackageOrPaymentTermsAreRefusedAndNothingIsProposed() {
        String id = engagement();
        accept(id, propose(id, terms(2, null)), t.client, t.coach, t.sponsor);
        List<Map<String, Object>> bad = List.of(
                terms(2, "double"),
                terms(null, "extend"),
                with(terms(2, null), "lateCancellationHours", 24),
                with(terms(2, null), "lateCancellationHours", 169),
                with(terms(2, null), "pricePerSession", Map.of("amountMinor", -1, "currency", "EUR")),
                with(terms(2, null), "pricePerSession", Map.of("amountMinor", 9000, "currency", "eur")),
                with(terms(2, null), "lateCancellationFee", Map.of("amountMinor", 9000)));
        for (Map<String, Object> terms : bad) {
            as(t.coach)
                    .body(terms)
                    .when()
                    .post("/v1/engagements/" + id + "/contracts")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        as(t.coach).when().get("/v1/engagements/" + id + "/contracts").then().body("items.size()", is(1));

        Map<String, Object> priced = with(
                with(terms(2, "renew"), "pricePerSession", Map.of("amountMinor", 12000, "currency", "EUR")),
                "lateCancellationFee",
                Map.of("amountMinor", 6000, "currency", "EUR"));
        priced.put("lateCancellationHours", 48);
        int number = propose(id, priced);
        as(t.client)
                .when()
                .get("/v1/engagements/" + id + "/contracts/" + number)
                .then()
                .body("pricePerSession.amountMinor", is(12000))
                .body("pricePerSession.currency", is("EUR"))
                .body("lateCancellationFee.amountMinor", is(6000))
                .body("lateCancellationHours", is(48));
    }

    @Test
    void onlyThePractitionerSideProposesAPackageChangeAndAnotherTenantSeesNothing() {
        String id = engagement();
        accept(id, propose(id, terms(1, null)), t.client, t.coach, t.sponsor);
        for (Tokens who : List.of(t.client, t.sponsor, t.otherCoach)) {
            as(who).body(terms(5, "renew"))
                    .when()
                    .post("/v1/engagements/" + id + "/contracts")
                    .then()
                    .statusCode(org.hamcrest.Matchers.anyOf(is(403), is(404)));
        }
        as(TestTenant.another().coach)
                .body(terms(5, "renew"))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(404);
        // The supervisor proposes for their supervisee.
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        as(t.supervisor)
                .body(terms(5, "renew"))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201);
        remaining(id, 1, 1);
    }

    private static Map<String, Object> with(Map<String, Object> terms, String key, Object value) {
        terms.put(key, value);
        return terms;
    }

    private static void assertEqualsHeld(int expected, int actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, "recording the session as held");
    }
}
