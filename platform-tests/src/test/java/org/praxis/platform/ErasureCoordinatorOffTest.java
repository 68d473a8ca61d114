package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.Tokens;

/**
 * A service that is not the erasure coordinator (praxis.privacy.erasure-coordinator unset, as here and in
 * three of the four services) has no erasure-request endpoints: 404, and none in its OpenAPI document.
 */
@QuarkusTest
class ErasureCoordinatorOffTest {
    private final String admin = Tokens.anyone()
            .tenant("t-" + UUID.randomUUID().toString().substring(0, 8))
            .roles("admin")
            .bearer();

    @Test
    void theErasureRequestEndpointsDoNotExist() {
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "client-1", "reason", "The client asked to be erased"))
                .when()
                .post("/v1/erasure-requests")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", admin)
                .when()
                .get("/v1/erasure-requests")
                .then()
                .statusCode(404);
        given().header("Authorization", admin)
                .when()
                .get("/v1/erasure-requests/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", not(hasKey("/v1/erasure-requests")))
                .body("paths", not(hasKey("/v1/erasure-requests/{id}")))
                .body("paths", hasKey("/v1/export-requests"));
        org.junit.jupiter.api.Assertions.assertEquals(0, Db.count("select count(*) from erasure_request"));
    }
}
