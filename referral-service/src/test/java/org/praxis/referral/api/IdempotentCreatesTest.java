package org.praxis.referral.api;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/**
 * The creates the document says take an Idempotency-Key (openReferral's: {@code ReferralApiTest}): the
 * same key and body answer the first create again, one row; the same key with another body is refused.
 */
@QuarkusTest
class IdempotentCreatesTest {
    private final ReferralTenant t = new ReferralTenant();
    private final String key = "k-" + UUID.randomUUID();

    @Test
    void directoryEntriesAreAddedOncePerKey() {
        String org = once(t.admin, "/v1/directory/organisations", Map.of("name", "Valley Wellbeing"));
        assertEquals(1, rows("directory_organisation"));
        refusedWithAnotherBody(t.admin, "/v1/directory/organisations", Map.of("name", "Hill Wellbeing"));

        once(t.admin, "/v1/directory/services", service(org, "Adult talking therapy"));
        assertEquals(1, rows("directory_service"));
        refusedWithAnotherBody(t.admin, "/v1/directory/services", service(org, "Night crisis line"));
    }

    @Test
    void selfHelpIsOfferedOncePerKey() {
        t.knownCaseloads();
        String workbook = t.service(t.organisation("Open Library"), "Low mood workbook", "self-help", true);
        once(t.coach, "/v1/self-help-offers", Map.of("clientSubject", t.client.subject(), "serviceId", workbook));
        assertEquals(1, rows("self_help_offer"));
        refusedWithAnotherBody(
                t.coach,
                "/v1/self-help-offers",
                Map.of("clientSubject", t.client.subject(), "serviceId", workbook, "note", "Chapter one"));
    }

    /** Posts {@code body} twice with one key: both 201 with the same id and Location; the id. */
    private String once(Tokens who, String path, Map<String, Object> body) {
        String id = as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .header("Location", endsWith(path + "/" + id))
                .body("id", is(id));
        return id;
    }

    private void refusedWithAnotherBody(Tokens who, String path, Map<String, Object> body) {
        as(who).header("Idempotency-Key", key)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(422)
                .body("errors[0].field", is("Idempotency-Key"));
    }

    private long rows(String table) {
        return EmbeddedPostgres.shared().count("select count(*) from " + table + " where tenant_id = ?", t.id);
    }

    private static Map<String, Object> service(String organisation, String name) {
        return Map.of("organisationId", organisation, "name", name, "kind", "therapy", "acceptingReferrals", true);
    }
}
