package org.praxis.intake.api;

import static org.praxis.testsupport.TestTenant.as;

import java.util.Map;
import org.praxis.testsupport.TestTenant;

/** An intake of the tenant's client, opened (and decided) by its coach: what most API tests and session-service's events start from. */
final class ClientIntakes {
    private ClientIntakes() {}

    static String opened(TestTenant t) {
        return as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "displayName", "Pat Example"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String decided(TestTenant t, String pathway) {
        String intake = opened(t);
        as(t.coach)
                .body(Map.of("pathway", pathway, "reason", "agreed with the client"))
                .when()
                .post("/v1/intakes/" + intake + "/decision")
                .then()
                .statusCode(201);
        return intake;
    }
}
