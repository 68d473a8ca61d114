package org.praxis.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.TopicProbe;

/** Puts referral-service's referral.status-changed on the topic, as it publishes it (checked against its schema). */
public final class TherapyReferrals {
    private TherapyReferrals() {}

    /** A referral of the tenant's client by its coach; {@code engagement} and {@code intake} may be null. */
    public static void status(
            TestTenant t, String referral, String status, String serviceKind, String engagement, String intake) {
        status(t, referral, referral, status, serviceKind, engagement, intake);
    }

    /** The same under another Kafka key: events of one key arrive in order (a test's marker after them). */
    public static void status(
            TestTenant t,
            String key,
            String referral,
            String status,
            String serviceKind,
            String engagement,
            String intake) {
        status(t, key, referral, status, serviceKind, engagement, intake, "manual");
    }

    /** The same, made by {@code origin}: {@code manual}, or referral-service's own drafts ({@code intake-decision}). */
    public static void status(
            TestTenant t,
            String key,
            String referral,
            String status,
            String serviceKind,
            String engagement,
            String intake,
            String origin) {
        String payload = "{\"referralId\":\"" + referral + "\",\"engagementId\":" + quoted(engagement)
                + ",\"intakeId\":" + quoted(intake) + ",\"status\":\"" + status
                + "\",\"urgency\":\"routine\",\"serviceKind\":\"" + serviceKind + "\",\"clientSubject\":\""
                + t.client.subject() + "\",\"practitionerId\":\"" + t.coach.subject() + "\",\"createdBy\":\""
                + t.coach.subject() + "\",\"origin\":\"" + origin + "\"}";
        assertEquals(List.of(), EventContracts.violations("org.praxis.referral.referral.status-changed.v1", payload));
        TopicProbe.sendEvent(
                "referral.events",
                "org.praxis.referral.referral.status-changed.v1",
                "/referral-service",
                t.id,
                key,
                payload);
    }

    private static String quoted(String id) {
        return id == null ? "null" : "\"" + id + "\"";
    }
}
