package org.praxis.assessment.access;

import static org.praxis.assessment.access.MatrixTable.MY_SUPERVISEE;
import static org.praxis.assessment.access.MatrixTable.records;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.assessment.domain.Practitioner;
import org.praxis.assessment.domain.Settings;
import org.praxis.assessment.domain.SupervisionSession;
import org.praxis.assessment.domain.access.AssessmentPolicy;
import org.praxis.assessment.domain.access.DevelopmentActionPolicy;
import org.praxis.assessment.domain.access.EvidencePolicy;
import org.praxis.assessment.domain.access.FrameworkPolicy;
import org.praxis.assessment.domain.access.PractitionerPolicy;
import org.praxis.assessment.domain.access.RegistrationPolicy;
import org.praxis.assessment.domain.access.SettingsPolicy;
import org.praxis.assessment.domain.access.SupervisionRecordPolicy;
import org.praxis.platform.privacy.SubjectExportPolicy;

/**
 * The role × relation matrix of every assessment-service aggregate, written out by hand: who reaches
 * which action on their own record, a supervisee's, and a stranger's. Another tenant's objects never
 * reach a policy (every query is tenant-scoped); the agreement test covers them.
 */
class AccessMatrixTableTest {
    private static final Set<String> SUPERVISEES = Set.of(MY_SUPERVISEE);
    private static int total;

    @AfterAll
    static void printTotal() {
        System.out.printf("access matrix assessment-service: %d cells%n", total);
    }

    private static Practitioner practitioner(String subject, String supervisor) {
        Practitioner p = PractitionerPolicy.proposed(subject);
        p.supervisorId = supervisor;
        return p;
    }

    @Test
    void practitioner() {
        Map<String, Practitioner> fixtures = new LinkedHashMap<>();
        fixtures.put("own", practitioner(MatrixTable.ME, "my-supervisor"));
        fixtures.put("supervisee", practitioner(MY_SUPERVISEE, MatrixTable.ME));
        fixtures.put("stranger", practitioner(MatrixTable.STRANGER, "someone-else"));
        fixtures.put("unsupervised", practitioner("unsupervised", null));
        total += MatrixTable.check(
                "practitioner",
                new PractitionerPolicy(),
                PractitionerPolicy.Action.class,
                fixtures,
                // action                 | client | coach | supervisor     | sponsor | admin
                "view                     | -      | own   | own,supervisee | -       | own,supervisee,stranger,unsupervised",
                "create                   | -      | own   | own            | -       | own,supervisee,stranger,unsupervised",
                "update                   | -      | own   | own            | -       | own,supervisee,stranger,unsupervised",
                "assign-supervisor        | -      | -     | -              | -       | supervisee,stranger,unsupervised",
                "view-competence-profile  | -      | own   | own,supervisee | -       | -",
                "view-eligibility         | -      | own   | own,supervisee | -       | -");
    }

    @Test
    void registration() {
        total += MatrixTable.check(
                "registration",
                new RegistrationPolicy(SUPERVISEES),
                RegistrationPolicy.Action.class,
                records(RegistrationPolicy::proposed),
                // action | client | coach | supervisor     | sponsor | admin
                "view     | -      | own   | own,supervisee | -       | own,supervisee,stranger",
                "create   | -      | own   | own            | -       | -",
                "update   | -      | own   | own            | -       | -",
                "verify   | -      | -     | -              | -       | supervisee,stranger");
    }

    @Test
    void evidence() {
        total += MatrixTable.check(
                "evidence",
                new EvidencePolicy(SUPERVISEES),
                EvidencePolicy.Action.class,
                records(EvidencePolicy::proposed),
                // action | client | coach | supervisor     | sponsor | admin
                "view     | -      | own   | own,supervisee | -       | -",
                "create   | -      | own   | own            | -       | -",
                "verify   | -      | -     | supervisee     | -       | -");
    }

    @Test
    void supervisionRecord() {
        // Who held it counts for its verification: the supervisor it names, whoever supervises now.
        Map<String, SupervisionSession> sessions = new LinkedHashMap<>();
        sessions.put("own", SupervisionRecordPolicy.proposed(MatrixTable.ME, "my-supervisor"));
        sessions.put("supervisee", SupervisionRecordPolicy.proposed(MY_SUPERVISEE, MatrixTable.ME));
        sessions.put("supervisee-held-by-another", SupervisionRecordPolicy.proposed(MY_SUPERVISEE, "my-predecessor"));
        sessions.put("held-by-me", SupervisionRecordPolicy.proposed(MatrixTable.STRANGER, MatrixTable.ME));
        sessions.put("stranger", SupervisionRecordPolicy.proposed(MatrixTable.STRANGER, "someone-else"));
        total += MatrixTable.check(
                "supervision-record",
                new SupervisionRecordPolicy(SUPERVISEES),
                SupervisionRecordPolicy.Action.class,
                sessions,
                // action | client | coach | supervisor                                          | sponsor | admin
                "view     | -      | own   | own,supervisee,supervisee-held-by-another,held-by-me | -       | -",
                "record   | -      | own   | own,supervisee,supervisee-held-by-another            | -       | -",
                "verify   | -      | -     | supervisee,held-by-me                                | -       | -");
    }

    @Test
    void assessment() {
        total += MatrixTable.check(
                "assessment",
                new AssessmentPolicy(SUPERVISEES),
                AssessmentPolicy.Action.class,
                records(AssessmentPolicy::proposed),
                // action         | client | coach | supervisor     | sponsor | admin
                "view             | -      | own   | own,supervisee | -       | -",
                "open             | -      | own   | own,supervisee | -       | -",
                "rate-self        | -      | own   | own            | -       | -",
                "rate-as-assessor | -      | -     | supervisee     | -       | -",
                "complete         | -      | -     | supervisee     | -       | -");
    }

    @Test
    void developmentAction() {
        total += MatrixTable.check(
                "development-action",
                new DevelopmentActionPolicy(SUPERVISEES),
                DevelopmentActionPolicy.Action.class,
                records(DevelopmentActionPolicy::proposed),
                // action | client | coach | supervisor     | sponsor | admin
                "view     | -      | own   | own,supervisee | -       | -",
                "create   | -      | own   | own,supervisee | -       | -",
                "complete | -      | own   | own,supervisee | -       | -");
    }

    @Test
    void settings() {
        total += MatrixTable.check(
                "settings",
                new SettingsPolicy(),
                SettingsPolicy.Action.class,
                Map.of("tenant", new Settings.Values(BuiltInFramework.CODE, BuiltInFramework.VERSION, 6000, 600)),
                // action | client | coach  | supervisor | sponsor | admin
                "view     | -      | tenant | tenant     | -       | tenant",
                "replace  | -      | -      | -          | -       | tenant");
    }

    @Test
    void framework() {
        total += MatrixTable.check(
                "framework",
                new FrameworkPolicy(),
                FrameworkPolicy.Action.class,
                Map.of("built-in", BuiltInFramework.framework()),
                // action    | client | coach    | supervisor | sponsor | admin
                "view        | -      | built-in | built-in   | -       | built-in",
                "export-case | -      | built-in | built-in   | -       | built-in",
                "import      | -      | -        | -          | -       | built-in");
    }

    @Test
    void subjectExport() {
        total += MatrixTable.check(
                "subject",
                new SubjectExportPolicy(),
                SubjectExportPolicy.Action.class,
                Map.of("anyone", "someone-of-the-tenant"),
                // action | client | coach | supervisor | sponsor | admin
                "export   | -      | -     | -          | -       | anyone");
    }
}
