package org.praxis.intake.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.intake.domain.access.AssignmentPolicy;
import org.praxis.intake.domain.access.DecisionPolicy;
import org.praxis.intake.domain.access.InstrumentPolicy;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.RiskFlagPolicy;
import org.praxis.intake.domain.access.ScreeningPolicy;
import org.praxis.intake.domain.access.TriageSettingsPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.privacy.ErasureRequestPolicy;

/** Every /v1 operation names its guard, and intake-service's section of docs/access.md is current. */
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
                "intake-service",
                List.of(
                        IntakePolicy.RULES,
                        ScreeningPolicy.RULES,
                        RiskFlagPolicy.RULES,
                        DecisionPolicy.RULES,
                        AssignmentPolicy.RULES,
                        InstrumentPolicy.RULES,
                        TriageSettingsPolicy.RULES,
                        ErasureRequestPolicy.RULES)); // intake-service is the erasure coordinator
        assertEquals(List.of(), matrix.verify(openApi, Path.of("../docs/access.md")));
    }
}
