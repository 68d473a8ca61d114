package org.praxis.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/** Subclass with {@code @QuarkusTest @TestProfile(DatabaseDownProfile.class)} in each service. */
public abstract class ReadinessWithoutDatabaseContract {

    @Test
    void readinessIsDownWhileLivenessStaysUp() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("status", org.hamcrest.Matchers.is("DOWN"))
                .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("Database connections health check"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
