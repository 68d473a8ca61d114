package org.praxis.session.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.session.domain.access.ActionItemPolicy;
import org.praxis.session.domain.access.ContractPolicy;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.access.GoalPolicy;
import org.praxis.session.domain.access.NotePolicy;
import org.praxis.session.domain.access.ReviewPolicy;
import org.praxis.session.domain.access.RiskConcernPolicy;
import org.praxis.session.domain.access.SessionPolicy;
import org.praxis.session.domain.access.SponsorReportPolicy;

/** Every /v1 operation names its guard, and docs/access.md says what the policies do (PRAXIS_DOCS_UPDATE=true (environment) rewrites it). */
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
                "session-service",
                List.of(
                        EngagementPolicy.RULES,
                        ContractPolicy.RULES,
                        SessionPolicy.RULES,
                        NotePolicy.RULES,
                        RiskConcernPolicy.RULES,
                        GoalPolicy.RULES,
                        ActionItemPolicy.RULES,
                        ReviewPolicy.RULES,
                        SponsorReportPolicy.RULES));
        assertEquals(List.of(), matrix.verify(openApi, Path.of("../docs/access.md")));
    }
}
