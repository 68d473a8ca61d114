package org.praxis.testsupport;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/**
 * Puts a person in the platform's roles of a service, through its API, for erasure tests: as an admin
 * they set the tenant's export settings, approve one export request and make another; and they are the
 * subject of an export someone else runs.
 */
public final class PlatformRoles {
    private PlatformRoles() {}

    private static RequestSpecification admin(String tenant, String subject) {
        return TestTenant.as(Tokens.of(subject).tenant(tenant).roles("admin"));
    }

    private static String exportRequest(String tenant, String admin, String subject) {
        return admin(tenant, admin)
                .body(Map.of("subject", subject, "reason", "Subject access request"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** {@code staff} and {@code secondAdmin} are two other admins: the one who exports, the one who approves. */
    public static void play(String tenant, String who, String staff, String secondAdmin) {
        admin(tenant, who)
                .body(Map.of("fourEyes", true))
                .when()
                .put("/v1/export-settings")
                .then()
                .statusCode(200);
        admin(tenant, who)
                .when()
                .post("/v1/export-requests/" + exportRequest(tenant, staff, "client-" + UUID.randomUUID())
                        + "/approval")
                .then()
                .statusCode(200);
        exportRequest(tenant, who, "client-" + UUID.randomUUID());
        String aboutThem = exportRequest(tenant, staff, who);
        admin(tenant, secondAdmin)
                .when()
                .post("/v1/export-requests/" + aboutThem + "/approval")
                .then()
                .statusCode(200);
        admin(tenant, staff)
                .queryParam("request", aboutThem)
                .when()
                .get("/v1/subjects/" + who + "/export")
                .then()
                .statusCode(200);
    }
}
