package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.Method;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.Tokens;

/**
 * Issue 17: after a realistic run through the four public APIs — with a distinctive, random marker in
 * every free-text field a person can submit (names, concerns, hopes, answers, notes, reasons, comments,
 * justifications) — a dump of each service's database (every table of every schema, every row as
 * text) holds none of them, neither as text nor hex- or base64-encoded. The markers are read back
 * through the API (they were stored), and within the scan's own transaction a planted canary must be
 * found (the scan can fail). Runs after the other system tests, so their rows are scanned too.
 */
@Order(Integer.MAX_VALUE - 1)
class PlaintextAtRestTest extends SystemTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** What was submitted: a token (random, 24 characters) within each text, per service and field. */
    private record Marker(String service, String field, String token, String text) {}

    /** Where a token was found in a database. */
    private record Finding(String database, String table, String columns, String token, String encoding) {}

    private final Map<String, Marker> markers = new LinkedHashMap<>();
    /** Every response body each service gave during the run (reads back the markers it stored). */
    private final Map<String, StringBuilder> responses = new LinkedHashMap<>();

    private final Tokens secondAdmin = Tokens.anyone().tenant(tenant).roles("admin");

    private static String token() {
        StringBuilder s = new StringBuilder("zq");
        for (int i = 0; i < 22; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** A distinctive text for one field: {@code shape} puts the token where a person's words would be. */
    private String mark(String service, String field, Function<String, String> shape) {
        String token = token();
        String text = shape.apply(token);
        markers.put(token, new Marker(service, field, token, text));
        return text;
    }

    private String mark(String service, String field) {
        return mark(service, field, t -> "MARK " + t + " " + field);
    }

    // ------------------------------------------------------------------ calls that keep what they answered

    private Response call(
            Tokens who,
            String service,
            Method method,
            String path,
            Object body,
            Map<String, String> headers,
            int expected) {
        RequestSpecification spec = as(who, service);
        headers.forEach(spec::header);
        if (body != null) {
            spec.body(body);
        }
        Response r = spec.when().request(method, path);
        responses
                .computeIfAbsent(service, s -> new StringBuilder())
                .append(r.asString())
                .append('\n');
        if (expected > 0) {
            assertEquals(expected, r.statusCode(), method + " " + service + path + ": " + r.asString());
        }
        return r;
    }

    private Response post(Tokens who, String service, String path, Object body, int expected) {
        return call(who, service, Method.POST, path, body, Map.of(), expected);
    }

    private Response get(Tokens who, String service, String path) {
        return call(who, service, Method.GET, path, null, Map.of(), 200);
    }

    /** A create with an Idempotency-Key, then its replay, which answers the same (the stored record). */
    private Response once(Tokens who, String service, String path, Object body) {
        Map<String, String> key = Map.of("Idempotency-Key", "plaintext-" + UUID.randomUUID());
        Response first = call(who, service, Method.POST, path, body, key, 201);
        Response replay = call(who, service, Method.POST, path, body, key, 201);
        assertEquals("true", replay.header("Idempotent-Replayed"), service + path + " replays: " + replay.asString());
        assertEquals(first.<Object>path("id"), replay.path("id"), service + path + " replays the same resource");
        return first;
    }

    private String etag(Tokens who, String service, String path) {
        return get(who, service, path).header("ETag");
    }

    // ------------------------------------------------------------------ the test

    @Test
    void noDatabaseHoldsAnyPlaintextThePeopleSubmitted() throws SQLException {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assessment(today);
        String engagement = session(today);
        intake();
        referral(engagement);
        exportRequests();
        endReview(engagement);
        readEverythingBack(engagement);
        awaitOutboxesSent();

        // Each marker went in and came back out through its service's API: it was stored (in some form).
        List<String> unread = new ArrayList<>();
        for (Marker m : markers.values()) {
            if (!responses
                    .getOrDefault(m.service(), new StringBuilder())
                    .toString()
                    .contains(m.text())) {
                unread.add(m.service() + " " + m.field());
            }
        }
        assertEquals(List.of(), unread, "markers the API never answered with");
        assertTrue(markers.size() >= 40, "markers submitted: " + markers.size());

        List<Finding> leaks = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            String database = service.substring(0, service.indexOf('-'));
            try (Connection c = connect(database)) {
                scanned.add(database + ": " + scan(c, database, leaks));
            }
        }
        StringBuilder report = new StringBuilder();
        for (Finding f : leaks) {
            Marker m = markers.get(f.token());
            report.append("\n  ")
                    .append(f.database())
                    .append('.')
                    .append(f.table())
                    .append(" [")
                    .append(f.columns())
                    .append("] holds ")
                    .append(m.service())
                    .append(' ')
                    .append(m.field())
                    .append(" (")
                    .append(f.encoding())
                    .append("): ")
                    .append(m.text());
        }
        List<String> readableAnswers = readableScreeningAnswers();
        System.out.println("PlaintextAtRestTest: " + markers.size() + " markers; scanned " + scanned);
        assertTrue(leaks.isEmpty(), leaks.size() + " plaintext finding(s) in " + scanned + ":" + report);
        assertEquals(List.of(), readableAnswers, "screenings whose answers column is readable JSON");
    }

    // ------------------------------------------------------------------ assessment-service

    private void assessment(String today) {
        String me = "/v1/practitioners/" + coach.subject();
        once(
                coach,
                ASSESSMENT,
                "/v1/practitioners",
                Map.of(
                        "displayName",
                        mark(ASSESSMENT, "practitioner display name (first)", t -> "Zephyrine Quillfeather " + t),
                        "roles",
                        List.of("coach")));
        // The supervisor (also known to session- and referral-service by the event): reads notes, approves exceptions.
        String tag = etag(admin, ASSESSMENT, me);
        call(
                admin,
                ASSESSMENT,
                Method.PUT,
                me + "/supervisor",
                Map.of("supervisorId", supervisor.subject()),
                Map.of("If-Match", tag),
                200);
        tag = etag(coach, ASSESSMENT, me);
        call(
                coach,
                ASSESSMENT,
                Method.PUT,
                me,
                Map.of(
                        "displayName",
                        mark(
                                ASSESSMENT,
                                "practitioner display name (changed)",
                                t -> "Zephyrine Quillfeather-Ashgrove " + t),
                        "roles",
                        List.of("coach")),
                Map.of("If-Match", tag),
                200);
        post(
                admin,
                ASSESSMENT,
                "/v1/practitioners",
                Map.of(
                        "subject",
                        supervisor.subject(),
                        "displayName",
                        mark(ASSESSMENT, "supervisor display name (by admin)", t -> "Isolde Brackenridge " + t),
                        "roles",
                        List.of("coach", "supervisor")),
                201);

        List<String> competences = get(coach, ASSESSMENT, "/v1/frameworks/praxis-coaching")
                .path("items.findAll { it.type == 'Competence' }.code");
        assertFalse(competences.isEmpty(), "the built-in framework has competences");
        String evidence = post(
                        coach,
                        ASSESSMENT,
                        me + "/evidence",
                        Map.of(
                                "kind",
                                "reflective-log",
                                "occurredOn",
                                today,
                                "description",
                                mark(ASSESSMENT, "evidence description"),
                                "competences",
                                List.of(competences.get(0))),
                        201)
                .path("id");
        String supervision = post(
                        coach,
                        ASSESSMENT,
                        me + "/supervision-sessions",
                        Map.of(
                                "heldOn",
                                today,
                                "durationMinutes",
                                60,
                                "competences",
                                List.of(competences.get(0)),
                                "notes",
                                mark(ASSESSMENT, "supervision notes (supervisee)")),
                        201)
                .path("id");
        post(supervisor, ASSESSMENT, me + "/supervision-sessions/" + supervision + "/verification", null, 200);
        post(
                supervisor,
                ASSESSMENT,
                me + "/supervision-sessions",
                Map.of(
                        "heldOn",
                        LocalDate.parse(today).minusDays(1).toString(), // another meeting: one a day counts once
                        "durationMinutes",
                        45,
                        "notes",
                        mark(ASSESSMENT, "supervision notes (supervisor)")),
                201);
        post(
                coach,
                ASSESSMENT,
                me + "/registrations",
                Map.of(
                        "kind",
                        "therapy-register",
                        "body",
                        "Example Register",
                        "number",
                        mark(ASSESSMENT, "registration number", t -> "REG-" + t),
                        "expiresOn",
                        LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()),
                201);

        String assessment =
                post(coach, ASSESSMENT, me + "/assessments", Map.of(), 201).path("id");
        post(
                coach,
                ASSESSMENT,
                "/v1/assessments/" + assessment + "/self-ratings",
                Map.of(
                        "competenceCode",
                        competences.get(0),
                        "level",
                        "developing",
                        "comment",
                        mark(ASSESSMENT, "self-rating comment"),
                        "evidenceIds",
                        List.of(evidence)),
                200);
        post(
                supervisor,
                ASSESSMENT,
                "/v1/assessments/" + assessment + "/assessor-ratings",
                Map.of(
                        "competenceCode",
                        competences.get(0),
                        "level",
                        "not-yet",
                        "comment",
                        mark(ASSESSMENT, "assessor-rating comment")),
                200);
        String action = post(
                        coach,
                        ASSESSMENT,
                        me + "/development-actions",
                        Map.of(
                                "competenceCode",
                                competences.get(0),
                                "action",
                                mark(ASSESSMENT, "development action (practitioner)"),
                                "dueOn",
                                LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()),
                        201)
                .path("id");
        post(
                supervisor,
                ASSESSMENT,
                me + "/development-actions",
                Map.of(
                        "competenceCode",
                        competences.get(0),
                        "action",
                        mark(ASSESSMENT, "development action (supervisor)"),
                        "dueOn",
                        LocalDate.now(ZoneOffset.UTC).plusDays(60).toString()),
                201);
        post(coach, ASSESSMENT, me + "/development-actions/" + action + "/completion", null, 200);
    }

    // ------------------------------------------------------------------ session-service

    private String session(String today) {
        String id = once(
                        coach,
                        SESSION,
                        "/v1/engagements",
                        Map.of("clientSubject", client.subject(), "pathway", "coaching"))
                .path("id");
        String e = "/v1/engagements/" + id;
        post(
                coach,
                SESSION,
                e + "/contracts",
                Map.of(
                        "purpose", mark(SESSION, "contract purpose"),
                        "goalsInScope", mark(SESSION, "contract goals in scope"),
                        "confidentialityTerms", mark(SESSION, "contract confidentiality terms"),
                        "limitsOfConfidentiality", mark(SESSION, "contract limits of confidentiality"),
                        "reviewEveryWeeks", 6,
                        "parties",
                                List.of(
                                        Map.of("role", "client", "subject", client.subject(), "required", true),
                                        Map.of("role", "coach", "subject", coach.subject(), "required", true))),
                201);
        post(client, SESSION, e + "/contracts/1/acceptance", null, 200);
        post(coach, SESSION, e + "/contracts/1/acceptance", null, 200);

        String held = post(
                        coach,
                        SESSION,
                        e + "/sessions",
                        Map.of(
                                "scheduledAt",
                                Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                                "durationMinutes",
                                50,
                                "mode",
                                "video",
                                "model",
                                "GROW"),
                        201)
                .path("id");
        post(coach, SESSION, e + "/sessions/" + held + "/outcome", Map.of("status", "held", "scaling", 5), 200);

        // A private note: written, edited (the first draft must be gone too), signed, with an addendum.
        String note = post(
                        coach,
                        SESSION,
                        e + "/notes",
                        Map.of(
                                "kind",
                                "private",
                                "sessionId",
                                held,
                                "body",
                                mark(SESSION, "private note (first draft)")),
                        201)
                .path("id");
        call(
                coach,
                SESSION,
                Method.PUT,
                e + "/notes/" + note,
                Map.of("body", mark(SESSION, "private note (edited)")),
                Map.of("If-Match", "\"0\""),
                200);
        call(coach, SESSION, Method.POST, e + "/notes/" + note + "/signature", null, Map.of("If-Match", "\"1\""), 200);
        post(coach, SESSION, e + "/notes/" + note + "/addenda", Map.of("body", mark(SESSION, "note addendum")), 201);
        post(coach, SESSION, e + "/notes", Map.of("kind", "shared", "body", mark(SESSION, "shared summary note")), 201);

        String goal = post(
                        client,
                        SESSION,
                        e + "/goals",
                        Map.of(
                                "title",
                                mark(SESSION, "goal title (client)"),
                                "horizon",
                                "distal",
                                "orientation",
                                "learning",
                                "direction",
                                "approach",
                                "selfConcordant",
                                true,
                                "milestones",
                                List.of(Map.of(
                                        "title",
                                        mark(SESSION, "milestone title"),
                                        "dueDate",
                                        LocalDate.now(ZoneOffset.UTC)
                                                .plusDays(40)
                                                .toString()))),
                        201)
                .path("id");
        post(
                coach,
                SESSION,
                e + "/goals",
                Map.of(
                        "title",
                        mark(SESSION, "goal title (coach)"),
                        "horizon",
                        "proximal",
                        "orientation",
                        "performance",
                        "direction",
                        "avoidance"),
                201);
        post(client, SESSION, e + "/goals/" + goal + "/progress", Map.of("rating", 4, "ratedOn", today), 201);
        String action = post(
                        coach,
                        SESSION,
                        e + "/actions",
                        Map.of(
                                "title",
                                mark(SESSION, "action item title"),
                                "dueDate",
                                LocalDate.now(ZoneOffset.UTC).plusDays(7).toString(),
                                "goalId",
                                goal),
                        201)
                .path("id");
        post(client, SESSION, e + "/actions/" + action + "/done", Map.of("done", true), 200);
        post(
                coach,
                SESSION,
                e + "/reviews",
                Map.of(
                        "kind",
                        "periodic",
                        "heldOn",
                        today,
                        "whatChanged",
                        mark(SESSION, "periodic review what changed"),
                        "sharedSummary",
                        mark(SESSION, "periodic review shared summary")),
                201);
        post(coach, SESSION, e + "/risk-concerns", Map.of("level", "low", "sessionId", held), 201);

        // The supervisor (named in assessment-service, known here by its event) reads the private note with a reason.
        String reason = mark(SESSION, "supervisor's note-reading reason", t -> "case-review-" + t);
        eventually(() -> call(
                                supervisor,
                                SESSION,
                                Method.POST,
                                e + "/notes/" + note + "/reads",
                                Map.of("reason", reason),
                                Map.of(),
                                0)
                        .statusCode()
                == 200);
        return id;
    }

    private void endReview(String engagement) {
        post(
                coach,
                SESSION,
                "/v1/engagements/" + engagement + "/reviews",
                Map.of(
                        "kind",
                        "end",
                        "whatChanged",
                        mark(SESSION, "end review what changed"),
                        "sharedSummary",
                        mark(SESSION, "end review shared summary"),
                        "followUpOffered",
                        true),
                201);
    }

    // ------------------------------------------------------------------ intake-service

    private String intakeId;
    private String flagId;

    private void intake() {
        intakeId = once(
                        coach,
                        INTAKE,
                        "/v1/intakes",
                        Map.of(
                                "clientSubject",
                                client.subject(),
                                "displayName",
                                mark(INTAKE, "display name", t -> "Zephyrine Quillfeather " + t),
                                "presentingConcerns",
                                mark(INTAKE, "presenting concerns"),
                                "hopedForOutcomes",
                                mark(INTAKE, "hoped-for outcomes")))
                .path("id");
        // The client opens one for themselves too.
        post(
                client,
                INTAKE,
                "/v1/intakes",
                Map.of(
                        "displayName",
                        mark(INTAKE, "display name (client's own)", t -> "Zeph Quillfeather " + t),
                        "presentingConcerns",
                        mark(INTAKE, "presenting concerns (client's own)")),
                201);
        String i = "/v1/intakes/" + intakeId;
        once(client, INTAKE, i + "/screenings", phq9(1, 0, 1, 0, 1, 0, 1, 0, 0));
        flagId = post(
                        coach,
                        INTAKE,
                        i + "/risk-flags",
                        Map.of(
                                "code",
                                "coach-concern",
                                "level",
                                "low",
                                "note",
                                mark(INTAKE, "risk flag note (raised)")),
                        201)
                .path("id");
        String move = "/v1/risk-flags/" + flagId + "/transitions";
        post(
                supervisor,
                INTAKE,
                move,
                Map.of("status", "acknowledged", "note", mark(INTAKE, "risk flag note (acknowledged)")),
                200);
        post(
                supervisor,
                INTAKE,
                move,
                Map.of("status", "actioned", "note", mark(INTAKE, "risk flag note (actioned)")),
                200);
        post(
                supervisor,
                INTAKE,
                move,
                Map.of("status", "closed", "note", mark(INTAKE, "risk flag note (closed)")),
                200);
        call(
                client,
                INTAKE,
                Method.PUT,
                "/v1/me/intakes/" + intakeId + "/preference",
                Map.of("preference", "work-with-a-coach", "note", mark(INTAKE, "client preference note")),
                Map.of(),
                200);
        post(
                coach,
                INTAKE,
                i + "/decision",
                Map.of(
                        "pathway",
                        "coaching-with-monitoring",
                        "practitionerId",
                        coach.subject(),
                        "reason",
                        mark(INTAKE, "decision reason")),
                201);
        once(
                coach,
                INTAKE,
                i + "/suitability-checks",
                Map.of("conclusion", "continue", "note", mark(INTAKE, "suitability check note")));
    }

    // ------------------------------------------------------------------ referral-service

    private void referral(String engagement) {
        String org = post(
                        admin,
                        REFERRAL,
                        "/v1/directory/organisations",
                        Map.of("name", "Harbour Talking Therapies"),
                        201)
                .path("id");
        String therapy = post(
                        admin,
                        REFERRAL,
                        "/v1/directory/services",
                        Map.of(
                                "organisationId",
                                org,
                                "name",
                                "Adult therapy",
                                "kind",
                                "therapy",
                                "acceptingReferrals",
                                true),
                        201)
                .path("id");
        String selfHelp = post(
                        admin,
                        REFERRAL,
                        "/v1/directory/services",
                        Map.of(
                                "organisationId",
                                org,
                                "name",
                                "Sleep workbook",
                                "kind",
                                "self-help",
                                "acceptingReferrals",
                                false),
                        201)
                .path("id");

        // 1. With consent: drafted (idempotent), revised, consented with the client's words, sent, declined.
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "clientSubject",
                client.subject(),
                "engagementId",
                engagement,
                "serviceId",
                therapy,
                "reasonCode",
                "depression",
                "urgency",
                "soon",
                "disclose",
                List.of("identity", "contact", "reason"),
                "reasonText",
                mark(REFERRAL, "referral reason text (first)"),
                "clientName",
                mark(REFERRAL, "client name", t -> "Zephyrine Quillfeather " + t),
                "clientContact",
                mark(REFERRAL, "client contact", t -> t + "@example.org")));
        // referral-service names only engagements it has heard of (engagement.status-changed): wait for it.
        AtomicReference<String> created = new AtomicReference<>();
        Map<String, String> key = Map.of("Idempotency-Key", "plaintext-" + UUID.randomUUID());
        eventually(() -> {
            Response r = call(coach, REFERRAL, Method.POST, "/v1/referrals", body, key, 0);
            created.set(r.statusCode() == 201 ? r.path("id") : null);
            return created.get() != null;
        });
        Response replay = call(coach, REFERRAL, Method.POST, "/v1/referrals", body, key, 201);
        assertEquals(created.get(), replay.path("id"));
        String r1 = "/v1/referrals/" + created.get();
        Map<String, Object> revised = new LinkedHashMap<>(body);
        revised.remove("clientSubject");
        revised.remove("engagementId");
        revised.put("reasonText", mark(REFERRAL, "referral reason text (revised)"));
        call(coach, REFERRAL, Method.PUT, r1, revised, Map.of("If-Match", etag(coach, REFERRAL, r1)), 200);
        post(coach, REFERRAL, r1 + "/consent-request", null, 200);
        post(
                client,
                REFERRAL,
                mine(r1) + "/consent",
                Map.of(
                        "agree",
                        true,
                        "shares",
                        List.of("identity", "reason"),
                        "words",
                        mark(REFERRAL, "client's consent words")),
                200);
        post(coach, REFERRAL, r1 + "/sending", null, 200);
        post(
                coach,
                REFERRAL,
                r1 + "/answer",
                Map.of("outcome", "declined", "reason", mark(REFERRAL, "decline reason")),
                200);

        // 2. Consent given, then withdrawn with a reason.
        String r2 = "/v1/referrals/"
                + post(
                                coach,
                                REFERRAL,
                                "/v1/referrals",
                                Map.of(
                                        "clientSubject",
                                        client.subject(),
                                        "engagementId",
                                        engagement,
                                        "serviceId",
                                        therapy,
                                        "reasonCode",
                                        "anxiety",
                                        "urgency",
                                        "routine",
                                        "reasonText",
                                        mark(REFERRAL, "referral reason text (withdrawn one)")),
                                201)
                        .path("id");
        post(coach, REFERRAL, r2 + "/consent-request", null, 200);
        post(client, REFERRAL, mine(r2) + "/consent", Map.of("agree", true, "shares", List.of()), 200);
        post(
                client,
                REFERRAL,
                mine(r2) + "/consent/withdrawal",
                Map.of("reason", mark(REFERRAL, "consent withdrawal reason")),
                200);

        // 3. Called off with a reason.
        String r3 = "/v1/referrals/"
                + post(
                                coach,
                                REFERRAL,
                                "/v1/referrals",
                                Map.of(
                                        "clientSubject",
                                        client.subject(),
                                        "engagementId",
                                        engagement,
                                        "serviceId",
                                        therapy,
                                        "reasonCode",
                                        "grief",
                                        "urgency",
                                        "routine"),
                                201)
                        .path("id");
        post(coach, REFERRAL, r3 + "/cancellation", Map.of("reason", mark(REFERRAL, "cancellation reason")), 200);

        // 4. The serious-risk exception: justified, approved by the supervisor, sent without consent.
        String r4 = "/v1/referrals/"
                + post(
                                coach,
                                REFERRAL,
                                "/v1/referrals",
                                Map.of(
                                        "clientSubject",
                                        client.subject(),
                                        "engagementId",
                                        engagement,
                                        "serviceId",
                                        therapy,
                                        "reasonCode",
                                        "safety-concern",
                                        "urgency",
                                        "emergency",
                                        "disclose",
                                        List.of("identity", "risk"),
                                        "reasonText",
                                        mark(REFERRAL, "referral reason text (emergency)")),
                                201)
                        .path("id");
        post(
                coach,
                REFERRAL,
                r4 + "/risk-exception",
                Map.of("justification", mark(REFERRAL, "risk-exception justification")),
                200);
        eventually(() -> call(
                                supervisor,
                                REFERRAL,
                                Method.POST,
                                r4 + "/risk-exception/approval",
                                null,
                                Map.of(
                                        "If-Match",
                                        String.valueOf(call(supervisor, REFERRAL, Method.GET, r4, null, Map.of(), 0)
                                                .header("ETag"))),
                                0)
                        .statusCode()
                == 200);
        post(coach, REFERRAL, r4 + "/sending", null, 200);

        // A self-help resource offered with a note (idempotent).
        once(
                coach,
                REFERRAL,
                "/v1/self-help-offers",
                Map.of(
                        "clientSubject",
                        client.subject(),
                        "serviceId",
                        selfHelp,
                        "note",
                        mark(REFERRAL, "self-help offer note")));
        referrals = List.of(r1, r2, r3, r4);
    }

    private List<String> referrals = List.of();

    /** The client's path to a referral. */
    private static String mine(String referral) {
        return referral.replace("/v1/referrals/", "/v1/me/referrals/");
    }

    // ------------------------------------------------------------------ recorded export requests (reasons, audited)

    private final Map<String, String> exportRequests = new LinkedHashMap<>();

    private void exportRequests() {
        for (String service : Suite.SERVICES) {
            String subject = ASSESSMENT.equals(service) ? coach.subject() : client.subject();
            String request = post(
                            admin,
                            service,
                            "/v1/export-requests",
                            Map.of(
                                    "subject",
                                    subject,
                                    "reason",
                                    mark(service, "export request reason"),
                                    "reference",
                                    "TICKET-17"),
                            201)
                    .path("id");
            exportRequests.put(service, request);
            // Running the export writes the request's reason into the audit again (however the API names the request).
            call(
                    admin,
                    service,
                    Method.GET,
                    "/v1/subjects/" + subject + "/export?request=" + request,
                    null,
                    Map.of(),
                    0);
        }
    }

    // ------------------------------------------------------------------ reading it all back

    private void readEverythingBack(String engagement) {
        String me = "/v1/practitioners/" + coach.subject();
        get(coach, ASSESSMENT, me);
        get(admin, ASSESSMENT, "/v1/practitioners/" + supervisor.subject());
        get(coach, ASSESSMENT, me + "/evidence");
        get(coach, ASSESSMENT, me + "/supervision-sessions");
        get(coach, ASSESSMENT, me + "/development-actions");
        get(coach, ASSESSMENT, me + "/profile");
        for (Object a : get(coach, ASSESSMENT, me + "/assessments").<List<?>>path("items.id")) {
            get(coach, ASSESSMENT, "/v1/assessments/" + a);
        }

        String e = "/v1/engagements/" + engagement;
        get(coach, SESSION, e + "/contracts/1");
        for (Object n : get(coach, SESSION, e + "/notes").<List<?>>path("items.id")) {
            get(coach, SESSION, e + "/notes/" + n);
        }
        get(coach, SESSION, e + "/goals");
        get(coach, SESSION, e + "/actions");
        get(coach, SESSION, e + "/reviews");
        get(client, SESSION, e + "/reviews");

        get(coach, INTAKE, "/v1/intakes/" + intakeId);
        for (Object i : get(supervisor, INTAKE, "/v1/intakes").<List<?>>path("items.id")) {
            get(supervisor, INTAKE, "/v1/intakes/" + i);
        }
        for (Object s :
                get(coach, INTAKE, "/v1/intakes/" + intakeId + "/screenings").<List<?>>path("items.id")) {
            get(coach, INTAKE, "/v1/intakes/" + intakeId + "/screenings/" + s);
        }
        get(coach, INTAKE, "/v1/risk-flags/" + flagId);

        for (String r : referrals) {
            get(coach, REFERRAL, r);
            get(coach, REFERRAL, r + "/consents");
            get(coach, REFERRAL, r + "/history");
        }
        get(client, REFERRAL, "/v1/me/referrals");
        get(coach, REFERRAL, "/v1/self-help-offers");
        get(client, REFERRAL, "/v1/me/self-help");

        for (Map.Entry<String, String> x : exportRequests.entrySet()) {
            get(admin, x.getKey(), "/v1/export-requests/" + x.getValue());
            get(secondAdmin, x.getKey(), "/v1/audit-events?limit=100");
        }
    }

    /** Waits until every event of this tenant left the outboxes (so the consumers' side is in the dump too). */
    private void awaitOutboxesSent() {
        for (String service : Suite.SERVICES) {
            String database = service.substring(0, service.indexOf('-'));
            eventually(() -> {
                try (Connection c = connect(database);
                        PreparedStatement s = c.prepareStatement(
                                "select count(*) from outbox_event where tenant_id = ? and sent_at is null")) {
                    s.setString(1, tenant);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getLong(1) == 0;
                    }
                }
            });
        }
        // What the consumers do with them: the risk flag's draft referral, the held session's practice hours.
        eventually(() -> !as(supervisor, REFERRAL)
                .when()
                .get("/v1/referrals?origin=risk-flag")
                .then()
                .extract()
                .<List<?>>path("items")
                .isEmpty());
        eventually(() -> !as(coach, ASSESSMENT)
                .when()
                .get("/v1/practitioners/" + coach.subject() + "/evidence?kind=practice-hours")
                .then()
                .extract()
                .<List<?>>path("items")
                .isEmpty());
    }

    // ------------------------------------------------------------------ the dump

    private static Connection connect(String database) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String url = pg.jdbcUrl();
        int q = url.indexOf('?');
        String query = q < 0 ? "" : url.substring(q);
        String server = url.substring(0, url.lastIndexOf('/', q < 0 ? url.length() : q) + 1);
        return DriverManager.getConnection(server + database + query, pg.username(), pg.password());
    }

    /** The forms a token takes if a value is kept as text, as bytes (bytea renders as hex) or base64 of text. */
    private static Map<String, String> forms(String token) {
        Map<String, String> forms = new LinkedHashMap<>();
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        forms.put(token, "plaintext");
        forms.put(HexFormat.of().formatHex(bytes), "hex");
        for (int skip = 0; skip < 3; skip++) {
            // Whatever precedes it, one of these three starts on a base64 group boundary; the last group depends on
            // what follows.
            byte[] tail = java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
            int whole = tail.length / 3 * 4;
            forms.put(Base64.getEncoder().encodeToString(tail).substring(0, whole), "base64");
            forms.putIfAbsent(Base64.getUrlEncoder().encodeToString(tail).substring(0, whole), "base64url");
        }
        return forms;
    }

    /**
     * Every table of every user schema, every row as text, searched for every token (case-insensitive for
     * text and hex). Runs in one transaction that first plants a canary table, finds its canaries in each
     * form, and is rolled back: nothing is left behind and the scan is shown to find what is there.
     */
    private String scan(Connection c, String database, List<Finding> leaks) throws SQLException {
        c.setAutoCommit(false);
        String canaryTable = "zz_plaintext_canary_" + token();
        String textCanary = token();
        String bytesCanary = token();
        String base64Canary = token();
        try {
            try (Statement s = c.createStatement()) {
                s.execute("create table public." + canaryTable + " (id int, words text, raw bytea, encoded text)");
            }
            try (PreparedStatement s =
                    c.prepareStatement("insert into public." + canaryTable + " values (1, ?, ?, ?)")) {
                s.setString(1, "Some words with " + textCanary + " inside");
                s.setBytes(2, ("bytes with " + bytesCanary).getBytes(StandardCharsets.UTF_8));
                s.setString(
                        3,
                        Base64.getEncoder()
                                .encodeToString(("xy" + base64Canary + " and more").getBytes(StandardCharsets.UTF_8)));
                s.executeUpdate();
            }
            Map<String, String[]> needles = new LinkedHashMap<>();
            for (String token : markers.keySet()) {
                forms(token).forEach((form, encoding) -> needles.put(form, new String[] {token, encoding}));
            }
            for (String canary : List.of(textCanary, bytesCanary, base64Canary)) {
                forms(canary).forEach((form, encoding) -> needles.put(form, new String[] {canary, encoding}));
            }

            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select table_schema, table_name"
                            + " from information_schema.tables where table_type = 'BASE TABLE'"
                            + " and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2")) {
                while (rs.next()) {
                    tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
                }
            }
            assertTrue(
                    tables.size() > 5 && tables.stream().anyMatch(t -> t.endsWith("\"audit_event\"")),
                    database + " has the service's tables: " + tables);
            List<Finding> found = new ArrayList<>();
            long rows = 0;
            for (String table : tables) {
                Map<String, String> hits = new LinkedHashMap<>();
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(500);
                    try (ResultSet rs = s.executeQuery("select t::text from " + table + " t")) {
                        while (rs.next()) {
                            rows++;
                            String row = rs.getString(1);
                            String lower = row.toLowerCase(java.util.Locale.ROOT);
                            for (Map.Entry<String, String[]> n : needles.entrySet()) {
                                String haystack = n.getValue()[1].startsWith("base64") ? row : lower;
                                if (haystack.contains(n.getKey())) {
                                    hits.putIfAbsent(n.getValue()[0] + " " + n.getValue()[1], n.getKey());
                                }
                            }
                        }
                    }
                }
                for (Map.Entry<String, String> hit : hits.entrySet()) {
                    String[] tokenAndEncoding = hit.getKey().split(" ");
                    found.add(new Finding(
                            database,
                            table.replace("\"", ""),
                            columns(c, table, hit.getValue()),
                            tokenAndEncoding[0],
                            tokenAndEncoding[1]));
                }
            }
            String canaries = canaryTable;
            assertTrue(
                    found.stream()
                            .anyMatch(f -> f.token().equals(textCanary)
                                    && f.encoding().equals("plaintext")
                                    && f.table().endsWith(canaries)
                                    && f.columns().equals("words")),
                    database + ": the text canary is found");
            assertTrue(
                    found.stream()
                            .anyMatch(f -> f.token().equals(bytesCanary)
                                    && f.encoding().equals("hex")
                                    && f.columns().equals("raw")),
                    database + ": the bytea canary is found");
            assertTrue(
                    found.stream()
                            .anyMatch(f -> f.token().equals(base64Canary)
                                    && f.encoding().equals("base64")
                                    && f.columns().equals("encoded")),
                    database + ": the base64 canary is found");
            found.stream().filter(f -> markers.containsKey(f.token())).forEach(leaks::add);
            return tables.size() + " tables, " + rows + " rows";
        } finally {
            c.rollback();
        }
    }

    /** The columns of {@code table} whose text holds {@code needle} (for the report). */
    private static String columns(Connection c, String table, String needle) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from " + table + " limit 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnName(i));
            }
        }
        List<String> holding = new ArrayList<>();
        for (String column : names) {
            try (PreparedStatement s = c.prepareStatement("select count(*) from " + table + " t where strpos(lower(t.\""
                    + column + "\"::text), lower(?)) > 0 or strpos(t.\"" + column + "\"::text, ?) > 0")) {
                s.setString(1, needle);
                s.setString(2, needle);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        holding.add(column);
                    }
                }
            }
        }
        return String.join(",", holding);
    }

    /** Screenings whose answers column holds a readable JSON map of item to answer (all of them are to be sealed). */
    private List<String> readableScreeningAnswers() throws SQLException {
        List<String> readable = new ArrayList<>();
        int screenings = 0;
        try (Connection c = connect("intake");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, answers from screening")) {
            while (rs.next()) {
                screenings++;
                String answers = rs.getString(2);
                if (answers == null) {
                    continue;
                }
                if (readableJson(answers)) {
                    readable.add(rs.getString(1) + ": " + answers);
                }
            }
        }
        assertTrue(screenings > 0, "the run stored screenings");
        assertTrue(readableJson("{\"1\": 1, \"2\": 0, \"9\": 0}"), "the check sees answers kept as JSON");
        return readable;
    }

    private static boolean readableJson(String value) {
        String compact = value.replaceAll("\\s", "");
        return compact.startsWith("{")
                || compact.startsWith("[")
                || compact.contains("\":")
                || compact.matches(".*\"\\d+\".*");
    }
}
