package org.praxis.referral.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.referral.domain.access.ConsentPolicy;
import org.praxis.referral.domain.access.DeadlinesPolicy;
import org.praxis.referral.domain.access.DirectoryPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy;

/** Every /v1 operation names its guard, and referral-service's section of docs/access.md is current. */
@QuarkusTest
class AccessMatrixTest {
    @Test
    void theAccessMatrixIsCompleteAndCurrent() throws Exception {
        String json = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode openApi = new ObjectMapper().readTree(json);
        AccessMatrix matrix = new AccessMatrix(
                "referral-service",
                List.of(
                        ReferralPolicy.RULES,
                        ConsentPolicy.RULES,
                        SelfHelpOfferPolicy.RULES,
                        DirectoryPolicy.RULES,
                        DeadlinesPolicy.RULES));
        assertEquals(List.of(), matrix.verify(openApi, Path.of("../docs/access.md")));
    }
}
