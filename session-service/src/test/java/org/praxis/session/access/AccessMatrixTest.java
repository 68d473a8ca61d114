package org.praxis.session.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.audit.AuditPolicy;
import org.praxis.session.domain.access.ActionItemPolicy;
import org.praxis.session.domain.access.ContractPolicy;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.access.GoalPolicy;
import org.praxis.session.domain.access.NotePolicy;
import org.praxis.session.domain.access.ReviewPolicy;
import org.praxis.session.domain.access.RiskConcernPolicy;
import org.praxis.session.domain.access.SessionPolicy;
import org.praxis.session.domain.access.SponsorReportPolicy;
import org.praxis.session.domain.access.SubjectExportPolicy;

import io.quarkus.test.junit.QuarkusTest;

/** Every /v1 operation names its guard, and docs/access.md says what the policies do (-Dpraxis.docs.update=true rewrites it). */
@QuarkusTest
class AccessMatrixTest {
    /** The grant table of a platform operation's policy, when the platform in use has it (GET /v1/dead-letters...). */
    private static List<AccessRules<?, ?>> platformRules(String policy) throws Exception {
        try {
            return List.of((AccessRules<?, ?>) Class.forName(policy).getField("RULES").get(null));
        } catch (ClassNotFoundException absent) {
            return List.of();
        }
    }

    @Test
    void theAccessMatrixIsCompleteAndCurrent() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode openApi = new ObjectMapper().readTree(json);
        List<AccessRules<?, ?>> rules = new ArrayList<>(List.of(EngagementPolicy.RULES, ContractPolicy.RULES,
                SessionPolicy.RULES, NotePolicy.RULES, RiskConcernPolicy.RULES, GoalPolicy.RULES, ActionItemPolicy.RULES,
                ReviewPolicy.RULES, SponsorReportPolicy.RULES, SubjectExportPolicy.RULES, AuditPolicy.RULES));
        rules.addAll(platformRules("org.praxis.platform.events.DeadLetterPolicy"));
        AccessMatrix matrix = new AccessMatrix("session-service", rules);
        // -Dpraxis.docs.update=true stops Quarkus from booting (SRCFG00050: "praxis" is a config mapping root and the
        // property maps to nothing), so the test also takes PRAXIS_DOCS_UPDATE=true from the environment.
        if ("true".equalsIgnoreCase(System.getenv("PRAXIS_DOCS_UPDATE"))) {
            System.setProperty("praxis.docs.update", "true");
        }
        assertEquals(List.of(), matrix.verify(openApi, Path.of("../docs/access.md")));
    }
}
