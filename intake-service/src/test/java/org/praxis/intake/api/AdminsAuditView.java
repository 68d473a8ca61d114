package org.praxis.intake.api;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.praxis.testsupport.TestTenant.as;

import org.praxis.testsupport.TestTenant;

/** What a tenant's admin reads of an intake's audit trail (GET /v1/audit-events): who did what, never a clinical value. */
final class AdminsAuditView {
    private AdminsAuditView() {}

    /** The intake's trail holds {@code times} entries of {@code action}, none with a reason. */
    static void assertNoReasons(TestTenant t, String intake, String action, int times) {
        String entries = "items.findAll { it.action == '" + action + "' }";
        as(t.admin)
                .queryParam("resourceId", intake)
                .when()
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body(entries, hasSize(times))
                .body(entries + ".reason", everyItem(nullValue()));
    }
}
