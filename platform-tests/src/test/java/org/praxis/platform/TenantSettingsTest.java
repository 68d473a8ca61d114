package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.Tokens;

/** A tenant's settings: defaults at revision 0, each replacement needs the current revision and is audited. */
@QuarkusTest
class TenantSettingsTest {
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    private RequestSpecification as(String who) {
        return given().header(
                        "Authorization",
                        Tokens.anyone().tenant(who).roles("coach").bearer())
                .contentType(ContentType.JSON);
    }

    private long audits() {
        return Db.count(
                "select count(*) from audit_event where tenant_id = ? and action = 'replace'"
                        + " and resource_type = 'gizmo-settings' and resource_id = ?",
                tenant,
                tenant);
    }

    @Test
    void defaultsUntilReplacedWithTheCurrentRevision() {
        as(tenant)
                .get("/test/gizmo-settings")
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("colour", is("grey"))
                .body("defaults", is(true));
        as(tenant)
                .body(Map.of("name", "red"))
                .put("/test/gizmo-settings")
                .then()
                .statusCode(428);
        as(tenant)
                .header("If-Match", "\"1\"")
                .body(Map.of("name", "red"))
                .put("/test/gizmo-settings")
                .then()
                .statusCode(412);
        assertEquals(0, audits());

        as(tenant)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "red"))
                .put("/test/gizmo-settings")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("colour", is("red"))
                .body("revision", is(1))
                .body("defaults", is(false));
        as(tenant)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "blue"))
                .put("/test/gizmo-settings")
                .then()
                .statusCode(412);
        as(tenant)
                .header("If-Match", "\"1\"")
                .body(Map.of("name", "blue"))
                .put("/test/gizmo-settings")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        as(tenant).get("/test/gizmo-settings").then().header("ETag", "\"2\"").body("colour", is("blue"));
        assertEquals(2, audits());
        assertEquals(
                1,
                Db.count("select count(*) from gizmo_settings where tenant_id = ? and updated_by is not null", tenant));

        // Another tenant keeps the defaults.
        as("other-" + tenant)
                .get("/test/gizmo-settings")
                .then()
                .header("ETag", "\"0\"")
                .body("colour", is("grey"));
    }
}
