package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * Readiness is the database: with it unreachable a pod leaves its Service while liveness stays up (no
 * restart loop). Shown once here, on the platform's own configuration; each service's
 * ServiceContract checks that its readiness is that database check and nothing else, so the behaviour
 * shown here is theirs too without booting each service a second time.
 */
@QuarkusTest
@TestProfile(DatabaseDownProfile.class)
class ReadinessWithoutDatabaseTest {

    @Test
    void readinessIsDownWhileLivenessStaysUp() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("Database connections health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }
}
