package org.praxis.session.api;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TopicProbe;

/** Puts a practitioner.supervisor-changed event on the topic, as assessment-service would, and waits for it. */
final class Supervision {
    private Supervision() {}

    static void assign(String tenant, String practitioner, String supervisor) {
        TopicProbe.send(
                "assessment.events",
                practitioner,
                "{\"practitionerId\":\"" + practitioner + "\",\"supervisorId\":\"" + supervisor + "\"}",
                Map.of(
                        "ce_id",
                        UUID.randomUUID().toString(),
                        "ce_type",
                        "org.praxis.assessment.practitioner.supervisor-changed.v1",
                        "ce_source",
                        "/assessment-service",
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> EmbeddedPostgres.shared()
                                .count(
                                        "select count(*) from practitioner_supervisor where tenant_id = ? and practitioner_id = ? and supervisor_id = ?",
                                        tenant,
                                        practitioner,
                                        supervisor)
                        == 1);
    }
}
