package org.praxis.testsupport;

import java.util.List;

/**
 * {@code practitioner.supervisor-changed} put on assessment.events as assessment-service would publish it, for
 * the services that keep a replica of who supervises whom (intake and session).
 */
public final class SupervisionEvents {
    public static final String TYPE = "org.praxis.assessment.practitioner.supervisor-changed.v1";

    private SupervisionEvents() {}

    /**
     * {@code supervisor} now supervises {@code practitioner} (an event that keeps assessment-service's schema);
     * waits until the replica says so.
     */
    public static void assign(String tenant, String practitioner, String supervisor) {
        String payload = "{\"practitionerId\":\"" + practitioner + "\",\"supervisorId\":\"" + supervisor + "\"}";
        List<String> violations = EventContracts.violations(TYPE, payload);
        if (!violations.isEmpty()) {
            throw new AssertionError("not a " + TYPE + ": " + violations);
        }
        TopicProbe.sendEvent("assessment.events", TYPE, "/assessment-service", tenant, practitioner, payload);
        EmbeddedPostgres.shared()
                .awaitCount(
                        1,
                        "select count(*) from practitioner_supervisor where tenant_id = ? and practitioner_id = ? and supervisor_id = ?",
                        tenant,
                        practitioner,
                        supervisor);
    }
}
