package org.praxis.platform.crypto;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.Tokens;

/**
 * The service's keys serve every tenant: only the operator tenant's admins list, rotate or retire them
 * ({@code praxis.crypto.operator-tenant}, "operator" in these tests).
 */
@QuarkusTest
class KeyAccessTest {
    private static RequestSpecification as(String tenant, String role) {
        return given().header(
                        "Authorization",
                        Tokens.of(role + "-1").tenant(tenant).roles(role).bearer());
    }

    @Test
    void theOperatorTenantsAdminSeesAndRotatesTheKeys() {
        as("operator", "admin")
                .when()
                .get("/v1/admin/keys")
                .then()
                .statusCode(200)
                .body("keys.keyId", hasItem("test"));
        as("operator", "admin").when().post("/v1/admin/keys/rotation").then().statusCode(200);
        // A key in use is not retired, even by the operator: 409, not 403.
        as("operator", "admin")
                .when()
                .post("/v1/admin/keys/test/retirement")
                .then()
                .statusCode(409);
    }

    @Test
    void anotherTenantsAdminNeitherSeesNorMovesThem() {
        for (String tenant : new String[] {"acme", "operator-x"}) {
            as(tenant, "admin")
                    .when()
                    .get("/v1/admin/keys")
                    .then()
                    .statusCode(403)
                    .body("status", is(403));
            as(tenant, "admin").when().post("/v1/admin/keys/rotation").then().statusCode(403);
            as(tenant, "admin")
                    .when()
                    .post("/v1/admin/keys/old/retirement")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void noOtherRoleOfTheOperatorTenantDoes() {
        for (String role : new String[] {"client", "coach", "supervisor", "sponsor"}) {
            as("operator", role).when().get("/v1/admin/keys").then().statusCode(403);
            as("operator", role).when().post("/v1/admin/keys/rotation").then().statusCode(403);
            as("operator", role)
                    .when()
                    .post("/v1/admin/keys/old/retirement")
                    .then()
                    .statusCode(403);
        }
        given().when().get("/v1/admin/keys").then().statusCode(401);
    }
}
