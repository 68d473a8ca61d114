package org.praxis.referral.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.audit.AuditPolicy;
import org.praxis.referral.domain.access.ConsentPolicy;
import org.praxis.referral.domain.access.DeadlinesPolicy;
import org.praxis.referral.domain.access.DirectoryPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy;
import org.praxis.referral.domain.access.SubjectPolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Every /v1 operation names its guard, and referral-service's section of docs/access.md is current. */
@QuarkusTest
class AccessMatrixTest {
    @Test
    void theAccessMatrixIsCompleteAndCurrent() throws Exception {
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode openApi = new ObjectMapper().readTree(json);
        List<AccessRules<?, ?>> rules = new ArrayList<>(List.of(ReferralPolicy.RULES, ConsentPolicy.RULES, SelfHelpOfferPolicy.RULES,
                DirectoryPolicy.RULES, DeadlinesPolicy.RULES, SubjectPolicy.RULES, AuditPolicy.RULES));
        platformRules("org.praxis.platform.events.DeadLetterPolicy").ifPresent(rules::add);
        AccessMatrix matrix = new AccessMatrix("referral-service", rules);
        Path document = Path.of("../docs/access.md");
        // -Dpraxis.docs.update=true fails Quarkus' config validation (an unknown praxis.* key), so the
        // request to rewrite the section comes from the environment: PRAXIS_DOCS_UPDATE=true mvn verify ...
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
