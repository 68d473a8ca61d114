package org.praxis.intake.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

@QuarkusTest
class TenantInstrumentTest {
    private final TestTenant t = new TestTenant();

    private static Map<String, Object> pulse(int highFrom) {
        return Map.of(
                "title",
                "Team pulse",
                "items",
                List.of(
                        Map.of("linkId", "1", "topic", "workload", "min", 0, "max", 4, "scored", true),
                        Map.of("linkId", "2", "topic", "support", "min", 0, "max", 4, "scored", true)),
                "bands",
                List.of(
                        Map.of("min", 0, "max", highFrom - 1, "severity", "low"),
                        Map.of("min", highFrom, "max", 8, "severity", "high")),
                "itemFlags",
                List.of(Map.of("linkId", "1", "atLeast", 4, "code", "overload", "level", "elevated")));
    }

    @Test
    void anAdminPublishesVersionsAndScreeningsUseTheLatest() {
        as(t.admin)
                .body(pulse(4))
                .when()
                .post("/v1/instruments/PULSE/versions")
                .then()
                .statusCode(201)
                .body("version", is(1))
                .body("scoringVersion", is("PULSE/sum/1"));
        as(t.admin)
                .body(pulse(6))
                .when()
                .post("/v1/instruments/PULSE/versions")
                .then()
                .statusCode(201)
                .body("version", is(2));
        as(t.coach).when().get("/v1/instruments/PULSE").then().statusCode(200).body("version", is(2));
        as(t.coach)
                .queryParam("version", 1)
                .when()
                .get("/v1/instruments/PULSE")
                .then()
                .statusCode(200)
                .body("bands[1].min", is(4));
        as(t.coach).when().get("/v1/instruments").then().body("code", hasItem("PULSE"));

        String id = as(t.coach)
                .body(Map.of("displayName", "Kim", "clientSubject", "c-1"))
                .when()
                .post("/v1/intakes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(t.coach)
                .body(Map.of("instrument", "PULSE", "answers", Map.of("1", 4, "2", 1)))
                .when()
                .post("/v1/intakes/" + id + "/screenings")
                .then()
                .statusCode(201)
                .body("instrumentVersion", is(2))
                .body("total", is(5))
                .body("severity", is("low"))
                .body("riskFlags[0].code", is("overload"));

        Tokens elsewhere = TestTenant.another().coach;
        as(elsewhere).when().get("/v1/instruments/PULSE").then().statusCode(404);
        as(elsewhere).when().get("/v1/instruments").then().body("code", not(hasItem("PULSE")));
    }

    @Test
    void anUnscoreableDefinitionIs422AndStoresNothing() {
        Map<String, Object> gap = new java.util.HashMap<>(pulse(4));
        gap.put(
                "bands",
                List.of(Map.of("min", 0, "max", 2, "severity", "low"), Map.of("min", 4, "max", 8, "severity", "high")));
        as(t.admin)
                .body(gap)
                .when()
                .post("/v1/instruments/GAPPY/versions")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("bands"));
        as(t.admin).when().get("/v1/instruments/GAPPY").then().statusCode(404);
        as(t.admin)
                .body(pulse(4))
                .when()
                .post("/v1/instruments/PHQ-9/versions")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("code"));
        as(t.admin)
                .body("{\"title\": ")
                .when()
                .post("/v1/instruments/BROKEN/versions")
                .then()
                .statusCode(400);
        as(t.coach)
                .body(pulse(4))
                .when()
                .post("/v1/instruments/PULSE/versions")
                .then()
                .statusCode(403);
    }
}
