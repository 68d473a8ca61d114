package org.praxis.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/**
 * Engagements drafted from a decided intake and intake-service's trajectory.changed for them, as intake-service
 * would send both (issue 21).
 */
public final class Monitoring {
    public static final String TRAJECTORY_CHANGED = "org.praxis.intake.trajectory.changed.v1";

    private Monitoring() {}

    /** An engagement of {@code t}'s coach and client drafted from {@code intake}, its contract accepted by both. */
    public static String activeFromIntake(TestTenant t, String intake) {
        String id = MonitoredEngagements.decided(t, intake, "coaching-with-monitoring");
        MonitoredEngagements.activate(t, id);
        return id;
    }

    /** One instrument's trajectory on {@code intake}, checked against intake-service's schema. */
    public record Change(
            String instrument,
            int baselineTotal,
            int latestTotal,
            String baselineBand,
            String latestBand,
            String classification,
            boolean deteriorated) {
        public String payload(String intake, String client, String screening) {
            String p = "{\"intakeId\":\"" + intake + "\",\"clientSubject\":\"" + client + "\",\"instrument\":\""
                    + instrument + "\",\"screeningId\":\"" + screening + "\",\"baselineScreeningId\":\""
                    + UUID.nameUUIDFromBytes((intake + instrument).getBytes()) + "\",\"baselineTotal\":"
                    + baselineTotal + ",\"latestTotal\":" + latestTotal + ",\"baselineBand\":\"" + baselineBand
                    + "\",\"latestBand\":\"" + latestBand + "\",\"classification\":\"" + classification
                    + "\",\"deteriorated\":" + deteriorated + ",\"thresholdsVersion\":\"change-thresholds-v1\"}";
            assertEquals(List.of(), EventContracts.violations(TRAJECTORY_CHANGED, p), "as intake-service sends it");
            return p;
        }
    }

    /** CloudEvents headers of a new trajectory.changed in {@code tenant}. */
    public static Map<String, String> headers(String tenant) {
        return Map.of(
                "ce_id",
                UUID.randomUUID().toString(),
                "ce_type",
                TRAJECTORY_CHANGED,
                "ce_source",
                "/intake-service",
                "ce_tenant",
                tenant,
                "ce_time",
                Instant.now().toString());
    }

    /** Waits until session-service has taken each event (applied, ignored or superseded). */
    public static void awaitTaken(String... eventIds) {
        for (String id : eventIds) {
            EmbeddedPostgres.shared()
                    .awaitCount(
                            1,
                            "select count(*) from inbox_event where consumer = 'session-trajectory-changed' and event_id = ?",
                            id);
        }
    }

    /** Sends {@code change} for the client of {@code t} on {@code intake} as a new screening and waits until taken. */
    public static void send(TestTenant t, String intake, Change change) {
        Map<String, String> h = headers(t.id);
        TopicProbe.send(
                "intake.events",
                intake,
                change.payload(intake, t.client.subject(), UUID.randomUUID().toString()),
                h);
        awaitTaken(h.get("ce_id"));
    }
}
