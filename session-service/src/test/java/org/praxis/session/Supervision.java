package org.praxis.session;

import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TopicProbe;

/** Puts a practitioner.supervisor-changed event on the topic, as assessment-service would, and waits for it. */
public final class Supervision {
    private Supervision() {}

    public static void assign(String tenant, String practitioner, String supervisor) {
        TopicProbe.sendEvent(
                "assessment.events",
                "org.praxis.assessment.practitioner.supervisor-changed.v1",
                "/assessment-service",
                tenant,
                practitioner,
                "{\"practitionerId\":\"" + practitioner + "\",\"supervisorId\":\"" + supervisor + "\"}");
        EmbeddedPostgres.shared()
                .awaitCount(
                        1,
                        "select count(*) from practitioner_supervisor where tenant_id = ? and practitioner_id = ? and supervisor_id = ?",
                        tenant,
                        practitioner,
                        supervisor);
    }
}
