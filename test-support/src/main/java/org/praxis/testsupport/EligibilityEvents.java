package org.praxis.testsupport;

/**
 * {@code eligibility.changed} put on assessment.events as assessment-service would publish it, for the
 * services that keep a replica of who is eligible for what (intake and session).
 */
public final class EligibilityEvents {
    public static final String TYPE = "org.praxis.assessment.eligibility.changed.v1";

    private EligibilityEvents() {}

    /** {@code practitioner} is now eligible for exactly {@code eligibility}; waits until the replica has them. */
    public static void announce(String tenant, String practitioner, String eligibility) {
        TopicProbe.sendEvent(
                "assessment.events",
                TYPE,
                "/assessment-service",
                tenant,
                practitioner,
                "{\"practitionerId\":\"" + practitioner + "\",\"eligibilities\":[\"" + eligibility + "\"]}");
        EmbeddedPostgres.shared()
                .awaitCount(
                        1,
                        "select count(*) from practitioner_eligibility where tenant_id = ? and practitioner_id = ?",
                        tenant,
                        practitioner);
    }
}
