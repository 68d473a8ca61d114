package org.praxis.referral.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * The platform's rate limits (org.praxis.platform.ratelimit) through one service's API. Each test tenant's
 * admin first sets budgets small enough to use up: 5 calls per client and 12 per tenant a minute.
 */
@QuarkusTest
class RateLimitTest {
    private static final String LIST = "/v1/directory/organisations";
    private static final String SETTINGS = "/v1/admin/rate-limits";

    /** A fresh tenant whose admin set small budgets (fresh buckets: the admin's own calls are not in them). */
    private static TestTenant smallBudgets() {
        TestTenant t = new TestTenant();
        String etag = as(t.admin)
                .when()
                .get(SETTINGS)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("clientLimit", 5, "tenantLimit", 12))
                .when()
                .put(SETTINGS)
                .then()
                .statusCode(200);
        return t;
    }

    private static void useUp(Tokens who, int calls) {
        for (int i = 0; i < calls; i++) {
            as(who).when().get(LIST).then().statusCode(200);
        }
    }

    @Test
    void everyAnswerCarriesTheBudgetsAndWhatIsLeft() {
        TestTenant t = smallBudgets();
        as(t.coach)
                .when()
                .get(LIST)
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", equalTo("\"client\";q=5;w=60, \"tenant\";q=12;w=60"))
                .header("RateLimit", matchesPattern("\"client\";r=4;t=\\d+, \"tenant\";r=11;t=\\d+"));
        // An error answer too: an unknown organisation.
        as(t.coach)
                .when()
                .get(LIST + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("RateLimit-Policy", startsWith("\"client\";q=5;w=60"))
                .header("RateLimit", startsWith("\"client\";r=3;"));
    }

    @Test
    void aClientOverItsBudgetIsAnswered429AndNothingChanges() {
        TestTenant t = smallBudgets();
        useUp(t.admin, 5);
        String name = "Over budget " + UUID.randomUUID();
        as(t.admin)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("name", name))
                .when()
                .post(LIST)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit-Policy", startsWith("\"client\";q=5;w=60"))
                .header("RateLimit", matchesPattern("\"client\";r=0;t=\\d+"))
                .body("status", equalTo(429))
                .body("type", equalTo("https://praxis.dev/problems/rate-limited"))
                .body("title", equalTo("Too many requests"));
        // Another person of the tenant has a budget of their own, and finds nothing added.
        as(t.coach)
                .queryParam("q", name)
                .when()
                .get(LIST)
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void aTenantsCallsTogetherHaveOneBudgetThatNoOtherTenantShares() {
        TestTenant t = smallBudgets();
        useUp(t.coach, 4);
        useUp(t.otherCoach, 4);
        useUp(t.supervisor, 4);
        as(t.otherSupervisor)
                .when()
                .get(LIST)
                .then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .header("RateLimit", matchesPattern("\"client\";r=4;t=\\d+, \"tenant\";r=0;t=\\d+"))
                .body("detail", startsWith("The tenant's budget"));
        TestTenant other = TestTenant.another();
        as(other.coach).when().get(LIST).then().statusCode(200).header("RateLimit", startsWith("\"client\";r=2999;"));
    }

    @Test
    void healthMetricsAndOpenApiAreNotCounted() {
        TestTenant t = smallBudgets();
        for (int i = 0; i < 8; i++) {
            for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi"}) {
                given().header("Authorization", t.coach.bearer())
                        .when()
                        .get(path)
                        .then()
                        .statusCode(200)
                        .header("RateLimit", nullValue());
            }
        }
        as(t.coach).when().get(LIST).then().statusCode(200).header("RateLimit", startsWith("\"client\";r=4;"));
    }

    @Test
    void aCallWithoutAValidTokenIsRefusedBeforeAnyBudget() {
        for (int i = 0; i < 8; i++) {
            given().when().get(LIST).then().statusCode(401).header("RateLimit", nullValue());
        }
        given().header("Authorization", Tokens.anyone().expired().bearer())
                .when()
                .get(LIST)
                .then()
                .statusCode(401)
                .header("RateLimit", nullValue());
    }

    @Test
    void aTenantsAdminSetsItsBudgetsWithIfMatchAndTheyApplyAtOnce() {
        TestTenant t = new TestTenant();
        String etag = as(t.admin)
                .when()
                .get(SETTINGS)
                .then()
                .statusCode(200)
                .body("clientLimit", equalTo(3000))
                .body("tenantLimit", equalTo(30000))
                .body("windowSeconds", equalTo(60))
                .body("revision", equalTo(0))
                .body("defaults", equalTo(true))
                .extract()
                .header("ETag");
        Map<String, Object> more = Map.of("clientLimit", 8, "tenantLimit", 50);
        as(t.admin).body(more).when().put(SETTINGS).then().statusCode(428);
        as(t.admin)
                .header("If-Match", etag)
                .body(Map.of("clientLimit", 0, "tenantLimit", 50))
                .when()
                .put(SETTINGS)
                .then()
                .statusCode(422);
        as(t.admin)
                .header("If-Match", etag)
                .body(more)
                .when()
                .put(SETTINGS)
                .then()
                .statusCode(200)
                .body("clientLimit", equalTo(8))
                .body("tenantLimit", equalTo(50))
                .body("revision", equalTo(1))
                .body("defaults", equalTo(false));
        as(t.admin)
                .header("If-Match", etag)
                .body(more)
                .when()
                .put(SETTINGS)
                .then()
                .statusCode(412);
        as(t.coach)
                .when()
                .get(LIST)
                .then()
                .statusCode(200)
                .header("RateLimit-Policy", equalTo("\"client\";q=8;w=60, \"tenant\";q=50;w=60"));
        // Another tenant keeps the defaults, and its admin sees its own.
        TestTenant other = TestTenant.another();
        as(other.coach).when().get(LIST).then().header("RateLimit-Policy", startsWith("\"client\";q=3000;w=60"));
        as(other.admin)
                .when()
                .get(SETTINGS)
                .then()
                .statusCode(200)
                .body("clientLimit", equalTo(3000))
                .body("revision", equalTo(0));
    }

    @Test
    void onlyTheTenantsAdminsReadOrReplaceItsBudgets() {
        TestTenant t = new TestTenant();
        Map<String, Object> more = Map.of("clientLimit", 8, "tenantLimit", 50);
        for (Tokens who : new Tokens[] {t.coach, t.supervisor, t.client, t.sponsor}) {
            as(who).when().get(SETTINGS).then().statusCode(403);
            as(who).header("If-Match", "\"0\"")
                    .body(more)
                    .when()
                    .put(SETTINGS)
                    .then()
                    .statusCode(403);
        }
        // Another tenant's admin changes only their own tenant's.
        TestTenant other = TestTenant.another();
        String theirs = as(other.admin)
                .when()
                .get(SETTINGS)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as(other.admin)
                .header("If-Match", theirs)
                .body(more)
                .when()
                .put(SETTINGS)
                .then()
                .statusCode(200);
        as(t.admin)
                .when()
                .get(SETTINGS)
                .then()
                .statusCode(200)
                .body("clientLimit", equalTo(3000))
                .body("revision", equalTo(0));
    }
}
