package org.praxis.intake.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.intake.domain.access.AssignmentPolicy;
import org.praxis.intake.domain.access.DecisionPolicy;
import org.praxis.intake.domain.access.InstrumentPolicy;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.RiskFlagPolicy;
import org.praxis.intake.domain.access.ScreeningPolicy;
import org.praxis.intake.domain.access.SubjectExportPolicy;
import org.praxis.intake.domain.access.TriageSettingsPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.audit.AuditPolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Every /v1 operation names its guard, and intake-service's section of docs/access.md is current. */
@QuarkusTest
class AccessMatrixTest {
    @Test
    void theAccessMatrixIsCompleteAndCurrent() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode openApi = new ObjectMapper().readTree(json);
        List<AccessRules<?, ?>> rules = new ArrayList<>(List.of(IntakePolicy.RULES, ScreeningPolicy.RULES,
                RiskFlagPolicy.RULES, DecisionPolicy.RULES, AssignmentPolicy.RULES, InstrumentPolicy.RULES,
                TriageSettingsPolicy.RULES, SubjectExportPolicy.RULES, AuditPolicy.RULES));
        platformRules("org.praxis.platform.events.DeadLetterPolicy").ifPresent(rules::add);
        AccessMatrix matrix = new AccessMatrix("intake-service", rules);
        Path document = Path.of("../docs/access.md");
        // -Dpraxis.docs.update=true fails Quarkus' config validation (an unknown praxis.* key), so the
        // test also takes the request from the environment: PRAXIS_DOCS_UPDATE=true mvn verify ...
        if ("true".equals(System.getenv("PRAXIS_DOCS_UPDATE"))) {
            List<AccessMatrix.Operation> operations = AccessMatrix.operations(openApi);
            if (matrix.problems(operations).isEmpty()) {
                matrix.checkOrWrite(document, matrix.render(operations), true);
            }
        }
        assertEquals(List.of(), matrix.verify(openApi, document));
    }

    /** A grant table of the platform's own endpoints, where the platform in use has it (dead letters are newer). */
    private static Optional<AccessRules<?, ?>> platformRules(String policyClass) {
        try {
            return Optional.of((AccessRules<?, ?>) Class.forName(policyClass).getField("RULES").get(null));
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }
}
