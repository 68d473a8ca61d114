package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.events.InboxConsumer;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/** The runbook's replay: a poison event is dead-lettered, its cause fixed, replayed by an admin, applied once. */
@QuarkusTest
class DeadLetterReplayTest {
    private final String tenant = "dlq-" + UUID.randomUUID();
    private final String admin = Tokens.anyone().tenant(tenant).roles("admin").bearer();

    private String sendPoison() {
        String id = UUID.randomUUID().toString();
        TopicProbe.send(RecordingHandler.TOPIC, "thing-" + id, "{\"poison\":true}", headers(id));
        return id;
    }

    private static long applied(String id) {
        return Db.count("select count(*) from applied_effect where event_id = ?", id);
    }

    @Test
    void aFixedPoisonEventIsReplayedAndAppliedOnce() {
        String id = sendPoison();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(
                                "select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'", id)
                        == 1);
        given().header("Authorization", admin)
                .get("/v1/dead-letters")
                .then()
                .statusCode(200)
                .body("items.find { it.eventId == '" + id + "' }.state", equalTo("dead-lettered"))
                .body("items.find { it.eventId == '" + id + "' }.handler", equalTo("recording"))
                .body("items.find { it.eventId == '" + id + "' }.topic", equalTo(RecordingHandler.TOPIC));

        RecordingHandler.FIXED.add(id);
        given().header("Authorization", admin)
                .post("/v1/dead-letters/" + id + "/replay")
                .then()
                .statusCode(200)
                .body("eventId", equalTo(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(id) == 1);
        given().header("Authorization", admin)
                .get("/v1/dead-letters")
                .then()
                .statusCode(200)
                .body("items.find { it.eventId == '" + id + "' }.state", equalTo("applied"));
        assertEquals(
                1,
                Db.count(
                        "select count(*) from audit_event where tenant_id = ? and action = 'replay'"
                                + " and resource_type = 'dead-letter' and resource_id = ?",
                        tenant,
                        id));

        // A second replay finds no dead-letter mark (it is applied): refused, and still applied once.
        given().header("Authorization", admin)
                .post("/v1/dead-letters/" + id + "/replay")
                .then()
                .statusCode(409);
        String marker = UUID.randomUUID().toString();
        TopicProbe.send(RecordingHandler.TOPIC, "m", "{\"n\":1}", headers(marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(marker) == 1);
        assertEquals(1, applied(id));
    }

    /**
     * The database refuses the dead-letter mark for a while (a failover just after the record reached the
     * dead-letter topic): the consumer keeps trying before it moves past the record, so the event stays replayable
     * and the next one on its key waits. Before, the failure was logged and the offset committed: no mark, and a
     * replay answered 409 for good.
     */
    @Test
    void aDeadLetterMarkTheDatabaseRefusedIsTriedAgainBeforeTheConsumerMovesOn() throws Exception {
        String poison = UUID.randomUUID().toString();
        try (var c = Db.connection();
                var s = c.createStatement()) {
            s.execute("create table if not exists refused_mark (event_id text primary key)");
            s.execute("create or replace function refuse_mark() returns trigger language plpgsql as $$ begin"
                    + " if new.outcome = 'dead-lettered'"
                    + " and exists (select 1 from refused_mark where event_id = new.event_id) then"
                    + " raise exception 'mark refused for the test'; end if; return new; end $$");
            s.execute("drop trigger if exists refuse_mark on inbox_event");
            s.execute(
                    "create trigger refuse_mark before insert on inbox_event for each row execute function refuse_mark()");
            s.execute("insert into refused_mark values ('" + poison + "')");
        }
        String key = "thing-" + poison;
        TopicProbe.send(RecordingHandler.TOPIC, key, "{\"poison\":true}", headers(poison));
        String next = UUID.randomUUID().toString();
        TopicProbe.send(RecordingHandler.TOPIC, key, "{\"n\":1}", headers(next));
        // The poison reached the dead-letter topic, so the mark is being tried: the next event waits for it.
        assertEquals(
                1,
                TopicProbe.read(
                                RecordingHandler.TOPIC + InboxConsumer.DLQ_SUFFIX,
                                r -> poison.equals(TopicProbe.header(r, "ce_id")),
                                found -> !found.isEmpty(),
                                Duration.ofSeconds(30))
                        .size());
        Thread.sleep(1_000); // tries of the mark at the test's 20 ms backoff; none may let the consumer past
        assertEquals(0, applied(next));

        try (var c = Db.connection();
                var s = c.createStatement()) {
            s.execute("delete from refused_mark where event_id = '" + poison + "'");
            s.execute("drop trigger refuse_mark on inbox_event");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(next) == 1);
        assertEquals(
                1,
                Db.count("select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'", poison));
        RecordingHandler.FIXED.add(poison);
        given().header("Authorization", admin)
                .post("/v1/dead-letters/" + poison + "/replay")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(poison) == 1);
    }

    private Map<String, String> headers(String id) {
        return Map.of(
                "ce_id",
                id,
                "ce_type",
                "org.praxis.test.thing.happened.v1",
                "ce_source",
                "/elsewhere",
                "ce_time",
                Instant.now().toString(),
                "ce_tenant",
                tenant);
    }

    @Test
    void onlyTheTenantsAdminsSeeAndReplayItsDeadLetters() {
        String id = sendPoison();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(
                                "select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'", id)
                        == 1);
        for (String role : new String[] {"client", "coach", "supervisor", "sponsor"}) {
            String token = Tokens.anyone().tenant(tenant).roles(role).bearer();
            given().header("Authorization", token)
                    .get("/v1/dead-letters")
                    .then()
                    .statusCode(403);
            given().header("Authorization", token)
                    .post("/v1/dead-letters/" + id + "/replay")
                    .then()
                    .statusCode(403);
        }
        String stranger =
                Tokens.anyone().tenant("other-" + tenant).roles("admin").bearer();
        given().header("Authorization", stranger)
                .get("/v1/dead-letters")
                .then()
                .statusCode(200)
                .body("items.eventId", not(hasItem(id)));
        given().header("Authorization", stranger)
                .post("/v1/dead-letters/" + id + "/replay")
                .then()
                .statusCode(404);
        assertEquals(
                1,
                Db.count("select count(*) from inbox_event where event_id = ? and outcome = 'dead-lettered'", id),
                "a refused replay changes nothing");
    }
}
