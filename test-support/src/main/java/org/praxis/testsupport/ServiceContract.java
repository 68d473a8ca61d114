package org.praxis.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every Praxis service must do before it has any domain resource: refuse bad tokens with 401,
 * tokens without a tenant with 403, keep tenants apart, answer in problem+json, report health and
 * publish an OpenAPI document with the OIDC scheme. Each service runs it as a subclass with the
 * test resources registered ({@code @QuarkusTest}).
 *
 * <p>Long file: test code (in test-support's main sources so that every service can extend it), one
 * abstract class because JUnit runs a contract as the inherited tests of one subclass per service.
 */
public abstract class ServiceContract {
    protected static final String AUDIT = "/v1/audit-events";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void noTokenIsUnauthorized() {
        given().when()
                .get(AUDIT)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", is(401))
                .body("type", notNullValue());
    }

    @Test
    void expiredTokenIsUnauthorized() {
        assertUnauthorized(Tokens.anyone().roles("admin").expired().bearer());
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorized() {
        assertUnauthorized(Tokens.anyone()
                .roles("admin")
                .issuer("http://127.0.0.1:1/realms/elsewhere")
                .bearer());
    }

    @Test
    void tokenWithABadSignatureIsUnauthorized() {
        assertUnauthorized(Tokens.anyone().roles("admin").signedByStranger().bearer());
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        assertUnauthorized(
                Tokens.anyone().roles("admin").audience("some-other-api").bearer());
    }

    @Test
    void garbageTokenIsUnauthorized() {
        assertUnauthorized("Bearer not.a.token");
    }

    private static void assertUnauthorized(String authorization) {
        given().header("Authorization", authorization)
                .when()
                .get(AUDIT)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("status", is(401));
    }

    @Test
    void validTokenWithoutTenantIsForbidden() {
        given().header(
                        "Authorization",
                        Tokens.anyone().roles("admin").withoutTenant().bearer())
                .when()
                .get(AUDIT)
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("status", is(403));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client", "coach", "supervisor", "sponsor"})
    void onlyAdminsReadTheAuditTrail(String role) {
        given().header(
                        "Authorization",
                        Tokens.anyone().tenant(newTenant()).roles(role).bearer())
                .when()
                .get(AUDIT)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void adminSeesOnlyTheirOwnTenantsAuditEvents() {
        String acme = newTenant();
        String globex = newTenant();
        String ours = insertAuditEvent(acme, "intake");
        String theirs = insertAuditEvent(globex, "intake");
        String admin = Tokens.anyone().tenant(acme).roles("admin").bearer();

        List<String> ids = given().header("Authorization", admin)
                .when()
                .get(AUDIT)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.resourceId", String.class);
        assertEquals(List.of(ours), ids);

        given().header("Authorization", admin)
                .queryParam("resourceId", theirs)
                .when()
                .get(AUDIT)
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void auditPagesWalkEveryEventOnceNewestFirst() {
        String tenant = newTenant();
        List<String> inserted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inserted.add(0, insertAuditEvent(tenant, "thing"));
        }
        String admin = Tokens.anyone().tenant(tenant).roles("admin").bearer();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", admin).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page =
                    request.when().get(AUDIT).then().statusCode(200).extract();
            seen.addAll(page.jsonPath().getList("items.resourceId", String.class));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(inserted, seen);
        assertEquals(3, pages);
    }

    @Test
    void badPagingParametersAreProblems() {
        String admin = Tokens.anyone().tenant(newTenant()).roles("admin").bearer();
        given().header("Authorization", admin)
                .queryParam("limit", 0)
                .when()
                .get(AUDIT)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("limit"));
        given().header("Authorization", admin)
                .queryParam("cursor", "bm9wZQ")
                .when()
                .get(AUDIT)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        // Well formed but forged: a time no date or timestamp column holds (a 500 before).
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("31556889864403199:0:00000000-0000-0000-0000-000000000001"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().header("Authorization", admin)
                .queryParam("cursor", forged)
                .when()
                .get(AUDIT)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    /** What generated clients send: problem+json alone where an operation declares no success content. */
    @ParameterizedTest
    @ValueSource(strings = {PROBLEM, "application/json, " + PROBLEM})
    void generatedClientsAcceptHeadersGetTheSuccessAsJson(String accept) {
        String admin = Tokens.anyone().tenant(newTenant()).roles("admin").bearer();
        given().header("Authorization", admin)
                .accept(accept)
                .when()
                .get(AUDIT)
                .then()
                .statusCode(200)
                .contentType("application/json");
        given().header("Authorization", admin)
                .accept(accept)
                .contentType("application/json")
                .body(Map.of("subject", "client-1", "reason", "Asked for a copy"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .contentType("application/json");
        given().header("Authorization", admin)
                .accept(accept)
                .when()
                .get("/v1/export-requests/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void unknownPathIsAProblemWithoutInternals() {
        given().header(
                        "Authorization",
                        Tokens.anyone().tenant(newTenant()).roles("admin").bearer())
                .when()
                .get("/v1/no-such-resource")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("trace", nullValue())
                .body("stackTrace", nullValue());
    }

    @Test
    void readinessIsTheDatabaseAndTheBrokerIsItsOwnHealthGroup() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        // The outbox lets writes go on while Kafka is away: a broker outage must not take pods out of service.
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                // The database check and nothing else: the platform's ReadinessWithoutDatabaseTest shows it
                // going DOWN with the database while liveness stays UP.
                .body("checks.name", org.hamcrest.Matchers.contains("Database connections health check"));
        given().when()
                .get("/q/health/group/events")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'kafka' }.data.brokers", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void openApiDeclaresTheOidcScheme() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"))
                .body(
                        "components.securitySchemes.oidc.openIdConnectUrl",
                        containsString(".well-known/openid-configuration"))
                // What generators turn into token handling: the apps' code flow (PKCE) and platforms' client
                // credentials.
                .body("components.securitySchemes.oauth2.type", equalTo("oauth2"))
                .body(
                        "components.securitySchemes.oauth2.flows.authorizationCode.authorizationUrl",
                        containsString("/protocol/openid-connect/auth"))
                .body(
                        "components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl",
                        containsString("/protocol/openid-connect/token"));
    }

    @Test
    void theDocumentedProblemExampleIsWhatTheServerSends() {
        Map<String, Object> example = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("components.schemas.Problem.example");
        given().header(
                        "Authorization",
                        Tokens.anyone().tenant(newTenant()).roles("admin").bearer())
                .queryParam("resourceType", "x".repeat(65))
                .when()
                .get(AUDIT)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo(example.get("type")))
                .body("title", equalTo(example.get("title")))
                .body("errors[0].field", equalTo("resourceType"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumentedWithItsSecurityAndErrors() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                assertNotNull(operation.get("operationId"), where + " has an operationId");
                assertNotNull(operation.get("summary"), where + " has a summary");
                assertNotNull(operation.get("security"), where + " declares its security requirement");
                assertTrue(
                        ((List<Map<String, Object>>) operation.get("security"))
                                .stream().anyMatch(r -> r.containsKey("oauth2")),
                        where + " accepts an OAuth2 token");
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) operation.get("responses");
                // Swagger UI takes every key of `responses` for a status code and shows no answer at all when one
                // is not (an extension there made "Try it out" fail with "a.get is not a function").
                for (String code : responses.keySet()) {
                    assertTrue(code.matches("[1-5][0-9X]{2}|default"), where + " has a response key " + code);
                }
                for (String code : List.of("401", "403", "500")) {
                    assertNotNull(responses.get(code), where + " documents " + code);
                    assertTrue(
                            ((Map<String, Object>) responses.get(code).get("content")).containsKey(PROBLEM),
                            where + " " + code + " is problem+json");
                }
                operations++;
            }
        }
        assertTrue(operations > 0);
    }

    /**
     * Whether this service's /q/openapi document is checked by {@link GeneratorFitness}: off until the
     * service's document passes; a {@code <Svc>ServiceContractTest} switches it on by overriding this to
     * answer {@code true}.
     */
    protected boolean documentFitForGenerators() {
        return false;
    }

    @Test
    @SuppressWarnings("unchecked")
    void openApiDocumentGeneratesWorkingClients() {
        assumeTrue(documentFitForGenerators(), "switched on per service by overriding documentFitForGenerators()");
        Map<String, Object> document = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
        List<String> findings = GeneratorFitness.findings(document);
        assertTrue(
                findings.isEmpty(),
                findings.size() + " finding(s) keep generated clients from working:\n" + String.join("\n", findings));
    }

    protected static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Writes an audit row straight into the database, as another tenant's activity would. */
    protected static String insertAuditEvent(String tenant, String resourceType) {
        String id = UUID.randomUUID().toString();
        EmbeddedPostgres.shared()
                .execute("insert into audit_event (id, tenant_id, actor, action, resource_type,"
                        + " resource_id, reason, occurred_at) values ('" + UUID.randomUUID() + "', '" + tenant
                        + "', 'someone',"
                        + " 'read', '" + resourceType + "', '" + id + "', null, clock_timestamp())");
        return id;
    }
}
