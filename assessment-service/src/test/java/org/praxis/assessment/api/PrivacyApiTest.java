package org.praxis.assessment.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;
import static org.praxis.testsupport.TestTenant.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.platform.crypto.KeyRotation;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/**
 * Privacy at rest and on the way out: free text is sealed to its row (a database dump shows none of it,
 * and a value copied to another row does not open there), and a subject export runs only on a recorded
 * export request.
 */
@QuarkusTest
class PrivacyApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String NAME = "Casey Coach";
    private static final String NUMBER = "REG-CASEY-4711";
    private static final String DESCRIPTION = "Casey reflected on working with silence";
    private static final String ATTACHMENT = "https://files.example.org/recordings/casey-session-3.mp4";
    private static final String NOTES = "Casey discussed boundaries with a sponsor";
    private static final String COMMENT = "Casey thinks she contracts well";
    private static final String ACTION = "Casey reads up on three-party contracting";
    /** Table, sealed column and what was written into it. */
    private static final List<String[]> SEALED = List.of(
            new String[] {"practitioner", "display_name", NAME},
            new String[] {"registration", "number", NUMBER},
            new String[] {"evidence", "description", DESCRIPTION},
            new String[] {"evidence_attachment", "url", ATTACHMENT},
            new String[] {"supervision_session", "notes", NOTES},
            new String[] {"rating", "comment", COMMENT},
            new String[] {"development_action", "action", ACTION});

    private final AssessmentTenant t = new AssessmentTenant();

    @Inject
    KeyRotation keyRotation;

    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    private static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }

    private static void update(String sql, Object... args) {
        try (Connection c = EmbeddedPostgres.shared().connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The coach, supervised, with free text in every sealed column. */
    private void practitionerWithFreeText() {
        t.supervised();
        as(t.coach)
                .body(Map.of(
                        "kind",
                        "therapy-register",
                        "body",
                        "Example Register",
                        "number",
                        NUMBER,
                        "expiresOn",
                        LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()))
                .when()
                .post(path("/registrations"))
                .then()
                .statusCode(201);
        as(t.coach)
                .body(Map.of(
                        "kind",
                        "reflective-log",
                        "occurredOn",
                        today,
                        "description",
                        DESCRIPTION,
                        "attachments",
                        List.of(Map.of("url", ATTACHMENT))))
                .when()
                .post(path("/evidence"))
                .then()
                .statusCode(201);
        as(t.coach)
                .body(Map.of("heldOn", today, "durationMinutes", 60, "notes", NOTES))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(201);
        String a = t.openAssessment();
        as(t.coach)
                .body(Map.of("competenceCode", "D1.A1.1.1", "level", "competent", "comment", COMMENT))
                .when()
                .post("/v1/assessments/" + a + "/self-ratings")
                .then()
                .statusCode(200);
        as(t.coach)
                .body(Map.of("competenceCode", "D1.A1.1.1", "action", ACTION, "dueOn", today))
                .when()
                .post(path("/development-actions"))
                .then()
                .statusCode(201);
    }

    /** A 500 as problem+json with an error id to quote, and nothing of the value it could not open. */
    private static void failsWithoutPlaintext(ValidatableResponse response, String plaintext) {
        response.statusCode(500)
                .contentType(PROBLEM)
                .body("status", is(500))
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body(not(containsString(plaintext)))
                .body(not(containsString("v2:")));
    }

    @Test
    void freeTextIsSealedAtRestAndNoTableHoldsItInPlaintext() {
        practitionerWithFreeText();
        as(t.coach)
                .when()
                .get(path(""))
                .then()
                .statusCode(200)
                .body("displayName", is(NAME))
                .body("registrations[0].number", is(NUMBER));
        for (String[] sealed : SEALED) {
            String table = sealed[0];
            String column = sealed[1];
            assertEquals(
                    1,
                    count(
                            "select count(*) from " + table + " where tenant_id = ? and " + column + " like 'v2:%'",
                            t.id),
                    table + "." + column + " is sealed");
            assertEquals(
                    0,
                    count(
                            "select count(*) from " + table + " where tenant_id = ? and " + column + " not like 'v2:%'",
                            t.id),
                    table + "." + column + " holds nothing unsealed");
        }
        // A dump of the tenant's rows, every column as text, finds none of what was written.
        for (String table : List.of(
                "practitioner",
                "registration",
                "evidence",
                "supervision_session",
                "assessment",
                "rating",
                "development_action",
                "audit_event",
                "outbox_event",
                "export_request")) {
            for (String[] sealed : SEALED) {
                assertEquals(
                        0,
                        count(
                                "select count(*) from " + table + " r where r.tenant_id = ? and r::text like ?",
                                t.id,
                                "%" + sealed[2] + "%"),
                        table + " holds '" + sealed[2] + "' in plaintext");
            }
        }
    }

    @Test
    void aLinkStoredBeforeLinksWereSealedReadsAsItIsUntilTheRotationPassSealsIt() {
        practitionerWithFreeText();
        String plain = "https://files.example.org/recordings/casey-session-1.mp4";
        update("update evidence_attachment set url = ? where tenant_id = ? and url like 'v2:%'", plain, t.id);
        as(t.coach)
                .when()
                .get(path("/evidence"))
                .then()
                .statusCode(200)
                .body("items[0].attachments.url", contains(plain));
        keyRotation.reencrypt();
        assertEquals(
                1, count("select count(*) from evidence_attachment where tenant_id = ? and url like 'v2:%'", t.id));
        as(t.coach)
                .when()
                .get(path("/evidence"))
                .then()
                .statusCode(200)
                .body("items[0].attachments.url", contains(plain));
    }

    @Test
    void aSealedValueCopiedToAnotherRowOrTenantDoesNotOpenThereAndTheOriginalStillDoes() {
        practitionerWithFreeText();
        as(t.otherCoach)
                .body(Map.of("displayName", "Olly Other"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        as(t.otherCoach)
                .body(Map.of("kind", "reflective-log", "occurredOn", today, "description", "Olly's own log"))
                .when()
                .post("/v1/practitioners/" + t.otherCoach.subject() + "/evidence")
                .then()
                .statusCode(201);
        AssessmentTenant other = new AssessmentTenant();
        as(other.coach)
                .body(Map.of("displayName", "Someone elsewhere"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);

        // The name, copied to another practitioner's row of the same tenant.
        update(
                "update practitioner set display_name = (select display_name from practitioner where tenant_id = ? and subject = ?)"
                        + " where tenant_id = ? and subject = ?",
                t.id,
                t.coach.subject(),
                t.id,
                t.otherCoach.subject());
        failsWithoutPlaintext(
                as(t.admin)
                        .when()
                        .get("/v1/practitioners/" + t.otherCoach.subject())
                        .then(),
                NAME);
        as(t.admin).when().get(path("")).then().statusCode(200).body("displayName", is(NAME));

        // The same into another tenant's row.
        update(
                "update practitioner set display_name = (select display_name from practitioner where tenant_id = ? and subject = ?)"
                        + " where tenant_id = ? and subject = ?",
                t.id,
                t.coach.subject(),
                other.id,
                other.coach.subject());
        failsWithoutPlaintext(
                as(other.coach)
                        .when()
                        .get("/v1/practitioners/" + other.coach.subject())
                        .then(),
                NAME);

        // An evidence description, copied to another practitioner's evidence.
        update(
                "update evidence set description = (select description from evidence where tenant_id = ? and practitioner_id = ?)"
                        + " where tenant_id = ? and practitioner_id = ?",
                t.id,
                t.coach.subject(),
                t.id,
                t.otherCoach.subject());
        failsWithoutPlaintext(
                as(t.otherCoach)
                        .when()
                        .get("/v1/practitioners/" + t.otherCoach.subject() + "/evidence")
                        .then(),
                DESCRIPTION);
        as(t.coach).when().get(path("/evidence")).then().statusCode(200).body("items[0].description", is(DESCRIPTION));

        // Supervision notes, copied into another column of the same row: a sealed value opens only in its column.
        update(
                "update supervision_session set notes = (select action from development_action where tenant_id = ?"
                        + " and practitioner_id = ?) where tenant_id = ? and supervisee_id = ?",
                t.id,
                t.coach.subject(),
                t.id,
                t.coach.subject());
        failsWithoutPlaintext(
                as(t.coach).when().get(path("/supervision-sessions")).then(), ACTION);
        as(t.coach)
                .when()
                .get(path("/development-actions"))
                .then()
                .statusCode(200)
                .body("items[0].action", is(ACTION));
    }

    @Test
    void everyReadOfSupervisionNotesIsAuditedWithWhoReadThem() {
        practitionerWithFreeText();
        String session = as(t.supervisor)
                .when()
                .get(path("/supervision-sessions"))
                .then()
                .statusCode(200)
                .body("items[0].notes", is(NOTES))
                .extract()
                .path("items[0].id");
        String read = "select count(*) from audit_event where tenant_id = ? and action = 'read'"
                + " and resource_type = 'supervision-session' and resource_id = ? and actor = ?";
        assertEquals(1, count(read, t.id, session, t.supervisor.subject()));
        as(t.coach).when().get(path("/supervision-sessions")).then().statusCode(200);
        assertEquals(1, count(read, t.id, session, t.coach.subject()), "the supervisee's own read too");
    }

    @Test
    void anExportWithoutARecordedRequestIsRefusedAndWritesNoExportAudit() {
        practitionerWithFreeText();
        String subject = t.coach.subject();
        export(t.admin, subject, null)
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", is("request"))
                .body(not(containsString("Casey")));
        export(t.admin, subject, UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
        export(t.admin, subject, t.exportRequest(t.otherCoach.subject()))
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", is("request"));
        String request = t.exportRequest(subject);
        export(t.admin, "s".repeat(300), request).statusCode(422).contentType(PROBLEM);
        export(t.coach, subject, request).statusCode(403);
        // Another tenant's admin does not reach this tenant's request.
        export(Tokens.anyone().tenant(t.id + "-x").roles("admin"), subject, request)
                .statusCode(404);
        assertEquals(0, count("select count(*) from audit_event where tenant_id = ? and action = 'export'", t.id));

        export(t.admin, subject, request)
                .statusCode(200)
                .body("subject", is(subject))
                .body("profile[0].displayName", is(NAME))
                .body("registrations[0].number", is(NUMBER))
                .body("evidence[0].description", is(DESCRIPTION))
                .body("evidence[0].attachments.url", contains(ATTACHMENT))
                .body("supervision[0].notes", is(NOTES))
                .body("ratings[0].comment", is(COMMENT))
                .body("plan[0].action", is(ACTION));
        assertEquals(
                1,
                count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'export'"
                                + " and resource_id = ?",
                        t.id,
                        subject));
        // The export's audit names the request and its reason.
        as(t.admin)
                .queryParam("resourceType", "subject")
                .when()
                .get("/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items[0].action", is("export"))
                .body("items[0].reason", containsString(request))
                .body("items[0].reason", containsString("copy of their records"));
        as(t.admin)
                .when()
                .get("/v1/export-requests/" + request)
                .then()
                .statusCode(200)
                .body("uses", is(1));
    }
}
