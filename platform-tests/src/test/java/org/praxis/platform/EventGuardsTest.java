package org.praxis.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.praxis.platform.events.ParkedEvents;
import org.praxis.platform.privacy.ErasedSubjects;
import org.praxis.platform.privacy.Pseudonyms;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TopicProbe;

/** The inbox's guards: older state never overwrites newer, unknown types wait, erased people stay erased. */
@QuarkusTest
class EventGuardsTest {
    private static final String TOPIC = RecordingHandler.TOPIC;

    @Inject
    ParkedEvents parked;

    @Inject
    ErasedSubjects erasedSubjects;

    private static String send(String tenant, String type, String key, String payload, Long sequence) {
        return send(tenant, type, key, payload, sequence, Instant.now());
    }

    private static String send(String tenant, String type, String key, String payload, Long sequence, Instant at) {
        String id = UUID.randomUUID().toString();
        Map<String, String> h = new HashMap<>();
        h.put("ce_id", id);
        h.put("ce_type", type);
        h.put("ce_source", "/elsewhere");
        h.put("ce_time", at.toString());
        h.put("ce_tenant", tenant);
        if (sequence != null) {
            h.put("ce_sequence", sequence.toString());
        }
        TopicProbe.send(TOPIC, key, payload, h);
        return id;
    }

    private static String thing(String tenant, String payload) {
        return send(tenant, "org.praxis.test.thing.happened.v1", "thing", payload, null);
    }

    /** Records {@code person} of tenant acme as erased here, at the request made at {@code requestedAt}. */
    private void erased(String person, String request, Instant requestedAt) {
        QuarkusTransaction.requiringNew().run(() -> erasedSubjects.record("acme", person, request, requestedAt));
    }

    /** Sends a marker after the events under test and waits for it: everything before it was read. */
    private static void drain() {
        String marker = thing("acme", "{}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count("select count(*) from applied_effect where event_id = ?", marker) == 1);
    }

    private static String outcome(String consumer, String eventId) {
        try (var c = Db.connection();
                PreparedStatement s =
                        c.prepareStatement("select outcome from inbox_event where consumer = ? and event_id = ?")) {
            s.setString(1, consumer);
            s.setString(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String registerValue(String key) {
        try (var c = Db.connection();
                PreparedStatement s = c.prepareStatement(
                        "select value from register_entry where tenant_id = 'acme' and entry_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOlderEventReadAfterANewerOneDoesNotReplaceTheNewerState() {
        String key = "practitioner-" + UUID.randomUUID();
        send("acme", RegisterHandler.TYPE, key, "{\"value\":\"five\"}", 5L);
        String three = send("acme", RegisterHandler.TYPE, key, "{\"value\":\"three\"}", 3L);
        send("acme", RegisterHandler.TYPE, key, "{\"value\":\"seven\"}", 7L);
        String six = send("acme", RegisterHandler.TYPE, key, "{\"value\":\"six\"}", 6L);
        String otherKey = send("acme", RegisterHandler.TYPE, key + "-other", "{\"value\":\"one\"}", 1L);
        drain();
        assertEquals("seven", registerValue(key));
        assertEquals("superseded", outcome("register", three));
        assertEquals("superseded", outcome("register", six));
        assertEquals("one", registerValue(key + "-other"), "each key has its own sequence");
        assertEquals("applied", outcome("register", otherKey));

        // A publisher that sends no sequence (an older version) is applied as it comes.
        send("acme", RegisterHandler.TYPE, key, "{\"value\":\"unsequenced\"}", null);
        drain();
        assertEquals("unsequenced", registerValue(key));
    }

    @Test
    void anUnknownTypeIsParkedAndAppliedOnceWhenAVersionThatKnowsItRuns() {
        String gadget = send("acme", GadgetHandler.TYPE, "gadget-1", "{\"n\":1}", 1L);
        String ignored = send("acme", "org.praxis.test.ignored.v1", "other", "{}", 2L);
        drain();
        assertEquals(
                1,
                Db.count(
                        "select count(*) from parked_event where event_id = ? and event_type = ?",
                        gadget,
                        GadgetHandler.TYPE),
                "kept, not skipped");
        assertEquals(
                0,
                Db.count("select count(*) from parked_event where event_id = ?", ignored),
                "a known type no handler takes is not for this service");
        String metrics = io.restassured.RestAssured.get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("praxis_inbox_parked ") && !l.endsWith(" 0.0")), metrics);

        int before = GadgetHandler.APPLIED.get();
        try {
            parked.retry();
            assertEquals(
                    1,
                    Db.count("select count(*) from parked_event where event_id = ? and tries >= 1", gadget),
                    "still unknown: stays parked, its tries counted");
            GadgetHandler.deployed = true; // the next release, which handles the type, is running
            // A run woken by a confirmation elsewhere may be the one that offers it: either way it goes through.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                parked.retry();
                return GadgetHandler.APPLIED.get() > before;
            });
            assertEquals(before + 1, GadgetHandler.APPLIED.get());
            assertEquals("applied", outcome("gadget", gadget));
            assertEquals(0, Db.count("select count(*) from parked_event where event_id = ?", gadget));
            parked.retry();
            // Read again from the topic (a rebalance): the inbox drops it.
            send("acme", GadgetHandler.TYPE, "gadget-1", "{\"n\":1}", 1L);
            drain();
            assertEquals(before + 2, GadgetHandler.APPLIED.get(), "a new event id is a new event");
        } finally {
            GadgetHandler.deployed = false;
        }
    }

    @Test
    void anEventAboutAnErasedPersonCreatesNothingAndOtherErasedPeopleInItArePseudonymised() {
        String erased = "client-" + UUID.randomUUID();
        // Requested after the events below were sent (their ce_time is now): they are from before it.
        erased(erased, "request-1", Instant.now().plusSeconds(3600));

        String aboutThem = thing("acme", "{\"clientSubject\":\"" + erased + "\"}");
        String theirCoach = thing("acme", "{\"clientSubject\":\"someone-else\",\"assignedCoach\":\"" + erased + "\"}");
        String otherTenant = thing("globex", "{\"clientSubject\":\"" + erased + "\"}");
        drain();
        assertEquals(0, Db.count("select count(*) from applied_effect where event_id = ?", aboutThem));
        assertEquals("erased-subject", outcome("recording", aboutThem));
        assertEquals(
                1,
                Db.count(
                        "select count(*) from applied_effect where event_id = ? and payload like ?",
                        theirCoach,
                        "%\"assignedCoach\":\"" + Pseudonyms.of("acme", erased) + "\"%"));
        assertEquals(
                0,
                Db.count(
                        "select count(*) from applied_effect where payload like ? and tenant_id = 'acme'",
                        "%" + erased + "%"),
                "the erased id came back nowhere");
        assertEquals(
                1,
                Db.count("select count(*) from applied_effect where event_id = ?", otherTenant),
                "an erasure is the tenant's");
    }

    @Test
    void anEventItsSourcesErasureRewroteToThePseudonymIsTheirPastAndOneSentAfterTheErasureApplies() {
        String person = "client-" + UUID.randomUUID();
        String pseudonym = Pseudonyms.of("acme", person);
        String request = "request-" + UUID.randomUUID();
        // Erased here an hour ago, and by the source, which rewrote what its outbox still held, just after.
        erased(person, request, Instant.now().minusSeconds(3600));
        sourceErased(request, Instant.now().minusSeconds(3590));
        String thing = "org.praxis.test.thing.happened.v1";
        String rewritten = send(
                "acme",
                thing,
                "thing",
                "{\"clientSubject\":\"" + pseudonym + "\"}",
                null,
                Instant.now().minusSeconds(7200));
        String theirCoach = send(
                "acme",
                thing,
                "thing",
                "{\"clientSubject\":\"someone-else\",\"assignedCoach\":\"" + pseudonym + "\"}",
                null,
                Instant.now().minusSeconds(7200));
        // What the source does later with the records it keeps under the pseudonym (an engagement closed).
        String later = thing("acme", "{\"clientSubject\":\"" + pseudonym + "\"}");
        drain();
        assertEquals(0, Db.count("select count(*) from applied_effect where event_id = ?", rewritten));
        assertEquals("erased-subject", outcome("recording", rewritten));
        assertEquals(
                1,
                Db.count("select count(*) from applied_effect where event_id = ?", theirCoach),
                "another erased person in it is already their pseudonym");
        assertEquals(1, Db.count("select count(*) from applied_effect where event_id = ?", later));
    }

    /** A handover from an erased coach, sent before the source's confirmation is read here: nothing to decide. */
    @Test
    void anotherPersonAlreadyTheirPseudonymKeepsTheEventWaitingForNothing() {
        String coach = "coach-" + UUID.randomUUID();
        String pseudonym = Pseudonyms.of("acme", coach);
        erased(coach, "request-" + UUID.randomUUID(), Instant.now().minusSeconds(60));
        String handover = thing("acme", "{\"clientSubject\":\"someone-else\",\"assignedCoach\":\"" + pseudonym + "\"}");
        drain();
        assertEquals("applied", outcome("recording", handover));
        assertEquals(0, Db.count("select count(*) from parked_event where event_id = ?", handover));
    }

    /**
     * An erasure of {@code person} recorded in its own transaction, which stays open (holding the person's lock)
     * until {@code commit} counts down.
     */
    private Thread erasureUnderWay(String person, Instant requestedAt, CountDownLatch commit) throws Exception {
        CountDownLatch erasing = new CountDownLatch(1);
        Thread erasure = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            erasedSubjects.record("acme", person, "request-" + UUID.randomUUID(), requestedAt);
            erasing.countDown();
            try {
                commit.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        erasure.start();
        assertTrue(erasing.await(30, TimeUnit.SECONDS));
        return erasure;
    }

    /** Waits until a consumer waits on an erasure's lock (ErasedSubjects' key space, 0x45726173 high bits). */
    private static void awaitAnEventWaitingForAnErasure() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Db.count("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                                + " and classid = x'45726173'::int::oid")
                        > 0);
    }

    /** ... but while this service is erasing that coach, it waits: the erasure may be moving what it acts on. */
    @Test
    void anotherPersonAlreadyTheirPseudonymWaitsForTheirErasureUnderWay() throws Exception {
        String coach = "coach-" + UUID.randomUUID();
        CountDownLatch commit = new CountDownLatch(1);
        Thread erasure = erasureUnderWay(coach, Instant.now(), commit);
        String handover = thing(
                "acme",
                "{\"clientSubject\":\"someone-else\",\"assignedCoach\":\"" + Pseudonyms.of("acme", coach) + "\"}");
        try {
            awaitAnEventWaitingForAnErasure();
            assertEquals(0, Db.count("select count(*) from inbox_event where event_id = ?", handover));
        } finally {
            commit.countDown();
        }
        erasure.join(30_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> "applied".equals(outcome("recording", handover)));
    }

    @Test
    void anEventInFlightWaitsForAnErasureOfItsPersonAndIsThenNotApplied() throws Exception {
        String person = "client-" + UUID.randomUUID();
        CountDownLatch commit = new CountDownLatch(1);
        Thread erasure = erasureUnderWay(person, Instant.now().plusSeconds(3600), commit);
        String late = thing("acme", "{\"clientSubject\":\"" + person + "\"}");
        try {
            awaitAnEventWaitingForAnErasure();
            assertFalse(
                    Db.count("select count(*) from inbox_event where event_id = ?", late) > 0,
                    "not decided while the erasure is under way");
        } finally {
            commit.countDown();
        }
        erasure.join(30_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> "erased-subject".equals(outcome("recording", late)));
        assertEquals(0, Db.count("select count(*) from applied_effect where event_id = ?", late));
    }

    /** {@code /elsewhere}'s confirmation that it erased the person of {@code request}, sent at {@code at}. */
    private static void sourceErased(String request, Instant at) {
        String id = UUID.randomUUID().toString();
        TopicProbe.send(
                TOPIC,
                request,
                "{\"requestId\":\"" + request + "\",\"service\":\"elsewhere\"}",
                Map.of(
                        "ce_id", id,
                        "ce_type", "org.praxis.elsewhere.subject.erased.v1",
                        "ce_source", "/elsewhere",
                        "ce_time", at.toString(),
                        "ce_tenant", "acme"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "applied".equals(outcome("source-erasures", id)));
    }

    @Test
    void anEventFromAfterTheSourceErasedThePersonIsTheirNewActivityAndApplies() {
        String person = "client-" + UUID.randomUUID();
        // Erased an hour ago, here and by the source; the person came back under the same account (a new
        // intake, a new risk flag).
        erased(person, "request-3", Instant.now().minusSeconds(3600));
        sourceErased("request-3", Instant.now().minusSeconds(3590));
        String now = thing("acme", "{\"clientSubject\":\"" + person + "\"}");
        drain();
        assertEquals(1, Db.count("select count(*) from applied_effect where event_id = ?", now));
        assertEquals("applied", outcome("recording", now));
    }

    @Test
    void anEventTheSourceSentAfterTheRequestWaitsForItsErasureAndIsThenTheErasedPast() {
        String person = "client-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID();
        String request = "request-" + UUID.randomUUID();
        // Erased here a minute ago; the source reads the request later, and meanwhile still sends their past
        // (with their real id): about them, and naming them as another client's coach.
        erased(person, request, Instant.now().minusSeconds(60));
        erased(coach, request + "-coach", Instant.now().minusSeconds(60));
        String aboutThem = thing("acme", "{\"clientSubject\":\"" + person + "\"}");
        String theirClient = thing("acme", "{\"clientSubject\":\"someone-else\",\"assignedCoach\":\"" + coach + "\"}");
        drain();
        assertEquals(0, Db.count("select count(*) from applied_effect where payload like ?", "%" + person + "%"));
        assertEquals(0, Db.count("select count(*) from applied_effect where event_id = ?", theirClient));
        assertEquals(null, outcome("recording", aboutThem), "neither applied nor dropped");
        assertEquals(
                2,
                Db.count(
                        "select count(*) from parked_event where event_id in (?, ?) and waiting_for = ?",
                        aboutThem,
                        theirClient,
                        "erasure-by:/elsewhere"),
                "parked until the source confirms");
        assertTrue(parked.retry() <= 0, "offered again, still waiting: parked again, not lost");
        assertEquals(2, Db.count("select count(*) from parked_event where event_id in (?, ?)", aboutThem, theirClient));

        // The source erased them after it sent both: both were their past.
        sourceErased(request, Instant.now().plusSeconds(5));
        sourceErased(request + "-coach", Instant.now().plusSeconds(5));
        // Offered again as soon as the confirmations are read, without waiting for a periodic offer.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outcome("recording", aboutThem) != null && outcome("recording", theirClient) != null);
        assertEquals("erased-subject", outcome("recording", aboutThem));
        assertEquals(0, Db.count("select count(*) from applied_effect where event_id = ?", aboutThem));
        assertEquals(
                1,
                Db.count(
                        "select count(*) from applied_effect where event_id = ? and payload like ?",
                        theirClient,
                        "%\"assignedCoach\":\"" + Pseudonyms.of("acme", coach) + "\"%"),
                "the other client's event applies, with the coach's pseudonym");
        assertEquals(0, Db.count("select count(*) from applied_effect where payload like ?", "%" + coach + "%"));
        assertEquals(0, Db.count("select count(*) from parked_event where event_id in (?, ?)", aboutThem, theirClient));

        // Sent after the source's erasure: the person's new activity.
        String later = send(
                "acme",
                "org.praxis.test.thing.happened.v1",
                "thing",
                "{\"clientSubject\":\"" + person + "\"}",
                null,
                Instant.now().plusSeconds(10));
        drain();
        assertEquals("applied", outcome("recording", later));
    }

    @Test
    void anEventAboutAnErasedPersonsPastIsDroppedEvenWhenAnotherPersonInItIsUndecided() {
        String person = "client-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID();
        erased(person, "request-" + UUID.randomUUID(), Instant.now().plusSeconds(3600));
        erased(coach, "request-" + UUID.randomUUID(), Instant.now().minusSeconds(60));
        String event = thing("acme", "{\"clientSubject\":\"" + person + "\",\"assignedCoach\":\"" + coach + "\"}");
        drain();
        assertEquals("erased-subject", outcome("recording", event));
        assertEquals(0, Db.count("select count(*) from parked_event where event_id = ?", event), "not kept waiting");
    }

    @Test
    void aSourcesOwnConfirmationReplacesAnEstimateAndIsKeptOnce() {
        String request = "request-" + UUID.randomUUID();
        Instant estimated = Instant.now().minusSeconds(120);
        EmbeddedPostgres.shared()
                .execute("insert into source_erasure (tenant_id, request_id, source, erased_at, backfilled)"
                        + " values ('acme', '" + request + "', '/elsewhere', '" + estimated + "', true)");
        Instant confirmed = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        sourceErased(request, confirmed);
        sourceErased(request, Instant.now()); // a second confirmation of the same request changes nothing
        assertEquals(
                1,
                Db.count(
                        "select count(*) from source_erasure where request_id = ? and erased_at = ? and not backfilled",
                        request,
                        java.sql.Timestamp.from(confirmed)));
    }

    @Test
    void aWaitingEventWhoseOwnPersonIsErasedMeanwhileGoesWithTheirPast() {
        String person = "client-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID();
        String coachRequest = "request-" + UUID.randomUUID();
        erased(coach, coachRequest, Instant.now().minusSeconds(60));
        String event = thing("acme", "{\"clientSubject\":\"" + person + "\",\"assignedCoach\":\"" + coach + "\"}");
        drain();
        assertEquals(1, Db.count("select count(*) from parked_event where event_id = ?", event), "waits for the coach");

        erased(person, "request-" + UUID.randomUUID(), Instant.now().plusSeconds(3600));
        assertEquals(0, Db.count("select count(*) from parked_event where event_id = ?", event), "their past: gone");
        sourceErased(coachRequest, Instant.now().plusSeconds(5));
        drain();
        assertEquals(null, outcome("recording", event));
        assertEquals(
                0,
                Db.count(
                        "select count(*) from applied_effect where payload like ?",
                        "%" + Pseudonyms.of("acme", person) + "%"),
                "not applied as somebody new under their pseudonym");
    }
}
