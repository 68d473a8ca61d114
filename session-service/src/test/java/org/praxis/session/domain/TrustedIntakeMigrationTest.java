package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ScratchDatabase;

/**
 * V17 on rows written before it: a completed referral from an engagement keeps that engagement's own intake,
 * one from no engagement none, the engagements after therapy follow, and client-request handovers lose the
 * decision note.
 */
class TrustedIntakeMigrationTest {
    @Test
    void rowsWrittenBeforeKeepOnlyATrustedIntakeAndNoDecisionNote() {
        try (ScratchDatabase at = new ScratchDatabase()) {
            at.migrate("16.1");

            String mine = UUID.randomUUID().toString();
            String theirs = UUID.randomUUID().toString();
            String preceding = UUID.randomUUID().toString();
            engagement(at, preceding, "client-1", mine, null, null);
            // From the engagement, but naming another client's intake.
            referral(at, "r-engagement", "client-1", theirs, preceding);
            engagement(at, UUID.randomUUID().toString(), "client-1", theirs, "r-engagement", preceding);
            // From no engagement (a manual one, or referral-service's own: not recorded which).
            referral(at, "r-nowhere", "client-1", theirs, null);
            engagement(at, UUID.randomUUID().toString(), "client-1", theirs, "r-nowhere", null);
            at.execute("insert into handover (id, tenant_id, engagement_id, from_practitioner, to_practitioner, reason,"
                    + " note, status, offered_by, offered_at) values ('" + UUID.randomUUID() + "', 't', '" + preceding
                    + "', 'coach-a', 'coach-b', 'client-request', 'sealed', 'offered', 'sup', now())");
            at.execute("insert into handover (id, tenant_id, engagement_id, from_practitioner, to_practitioner, reason,"
                    + " note, status, offered_by, offered_at) values ('" + UUID.randomUUID() + "', 't', '" + preceding
                    + "', 'coach-a', 'coach-c', 'scope', 'sealed', 'declined', 'coach-a', now())");

            at.migrate("latest");

            assertEquals(
                    1, at.count("select count(*) from completed_therapy_referral where intake_id = ?::uuid", mine));
            assertEquals(1, at.count("select count(*) from completed_therapy_referral where intake_id is null"));
            assertEquals(0, at.count("select count(*) from engagement where source_intake_id = ?::uuid", theirs));
            assertEquals(
                    1,
                    at.count(
                            "select count(*) from engagement where after_therapy_referral is not null"
                                    + " and source_intake_id = ?::uuid",
                            mine));
            assertEquals(1, at.count("select count(*) from handover where note is null and reason = 'client-request'"));
            assertEquals(1, at.count("select count(*) from handover where note = 'sealed' and reason = 'scope'"));
        }
    }

    private static void engagement(
            ScratchDatabase at, String id, String client, String intake, String referral, String preceding) {
        at.execute("insert into engagement (id, tenant_id, client_subject, practitioner_id, pathway, status,"
                + " source_intake_id, created_by, created_at, version, after_therapy_referral, preceding_engagement_id)"
                + " values ('" + id + "', 't', '" + client + "', 'coach-a', 'coaching', 'draft', '" + intake
                + "', 'coach-a', now(), 0, " + uuidOrNull(referral) + ", " + uuidOrNull(preceding) + ")");
    }

    private static void referral(ScratchDatabase at, String name, String client, String intake, String engagement) {
        at.execute("insert into completed_therapy_referral (id, tenant_id, referral_id, client_subject, intake_id,"
                + " engagement_id, service_kind, completed_at) values ('" + UUID.randomUUID() + "', 't', "
                + uuidOrNull(name) + ", '" + client + "', '" + intake + "', " + uuidOrNull(engagement)
                + ", 'therapy', now())");
    }

    /** Names stand for referral ids: the same name, the same id. */
    private static String uuidOrNull(String value) {
        if (value == null) {
            return "null";
        }
        String id = value.startsWith("r-")
                ? UUID.nameUUIDFromBytes(value.getBytes()).toString()
                : value;
        return "'" + id + "'";
    }
}
