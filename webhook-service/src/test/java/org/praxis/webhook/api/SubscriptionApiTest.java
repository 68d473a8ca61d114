package org.praxis.webhook.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.praxis.testsupport.Tokens;
import org.praxis.webhook.Webhooks;
import org.praxis.webhook.domain.Subscriptions;

/** Subscriptions through the API: admins of the tenant only, another tenant's are not found, inputs are bounded. */
@QuarkusTest
class SubscriptionApiTest {
    private static final String URL = "https://hooks.example.org/praxis";
    private final Webhooks t = new Webhooks();

    @Test
    void anAdminCreatesReadsUpdatesAndDeletesASubscription() {
        var created = t.subscribe(URL, Webhooks.OPENED);
        as(t.admin)
                .when()
                .get("/v1/webhook-subscriptions/" + created.id())
                .then()
                .statusCode(200)
                .header("ETag", created.etag())
                .body("url", is(URL))
                .body("eventTypes", is(List.of(Webhooks.OPENED)))
                .body("enabled", is(true))
                .body("secret", nullValue()); // shown once, at creation
        as(t.admin)
                .when()
                .get("/v1/webhook-subscriptions")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(created.id()))
                .body("items.secret", not(hasItem(notNullValue())));
        Map<String, Object> change = Map.of(
                "url", URL + "/v2", "eventTypes", List.of(Webhooks.OPENED, Webhooks.COMPLETED), "enabled", false);
        as(t.admin)
                .body(change)
                .when()
                .put("/v1/webhook-subscriptions/" + created.id())
                .then()
                .statusCode(428);
        as(t.admin)
                .header("If-Match", created.etag())
                .body(change)
                .when()
                .put("/v1/webhook-subscriptions/" + created.id())
                .then()
                .statusCode(200)
                .body("enabled", is(false))
                .body("eventTypes", hasItems(Webhooks.OPENED, Webhooks.COMPLETED));
        // The audit keeps what was sent where, each time: the subscription alone shows only its latest state.
        as(t.admin)
                .when()
                .get("/v1/audit-events?resourceType=webhook-subscription&resourceId=" + created.id())
                .then()
                .statusCode(200)
                .body(
                        "items.reason",
                        hasItems(
                                "url " + URL + "; enabled; types " + Webhooks.OPENED,
                                "url " + URL + "/v2; disabled; types " + Webhooks.OPENED + ", " + Webhooks.COMPLETED));
        as(t.admin)
                .header("If-Match", created.etag())
                .body(change)
                .when()
                .put("/v1/webhook-subscriptions/" + created.id())
                .then()
                .statusCode(412);
        as(t.admin)
                .when()
                .delete("/v1/webhook-subscriptions/" + created.id())
                .then()
                .statusCode(204);
        as(t.admin)
                .when()
                .get("/v1/webhook-subscriptions/" + created.id())
                .then()
                .statusCode(404);
    }

    @Test
    void aTenantHoldsAtMostTwentyFiveSubscriptionsAndAnotherTenantIsNotCountedWithIt() {
        Webhooks other = Webhooks.another();
        other.subscribe(URL, Webhooks.OPENED);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < Subscriptions.MAX_PER_TENANT; i++) {
            ids.add(t.subscribe(URL + "/" + i, Webhooks.OPENED).id());
        }
        as(t.admin)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("url", URL + "/one-more", "eventTypes", List.of(Webhooks.OPENED)))
                .when()
                .post("/v1/webhook-subscriptions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as(t.admin)
                .queryParam("limit", 100)
                .when()
                .get("/v1/webhook-subscriptions")
                .then()
                .body("items.size()", is(Subscriptions.MAX_PER_TENANT));
        // The other tenant still subscribes; one deleted here makes room for another.
        other.subscribe(URL + "/second", Webhooks.OPENED);
        String etag = as(t.admin)
                .when()
                .get("/v1/webhook-subscriptions/" + ids.get(0))
                .then()
                .extract()
                .header("ETag");
        as(t.admin)
                .header("If-Match", etag)
                .when()
                .delete("/v1/webhook-subscriptions/" + ids.get(0))
                .then()
                .statusCode(204);
        t.subscribe(URL + "/one-more", Webhooks.OPENED);
    }

    @Test
    void createdAndRotatedAnswersCarryANewSecretEachTime() {
        var created = t.subscribe(URL, Webhooks.OPENED);
        String rotated = as(t.admin)
                .when()
                .post("/v1/webhook-subscriptions/" + created.id() + "/secret-rotation")
                .then()
                .statusCode(200)
                .body("secret", startsWith("whsec_"))
                .body("previousSecretValidUntil", notNullValue())
                .extract()
                .path("secret");
        org.junit.jupiter.api.Assertions.assertNotEquals(created.secret(), rotated);
    }

    /** The answers showing a secret are kept by no cache; a second rotation inside the overlap would drop one. */
    @Test
    void secretsAreNotCachedAndASecondRotationWaitsForTheOverlap() {
        String key = java.util.UUID.randomUUID().toString();
        String id = null;
        // The create, then its replay under the same Idempotency-Key: both answers carry the secret.
        for (int attempt = 0; attempt < 2; attempt++) {
            String answered = as(t.admin)
                    .header("Idempotency-Key", key)
                    .body(Map.of("url", URL, "eventTypes", List.of(Webhooks.OPENED)))
                    .when()
                    .post("/v1/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .header("Cache-Control", "no-store")
                    .extract()
                    .path("id");
            org.junit.jupiter.api.Assertions.assertEquals(id == null ? answered : id, answered);
            id = answered;
        }
        String rotation = "/v1/webhook-subscriptions/" + id + "/secret-rotation";
        // A rotation whose answer was lost is asked again under the same Idempotency-Key: the same new secret,
        // not a 409 that would leave the tenant signing with a secret nobody holds.
        String rotationKey = java.util.UUID.randomUUID().toString();
        String secret = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            String answered = as(t.admin)
                    .header("Idempotency-Key", rotationKey)
                    .when()
                    .post(rotation)
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("secret", startsWith("whsec_"))
                    .extract()
                    .path("secret");
            org.junit.jupiter.api.Assertions.assertEquals(secret == null ? answered : secret, answered);
            secret = answered;
        }
        as(t.admin).when().post(rotation).then().statusCode(409).contentType("application/problem+json");
        as(t.admin)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .when()
                .post(rotation)
                .then()
                .statusCode(409);
        as(t.admin).when().get("/v1/webhook-subscriptions/" + id).then().header("Cache-Control", nullValue());
    }

    @Test
    void theEventTypesAreTheCatalogues() {
        as(t.admin)
                .when()
                .get("/v1/webhook-event-types")
                .then()
                .statusCode(200)
                .body("$", hasItems(Webhooks.OPENED, Webhooks.COMPLETED))
                .body("$", not(hasItem("org.praxis.privacy.subject.erasure-requested.v1")))
                // A practitioner's client-feedback means are scores about a person (issue 22).
                .body("$", not(hasItem("org.praxis.session.practitioner.feedback-aggregated.v1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client", "coach", "supervisor", "sponsor"})
    void onlyAdminsReachSubscriptions(String role) {
        var created = t.subscribe(URL, Webhooks.OPENED);
        Tokens who = t.user(role);
        String one = "/v1/webhook-subscriptions/" + created.id();
        as(who).body(Map.of("url", URL, "eventTypes", List.of(Webhooks.OPENED)))
                .when()
                .post("/v1/webhook-subscriptions")
                .then()
                .statusCode(403);
        as(who).when().get("/v1/webhook-subscriptions").then().statusCode(403);
        as(who).when().get("/v1/webhook-event-types").then().statusCode(403);
        as(who).when().get(one).then().statusCode(403);
        as(who).when().delete(one).then().statusCode(403);
        as(who).when().post(one + "/secret-rotation").then().statusCode(403);
        as(who).when().get(one + "/deliveries").then().statusCode(403);
        as(who).when()
                .post(one + "/deliveries/" + UUID.randomUUID() + "/redelivery")
                .then()
                .statusCode(403);
    }

    @Test
    void anotherTenantsAdminFindsNothing() {
        var created = t.subscribe(URL, Webhooks.OPENED);
        Tokens stranger = Webhooks.another().admin;
        String one = "/v1/webhook-subscriptions/" + created.id();
        as(stranger).when().get(one).then().statusCode(404);
        as(stranger)
                .header("If-Match", created.etag())
                .body(Map.of("url", URL, "eventTypes", List.of(Webhooks.OPENED)))
                .when()
                .put(one)
                .then()
                .statusCode(404);
        as(stranger).when().delete(one).then().statusCode(404);
        as(stranger).when().post(one + "/secret-rotation").then().statusCode(404);
        as(stranger).when().get(one + "/deliveries").then().statusCode(404);
        as(stranger).when().get(one + "/deliveries/" + UUID.randomUUID()).then().statusCode(404);
        as(stranger)
                .when()
                .post(one + "/deliveries/" + UUID.randomUUID() + "/redelivery")
                .then()
                .statusCode(404);
        as(stranger)
                .when()
                .get("/v1/webhook-subscriptions")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(created.id())));
        as(t.admin).when().get(one).then().statusCode(200); // still there
    }

    @Test
    void invalidSubscriptionsAreRefusedNamingTheirFields() {
        as(t.admin)
                .body(Map.of("url", "ftp://example.org/x", "eventTypes", List.of("org.praxis.nope.v1")))
                .when()
                .post("/v1/webhook-subscriptions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("url", "eventTypes"));
        as(t.admin)
                .body(Map.of("url", URL, "eventTypes", List.of()))
                .when()
                .post("/v1/webhook-subscriptions")
                .then()
                .statusCode(422);
        as(t.admin)
                .body(Map.of("url", "https://example.org/" + "x".repeat(2_100), "eventTypes", List.of(Webhooks.OPENED)))
                .when()
                .post("/v1/webhook-subscriptions")
                .then()
                .statusCode(422);
    }
}
