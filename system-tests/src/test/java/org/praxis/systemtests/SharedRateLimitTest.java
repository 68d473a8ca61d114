package org.praxis.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of a service share one budget (Bucket4j's buckets in the service's database): a client
 * calling both alternately gets the budget once, within the tolerance the runbook states, then 429 with
 * Retry-After from either.
 */
@Order(2)
class SharedRateLimitTest extends SystemTest {
    private static final int LIMIT = 40;
    /** Each replica may take 1/20 of the budget (at least 1) unknown to the other, plus one call during a write. */
    private static final int TOLERANCE = 2 * (Math.max(1, LIMIT / 20) + 1);

    @Test
    void twoReplicasShareOneBudgetThenBothAnswer429WithRetryAfter() {
        // A long window: the budget barely refills while the test runs.
        Map<String, String> small =
                Map.of("PRAXIS_RATE_LIMIT_CLIENT_LIMIT", Integer.toString(LIMIT), "PRAXIS_RATE_LIMIT_WINDOW", "600s");
        ServiceProcess first = suite.replica(REFERRAL, small);
        ServiceProcess second = suite.replica(REFERRAL, small);
        try {
            first.start();
            second.start();
            first.awaitReady(Duration.ofMinutes(2));
            second.awaitReady(Duration.ofMinutes(2));
            List<ServiceProcess> replicas = List.of(first, second);
            int accepted = 0;
            Response[] last = new Response[2];
            for (int call = 0; call < 3 * LIMIT; call++) {
                Response answer = list(replicas.get(call % 2));
                last[call % 2] = answer;
                if (answer.statusCode() == 200) {
                    accepted++;
                } else {
                    assertEquals(429, answer.statusCode());
                }
            }
            System.out.printf(
                    "shared rate limit: %d of %d calls accepted across two replicas (limit %d)%n",
                    accepted, 3 * LIMIT, LIMIT);
            assertTrue(accepted >= LIMIT - 1, "the budget is given: " + accepted);
            assertTrue(accepted <= LIMIT + TOLERANCE, "one budget, not one per replica: " + accepted);
            // By then each replica knows the other's calls: both refuse.
            for (Response refused : last) {
                assertEquals(429, refused.statusCode());
                assertEquals("application/problem+json", refused.contentType());
                assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, refused.header("Retry-After"));
                assertTrue(refused.header("RateLimit").startsWith("\"client\";r=0;"), refused.header("RateLimit"));
                assertTrue(refused.header("RateLimit-Policy").startsWith("\"client\";q=" + LIMIT + ";w=600"));
                assertEquals(429, refused.jsonPath().getInt("status"));
            }
        } finally {
            first.stop();
            second.stop();
        }
    }

    private Response list(ServiceProcess replica) {
        return given().baseUri("http://127.0.0.1:" + replica.port)
                .header("Authorization", coach.bearer())
                .when()
                .get("/v1/directory/organisations");
    }
}
