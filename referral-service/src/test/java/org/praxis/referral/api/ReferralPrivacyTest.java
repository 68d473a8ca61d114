package org.praxis.referral.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;
import static org.praxis.testsupport.TestTenant.export;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.web.Bounds;
import org.praxis.referral.ReferralTenant;
import org.praxis.testsupport.EmbeddedPostgres;

/**
 * Issue 17: free text is sealed to its place (a database dump shows none of it, and a value copied
 * to another row does not open there), and an export runs only on a recorded export request.
 */
@QuarkusTest
class ReferralPrivacyTest {
    private static final String PROBLEM = "application/problem+json";

    private final ReferralTenant t = new ReferralTenant();
    /** Distinctive text of this test run, to look for in the database (not hex: no uuid contains it). */
    private final String mark = "zq" + UUID.randomUUID().toString().substring(0, 8);

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    private static List<String> tables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = EmbeddedPostgres.shared().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(
                tables.containsAll(List.of(
                        "referral",
                        "referral_step",
                        "referral_consent",
                        "self_help_offer",
                        "audit_event",
                        "outbox_event",
                        "idempotency_record")),
                tables.toString());
        return tables;
    }

    private long audited(String action) {
        return count("select count(*) from audit_event where tenant_id = ? and action = ?", t.id, action);
    }

    private String draft(String service, String urgency, String reasonText, String name, String contact) {
        Map<String, Object> body = t.referralBody(service, urgency, List.of("identity", "contact", "reason"));
        body.put("reasonText", reasonText);
        body.put("clientName", name);
        body.put("clientContact", contact);
        return as(t.coach)
                .body(body)
                .when()
                .post("/v1/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void anExportWithoutARecordedRequestIsRefusedAndNotAudited() {
        String service = t.therapyService();
        t.draft(service, "soon", List.of("identity"));
        String subject = t.client.subject();

        export(t.admin, subject, null)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", is("request"))
                .body(not(containsString("Low mood")));
        export(t.admin, subject, UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
        String forAnother = t.exportRequest(t.otherClient.subject());
        export(t.admin, subject, forAnother).statusCode(422).body("errors[0].field", is("request"));
        export(t.admin, "s".repeat(Bounds.SUBJECT + 1), null).statusCode(422).contentType(PROBLEM);
        assertEquals(0, audited("export"));

        String request = t.exportRequest(subject);
        export(t.admin, subject, request)
                .statusCode(200)
                .body("subject", is(subject))
                .body("referrals", hasSize(1))
                .body("steps", hasSize(1))
                .body("referrals[0].reasonText", is("Low mood for months, beyond coaching"));
        assertEquals(1, audited("export"));
        // The export's audit names the request and the reason it was made for.
        as(t.admin)
                .queryParam("resourceType", "subject")
                .when()
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items.reason", hasItem(containsString(request)))
                .body("items.reason", hasItem(containsString("a copy of their records")));
        as(t.admin)
                .when()
                .get("/v1/export-requests/" + request)
                .then()
                .statusCode(200)
                .body("uses", is(1));
    }

    @Test
    void aReferralsFreeTextIsSealedInTheDatabase() {
        String service = t.therapyService();
        String reason = "Panic at the depot since March " + mark;
        String name = "Rhiannon Example " + mark;
        String contact = "rhiannon." + mark + "@example.org";
        String words = "Only my GP may know this " + mark;
        String declined = "Waiting list closed in Gwent " + mark;
        String justification = "Said tonight she has a plan " + mark;
        String cancelled = "Crisis team took over " + mark;
        String note = "Try the breathing chapter first " + mark;

        String sent = draft(service, "soon", reason, name, contact);
        as(t.coach)
                .when()
                .post("/v1/referrals/" + sent + "/consent-request")
                .then()
                .statusCode(200);
        as(t.client)
                .body(Map.of("agree", true, "shares", List.of("identity", "reason"), "words", words))
                .when()
                .post("/v1/me/referrals/" + sent + "/consent")
                .then()
                .statusCode(200);
        as(t.coach).when().post("/v1/referrals/" + sent + "/sending").then().statusCode(200);
        as(t.coach)
                .body(Map.of("outcome", "declined", "reason", declined))
                .when()
                .post("/v1/referrals/" + sent + "/answer")
                .then()
                .statusCode(200);

        String emergency = draft(service, "emergency", reason, name, contact);
        as(t.coach)
                .body(Map.of("justification", justification))
                .when()
                .post("/v1/referrals/" + emergency + "/risk-exception")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("reason", cancelled))
                .when()
                .post("/v1/referrals/" + emergency + "/cancellation")
                .then()
                .statusCode(200);
        // The directory is not about a person and stays plain: it shows the search below finds plaintext.
        String library = "Library " + mark.toUpperCase();
        String workbook = t.service(t.organisation(library), "Workbook", "self-help", true);
        as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "serviceId", workbook, "note", note))
                .when()
                .post("/v1/self-help-offers")
                .then()
                .statusCode(201);

        // The raw columns hold sealed values only.
        assertEquals(
                2,
                count(
                        "select count(*) from referral where tenant_id = ? and reason_text like 'v2:%'"
                                + " and client_name like 'v2:%' and client_contact like 'v2:%'",
                        t.id));
        assertEquals(
                1, count("select count(*) from referral where tenant_id = ? and decline_reason like 'v2:%'", t.id));
        assertEquals(
                1,
                count(
                        "select count(*) from referral where tenant_id = ? and exception_justification like 'v2:%'",
                        t.id));
        assertEquals(
                1,
                count("select count(*) from referral_consent where tenant_id = ? and client_words like 'v2:%'", t.id));
        assertEquals(
                3,
                count("select count(*) from referral_step where tenant_id = ? and reason like 'v2:%'", t.id),
                "the declined answer, the exception's justification and the cancellation");
        assertEquals(1, count("select count(*) from self_help_offer where tenant_id = ? and note like 'v2:%'", t.id));
        // No table holds any of it in plaintext, in any column: every text above carries the mark.
        assertEquals(
                1, count("select count(*) from directory_organisation x where x::text like ?", "%" + library + "%"));
        for (String table : tables()) {
            assertEquals(
                    0,
                    count("select count(*) from \"" + table + "\" x where x::text like ?", "%" + mark + "%"),
                    table + " holds plaintext of this test");
        }

        // Read through the API, it is all there.
        as(t.coach)
                .when()
                .get("/v1/referrals/" + sent)
                .then()
                .statusCode(200)
                .body("reasonText", is(reason))
                .body("clientName", is(name))
                .body("clientContact", is(contact))
                .body("declineReason", is(declined))
                .body("consent.clientWords", is(words));
        as(t.coach)
                .when()
                .get("/v1/referrals/" + emergency)
                .then()
                .statusCode(200)
                .body("riskException.justification", is(justification));
        as(t.coach)
                .when()
                .get("/v1/referrals/" + emergency + "/history")
                .then()
                .statusCode(200)
                .body("items.reason", hasItem(cancelled))
                .body("items.reason", hasItem(justification));
        as(t.coach)
                .when()
                .get("/v1/self-help-offers?clientSubject=" + t.client.subject())
                .then()
                .statusCode(200)
                .body("items[0].note", is(note));
    }

    @Test
    void aSealedValueCopiedToAnotherReferralDoesNotOpenThere() {
        String service = t.therapyService();
        String first =
                draft(service, "soon", "Cannot face the office " + mark, "Alex First " + mark, "first@example.org");
        String second =
                draft(service, "soon", "Grief since the winter " + mark, "Sam Second " + mark, "second@example.org");

        EmbeddedPostgres.shared()
                .execute("update referral set reason_text = (select reason_text from referral where id = '" + first
                        + "') where id = '" + second + "'");

        as(t.coach)
                .when()
                .get("/v1/referrals/" + second)
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("errorId", notNullValue())
                .body(not(containsString("office")))
                .body(not(containsString("winter")))
                .body(not(containsString(mark)));
        as(t.coach)
                .when()
                .get("/v1/referrals/" + first)
                .then()
                .statusCode(200)
                .body("reasonText", is("Cannot face the office " + mark))
                .body("clientName", is("Alex First " + mark));
        // A list shows no free text, so it is still served.
        as(t.coach).when().get("/v1/referrals").then().statusCode(200).body("items", hasSize(2));
    }
}
