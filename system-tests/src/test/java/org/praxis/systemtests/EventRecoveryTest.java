package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TopicProbe;

/**
 * A handler meets the database failing: a transient error (the database read-only, as during a
 * failover) is retried until it passes and never dead-lettered; an error that is the event's own (a
 * constraint it breaks) dead-letters it, and once the cause is fixed the replay tool applies it once.
 */
@Order(2)
class EventRecoveryTest extends SystemTest {

    private void execute(String service, String sql) {
        Map<String, String> env = suite.environment(service);
        try (Connection c = DriverManager.getConnection(
                env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                env.get("QUARKUS_DATASOURCE_USERNAME"),
                env.get("QUARKUS_DATASOURCE_PASSWORD"))) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every connection the service holds to its database is cut: the pool opens new ones, with the new defaults. */
    private static void cutConnections(String db) {
        EmbeddedPostgres.shared()
                .execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + db
                        + "' and pid <> pg_backend_pid()");
    }

    private String riskFlagEventOf(String intake) {
        List<ConsumerRecord<String, String>> raised = TopicProbe.read(
                "intake.events",
                r -> intake.equals(r.key())
                        && "org.praxis.intake.risk-flag.raised.v1".equals(TopicProbe.header(r, "ce_type")),
                found -> !found.isEmpty(),
                Duration.ofSeconds(60));
        assertEquals(1, raised.size());
        return TopicProbe.header(raised.get(0), "ce_id");
    }

    private long deadLetters(String topic, String eventId) {
        return TopicProbe.read(
                        topic + ".dlq",
                        r -> eventId.equals(TopicProbe.header(r, "ce_id")),
                        found -> false,
                        Duration.ofSeconds(3))
                .size();
    }

    @Test
    void aTransientDatabaseErrorDuringAHandlerIsRetriedNotDeadLettered() throws Exception {
        EmbeddedPostgres.shared().execute("alter database referral set default_transaction_read_only = on");
        Instant readOnly = Instant.now();
        String intake;
        try {
            cutConnections("referral");
            intake = intake(coach);
            as(client, INTAKE)
                    .body(phq9(1, 1, 0, 0, 0, 0, 0, 0, 2))
                    .when()
                    .post("/v1/intakes/" + intake + "/screenings")
                    .then()
                    .statusCode(201);
            String eventId = riskFlagEventOf(intake);
            // Far longer than the tries a poison event gets (5, about 3 s): a good event must outlast it.
            eventually(() -> logLines(REFERRAL, "transient failure applying " + eventId) >= 8);
            assertEquals(0, countIn(REFERRAL, "select count(*) from referral where tenant_id = ?", tenant));
        } finally {
            EmbeddedPostgres.shared().execute("alter database referral reset default_transaction_read_only");
            cutConnections("referral");
        }
        Instant back = Instant.now();
        String eventId = riskFlagEventOf(intake);
        eventually(() ->
                countIn(REFERRAL, "select count(*) from referral where tenant_id = ? and origin = 'risk-flag'", tenant)
                        == 1);
        long recovered = Duration.between(back, Instant.now()).toMillis();
        consumedToEnd(REFERRAL, "intake.events");
        assertEquals(
                1,
                countIn(REFERRAL, "select count(*) from referral where tenant_id = ? and origin = 'risk-flag'", tenant),
                "drafted once");
        assertEquals(
                0,
                countIn(
                        REFERRAL,
                        "select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'",
                        eventId));
        assertEquals(0, deadLetters("intake.events", eventId), "never dead-lettered");
        System.out.printf(
                "transient database error: read-only %d s, %d tries logged, applied once %d ms after it came back, 0 dead letters%n",
                Duration.between(readOnly, back).toSeconds(),
                logLines(REFERRAL, "transient failure applying " + eventId),
                recovered);
    }

    @Test
    void aPoisonEventIsDeadLetteredAndAppliedOnceByTheReplayToolAfterTheFix() {
        // A constraint this tenant's engagements break, as a faulty migration would: the event's own failure.
        execute(
                SESSION,
                "alter table engagement add constraint system_test_poison check (tenant_id <> '" + tenant
                        + "') not valid");
        String eventId;
        try {
            String intake = intake(coach);
            as(client, INTAKE)
                    .body(phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
                    .when()
                    .post("/v1/intakes/" + intake + "/screenings")
                    .then()
                    .statusCode(201);
            as(coach, INTAKE)
                    .body(Map.of("pathway", "coaching", "practitionerId", coach.subject(), "reason", "coaching first"))
                    .when()
                    .post("/v1/intakes/" + intake + "/decision")
                    .then()
                    .statusCode(201);
            eventually(() -> as(admin, SESSION)
                    .when()
                    .get("/v1/dead-letters")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<Map<String, Object>>>path("items")
                    .stream()
                    .anyMatch(d -> "org.praxis.intake.intake.decided.v1".equals(d.get("type"))
                            && "dead-lettered".equals(d.get("state"))));
            Map<String, Object> dead = as(admin, SESSION)
                    .when()
                    .get("/v1/dead-letters")
                    .then()
                    .extract()
                    .<List<Map<String, Object>>>path("items")
                    .stream()
                    .filter(d -> "org.praxis.intake.intake.decided.v1".equals(d.get("type")))
                    .findFirst()
                    .orElseThrow();
            eventId = (String) dead.get("eventId");
            assertTrue(
                    String.valueOf(dead.get("error")).contains("system_test_poison"),
                    String.valueOf(dead.get("error")));
            assertEquals(0, countIn(SESSION, "select count(*) from engagement where tenant_id = ?", tenant));
        } finally {
            execute(SESSION, "alter table engagement drop constraint if exists system_test_poison");
        }
        Instant fixed = Instant.now();
        as(admin, SESSION)
                .when()
                .post("/v1/dead-letters/" + eventId + "/replay")
                .then()
                .statusCode(200);
        eventually(() -> countIn(SESSION, "select count(*) from engagement where tenant_id = ?", tenant) == 1);
        long applied = Duration.between(fixed, Instant.now()).toMillis();
        // A second replay finds no dead-letter mark: it changes nothing.
        int again = as(admin, SESSION)
                .when()
                .post("/v1/dead-letters/" + eventId + "/replay")
                .then()
                .extract()
                .statusCode();
        assertTrue(again == 409 || again == 200, "second replay answered " + again);
        eventually(() -> "applied"
                .equals(as(admin, SESSION)
                        .when()
                        .get("/v1/dead-letters")
                        .then()
                        .extract()
                        .<List<Map<String, Object>>>path("items")
                        .stream()
                        .filter(d -> eventId.equals(d.get("eventId")))
                        .map(d -> d.get("state"))
                        .findFirst()
                        .orElse(null)));
        assertEquals(
                1, countIn(SESSION, "select count(*) from engagement where tenant_id = ?", tenant), "applied once");
        assertEquals(
                1,
                as(coach, SESSION)
                        .when()
                        .get("/v1/engagements")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<List<?>>path("items")
                        .size());
        System.out.printf(
                "poison event: dead-lettered after its tries, replayed after the fix, applied once %d ms later%n",
                applied);
    }
}
