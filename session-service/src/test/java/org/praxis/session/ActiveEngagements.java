package org.praxis.session;

import static org.praxis.testsupport.TestTenant.as;

import java.util.Map;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/** A coaching engagement between a client and the tenant's coach, its first contract accepted by both: active. */
public final class ActiveEngagements {
    private ActiveEngagements() {}

    public static String open(TestTenant t) {
        return open(t, t.client);
    }

    /** {@code who} closes the engagement with its current ETag: it answers 200. */
    public static void close(Tokens who, String id) {
        move(who, id, "closed");
    }

    /** {@code who} moves the engagement to {@code status} with its current ETag: it answers 200 in that status. */
    public static void move(Tokens who, String id, String status) {
        String etag =
                as(who).when().get("/v1/engagements/" + id).then().extract().header("ETag");
        as(who).header("If-Match", etag)
                .body(Map.of("status", status))
                .when()
                .post("/v1/engagements/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.is(status));
    }

    public static String open(TestTenant t, Tokens client) {
        String id = as(t.coach)
                .body(Map.of("clientSubject", client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        MonitoredEngagements.activate(t, client, id);
        return id;
    }
}
