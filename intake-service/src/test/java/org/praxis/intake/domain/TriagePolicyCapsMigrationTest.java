package org.praxis.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.ScratchDatabase;

/** V12 on policies stored before the caps: a lax one is brought within them, in order; a cautious one is kept. */
class TriagePolicyCapsMigrationTest {
    @Test
    void aPolicyAboveTheCapsComesDownToThemInOrderAndACautiousOneStays() {
        try (ScratchDatabase at = new ScratchDatabase()) {
            at.migrate("11");
            policy(at, "lax", 27, 21, 25, 20, 24, 19, 40, 6);
            policy(at, "cautious", 12, 12, 8, 8, 3, 3, 8, 2);

            at.migrate("latest");

            assertEquals(
                    1,
                    at.count("select count(*) from triage_policy where tenant_id = 'lax' and phq9_therapy = 20"
                            + " and gad7_therapy = 15 and phq9_integrated = 20 and gad7_integrated = 15 and phq9_monitoring = 10"
                            + " and gad7_monitoring = 10 and wsas_monitoring = 21 and screen_positive_threshold = 3"
                            + " and version = 2"));
            assertEquals(
                    1,
                    at.count(
                            "select count(*) from triage_policy where tenant_id = 'cautious'"
                                    + " and phq9_therapy = 12 and phq9_monitoring = 3 and screen_positive_threshold = 2 and version = 1"));
        }
    }

    private static void policy(ScratchDatabase at, String tenant, int... t) {
        at.execute("insert into triage_policy (tenant_id, phq9_therapy, gad7_therapy, phq9_integrated, gad7_integrated,"
                + " phq9_monitoring, gad7_monitoring, wsas_monitoring, screen_positive_threshold, updated_by,"
                + " updated_at, version) values ('" + tenant + "', " + t[0] + ", " + t[1] + ", " + t[2] + ", " + t[3]
                + ", " + t[4] + ", " + t[5] + ", " + t[6] + ", " + t[7] + ", 'admin-a', now(), 1)");
    }
}
