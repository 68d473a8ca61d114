package org.praxis.intake.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.praxis.intake.domain.Assignment;
import org.praxis.intake.domain.Decision;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.RiskFlag;
import org.praxis.intake.domain.RiskFlagLifecycle;
import org.praxis.intake.domain.Screening;
import org.praxis.intake.domain.TriagePolicy;
import org.praxis.intake.domain.access.AssignmentPolicy;
import org.praxis.intake.domain.access.DecisionPolicy;
import org.praxis.intake.domain.access.InstrumentPolicy;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.IntakeRelations;
import org.praxis.intake.domain.access.RiskFlagPolicy;
import org.praxis.intake.domain.access.ScreeningPolicy;
import org.praxis.intake.domain.access.TriageSettingsPolicy;
import org.praxis.platform.access.Policy;
import org.praxis.platform.privacy.SubjectExportPolicy;
import org.praxis.platform.security.Caller;

/**
 * Role × relation × action, written out by hand (not derived from the policies' grant tables): each
 * row names, for one action and role, the fixture relations through which the role reaches it;
 * every other cell of the row is asserted refused. The caller is always "me"; the fixtures are
 * described relative to "me".
 */
class RoleRelationMatrixTest {
    private static final String ME = "me";
    private static final List<String> ROLES = List.of("client", "coach", "supervisor", "sponsor", "admin");
    private static final Map<String, Integer> CELLS = new LinkedHashMap<>();

    // ------------------------------------------------------------------ fixtures relative to "me"

    private static Intake intake(String client, String coach, String status, String sponsorOrg) {
        Intake i = new Intake();
        i.id = UUID.randomUUID();
        i.tenantId = "t";
        i.clientSubject = client;
        i.assignedCoach = coach;
        i.status = status;
        i.sponsorOrganisation = sponsorOrg;
        i.createdAt = Instant.now();
        return i;
    }

    /**
     * own: my intake, assigned to another coach; own-waiting: mine, no coach; assigned: assigned to me; ...;
     * supervised: assigned to a coach I supervise.
     */
    private static final Map<String, Intake> INTAKES = new LinkedHashMap<>();

    static {
        INTAKES.put("own", intake(ME, "k-other", Intake.OPEN, null));
        INTAKES.put("own-waiting", intake(ME, null, Intake.OPEN, null));
        INTAKES.put("assigned", intake("c-other", ME, Intake.OPEN, null));
        INTAKES.put("another-coach", intake("c-other", "k-other", Intake.OPEN, null));
        INTAKES.put("waiting", intake("c-other", null, Intake.OPEN, null));
        INTAKES.put("unassigned-decided", intake("c-other", null, Intake.DECIDED, null));
        INTAKES.put("sponsor-party", intake("c-other", "k-other", Intake.OPEN, "org-of-me"));
        INTAKES.put("supervised", intake("c-other", "k-supervised", Intake.OPEN, null));
    }

    /** "me", as a supervisor, supervises k-supervised (and nobody else). */
    private static IntakeRelations relations() {
        return new IntakeRelations(RoleRelationMatrixTest::byId, caller -> Set.of("k-supervised"));
    }

    private static Intake byId(UUID id) {
        return INTAKES.values().stream()
                .filter(i -> i.id.equals(id))
                .findFirst()
                .orElse(null);
    }

    // ------------------------------------------------------------------ the expected tables

    /** Rows: "action | role | relations reached ("-" for none, "all" for every fixture)". */
    private static final String INTAKE_NO_CLAIMING = """
            view                | client     | own, own-waiting
            view                | coach      | assigned
            view                | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            view                | sponsor    | -
            view                | admin      | -
            open                | client     | own-waiting
            open                | coach      | assigned
            open                | supervisor | all
            open                | sponsor    | -
            open                | admin      | all
            view-triage-card    | client     | -
            view-triage-card    | coach      | -
            view-triage-card    | supervisor | own-waiting, waiting
            view-triage-card    | sponsor    | -
            view-triage-card    | admin      | -
            claim               | client     | -
            claim               | coach      | -
            claim               | supervisor | -
            claim               | sponsor    | -
            claim               | admin      | -
            assign-coach        | client     | -
            assign-coach        | coach      | -
            assign-coach        | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            assign-coach        | sponsor    | -
            assign-coach        | admin      | -
            send-instrument     | client     | -
            send-instrument     | coach      | assigned
            send-instrument     | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            send-instrument     | sponsor    | -
            send-instrument     | admin      | -
            submit-screening    | client     | own, own-waiting
            submit-screening    | coach      | assigned
            submit-screening    | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            submit-screening    | sponsor    | -
            submit-screening    | admin      | -
            view-recommendation | client     | -
            view-recommendation | coach      | assigned
            view-recommendation | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            view-recommendation | sponsor    | -
            view-recommendation | admin      | -
            decide              | client     | -
            decide              | coach      | assigned
            decide              | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            decide              | sponsor    | -
            decide              | admin      | -
            raise-risk-flag     | client     | -
            raise-risk-flag     | coach      | assigned
            raise-risk-flag     | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            raise-risk-flag     | sponsor    | -
            raise-risk-flag     | admin      | -
            view-own-pathway    | client     | own, own-waiting
            view-own-pathway    | coach      | -
            view-own-pathway    | supervisor | -
            view-own-pathway    | sponsor    | -
            view-own-pathway    | admin      | -
            record-preference   | client     | own, own-waiting
            record-preference   | coach      | -
            record-preference   | supervisor | -
            record-preference   | sponsor    | -
            record-preference   | admin      | -
            recheck-suitability | client     | -
            recheck-suitability | coach      | assigned
            recheck-suitability | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            recheck-suitability | sponsor    | -
            recheck-suitability | admin      | -
            view-suitability-checks | client     | -
            view-suitability-checks | coach      | assigned
            view-suitability-checks | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            view-suitability-checks | sponsor    | -
            view-suitability-checks | admin      | -
            """;

    /** Where the tenant lets coaches claim, only these rows change. */
    private static final String INTAKE_CLAIMING_CHANGES = """
            view-triage-card    | coach      | own-waiting, waiting
            claim               | coach      | own-waiting, waiting
            """;

    private static final String SCREENING = """
            view-score          | client     | own, own-waiting
            view-score          | coach      | assigned
            view-score          | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            view-score          | sponsor    | -
            view-score          | admin      | -
            view-answers        | client     | -
            view-answers        | coach      | assigned
            view-answers        | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            view-answers        | sponsor    | -
            view-answers        | admin      | -
            view-trajectory     | client     | -
            view-trajectory     | coach      | assigned
            view-trajectory     | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            view-trajectory     | sponsor    | -
            view-trajectory     | admin      | -
            """;

    private static final String RISK_FLAG = """
            view                | client     | -
            view                | coach      | assigned
            view                | supervisor | own, own-waiting, assigned, another-coach, waiting, unassigned-decided, sponsor-party, supervised, closed-supervised
            view                | sponsor    | -
            view                | admin      | -
            move                | client     | -
            move                | coach      | assigned
            move                | supervisor | own, own-waiting, assigned, another-coach, waiting, unassigned-decided, sponsor-party, supervised, closed-supervised
            move                | sponsor    | -
            move                | admin      | -
            """;

    /**
     * Decisions: names-me (on another coach's intake), names-another, names-nobody, on-assigned-intake (names
     * another), on-supervised-intake (names another).
     */
    private static final String DECISION = """
            view                | client     | -
            view                | coach      | on-assigned-intake
            view                | supervisor | on-assigned-intake, on-supervised-intake
            view                | sponsor    | -
            view                | admin      | -
            record              | client     | -
            record              | coach      | names-me, names-nobody
            record              | supervisor | all
            record              | sponsor    | -
            record              | admin      | -
            """;

    private static final String ASSIGNMENT = """
            view                | client     | own, own-waiting
            view                | coach      | assigned
            view                | supervisor | own-waiting, assigned, waiting, unassigned-decided, supervised
            view                | sponsor    | -
            view                | admin      | -
            view-own            | client     | own, own-waiting
            view-own            | coach      | -
            view-own            | supervisor | -
            view-own            | sponsor    | -
            view-own            | admin      | -
            """;

    private static final String INSTRUMENT = """
            view                | client     | all
            view                | coach      | all
            view                | supervisor | all
            view                | sponsor    | -
            view                | admin      | all
            view-scoring        | client     | -
            view-scoring        | coach      | all
            view-scoring        | supervisor | all
            view-scoring        | sponsor    | -
            view-scoring        | admin      | all
            publish             | client     | -
            publish             | coach      | -
            publish             | supervisor | -
            publish             | sponsor    | -
            publish             | admin      | all
            """;

    private static final String TRIAGE_POLICY = """
            view                | client     | -
            view                | coach      | all
            view                | supervisor | all
            view                | sponsor    | -
            view                | admin      | all
            replace             | client     | -
            replace             | coach      | -
            replace             | supervisor | -
            replace             | sponsor    | -
            replace             | admin      | all
            """;

    private static final String SUBJECT_EXPORT = """
            export              | client     | -
            export              | coach      | -
            export              | supervisor | -
            export              | sponsor    | -
            export              | admin      | all
            """;

    // ------------------------------------------------------------------ the tests

    @Test
    void intake() {
        Map<String, Intake> fixtures = INTAKES;
        check("intake (claiming off)", new IntakePolicy(false, relations()), fixtures, INTAKE_NO_CLAIMING);
        check(
                "intake (claiming on)",
                new IntakePolicy(true, relations()),
                fixtures,
                override(INTAKE_NO_CLAIMING, INTAKE_CLAIMING_CHANGES));
    }

    @Test
    void screening() {
        Map<String, Screening> fixtures = new LinkedHashMap<>();
        INTAKES.forEach((name, i) -> {
            Screening s = new Screening();
            s.id = UUID.randomUUID();
            s.intakeId = i.id;
            fixtures.put(name, s);
        });
        check("screening", new ScreeningPolicy(relations()), fixtures, SCREENING);
    }

    @Test
    void riskFlag() {
        Map<String, RiskFlag> fixtures = new LinkedHashMap<>();
        INTAKES.forEach((name, i) -> fixtures.put(name, flag(i, RiskFlagLifecycle.RAISED)));
        // The risk queue is every flag not closed; a closed one only the intake's.
        fixtures.put("closed-another-coach", flag(INTAKES.get("another-coach"), RiskFlagLifecycle.CLOSED));
        fixtures.put("closed-supervised", flag(INTAKES.get("supervised"), RiskFlagLifecycle.CLOSED));
        check("risk-flag", new RiskFlagPolicy(relations()), fixtures, RISK_FLAG);
    }

    @Test
    void decision() {
        Map<String, Decision> fixtures = new LinkedHashMap<>();
        fixtures.put("names-me", decision(INTAKES.get("another-coach"), ME));
        fixtures.put("names-another", decision(INTAKES.get("another-coach"), "k-other"));
        fixtures.put("names-nobody", decision(INTAKES.get("another-coach"), null));
        fixtures.put("on-assigned-intake", decision(INTAKES.get("assigned"), "k-other"));
        fixtures.put("on-supervised-intake", decision(INTAKES.get("supervised"), "k-other"));
        check("decision", new DecisionPolicy(relations()), fixtures, DECISION);
    }

    @Test
    void assignment() {
        Map<String, Assignment> fixtures = new LinkedHashMap<>();
        INTAKES.forEach((name, i) -> fixtures.put(name, assignment(i)));
        check("assignment", new AssignmentPolicy(relations()), fixtures, ASSIGNMENT);
    }

    @Test
    void settingsAndExport() {
        check(
                "instrument",
                new InstrumentPolicy(),
                Map.of(
                        "tenant's",
                        org.praxis.intake.domain.BuiltInInstruments.byCode("PHQ-9")
                                .orElseThrow()),
                INSTRUMENT);
        check("triage-policy", new TriageSettingsPolicy(), Map.of("tenant's", TriagePolicy.defaults()), TRIAGE_POLICY);
        check("subject-export", new SubjectExportPolicy(), Map.of("any subject", "someone"), SUBJECT_EXPORT);
    }

    @AfterAll
    static void printCounts() {
        CELLS.forEach((aggregate, n) -> System.out.println("[access-matrix] " + aggregate + ": " + n + " cells"));
        System.out.println("[access-matrix] intake-service total: "
                + CELLS.values().stream().mapToInt(Integer::intValue).sum() + " cells");
    }

    // ------------------------------------------------------------------ helpers

    private static RiskFlag flag(Intake on, String status) {
        RiskFlag f = new RiskFlag();
        f.id = UUID.randomUUID();
        f.intakeId = on.id;
        f.status = status;
        return f;
    }

    private static Decision decision(Intake on, String practitioner) {
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.intakeId = on.id;
        d.practitionerId = practitioner;
        return d;
    }

    private static Assignment assignment(Intake to) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.intakeId = to.id;
        a.clientSubject = to.clientSubject;
        return a;
    }

    private static String override(String table, String changes) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : (table + changes).strip().split("\n")) {
            String[] cells = line.split("\\|");
            rows.put(cells[0].strip() + "|" + cells[1].strip(), line);
        }
        return String.join("\n", rows.values());
    }

    private static <E, A extends Enum<A>> void check(
            String aggregate, Policy<E, A, ?> policy, Map<String, E> fixtures, String table) {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        Set<String> rowsSeen = new java.util.HashSet<>();
        for (String line : table.strip().split("\n")) {
            String[] parts = line.split("\\|");
            String actionLabel = parts[0].strip();
            String role = parts[1].strip();
            String reached = parts[2].strip();
            A action = policy.rules().allActions().stream()
                    .filter(a -> a.name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-')
                            .equals(actionLabel))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(aggregate + ": no action " + actionLabel));
            rowsSeen.add(actionLabel + "|" + role);
            Set<String> expected = reached.equals("-")
                    ? Set.of()
                    : reached.equals("all") ? fixtures.keySet() : Set.of(reached.split("\\s*,\\s*"));
            Caller caller = new Caller(ME, "t", Set.of(role), false);
            for (Map.Entry<String, E> f : fixtures.entrySet()) {
                boolean want = expected.contains(f.getKey());
                boolean got = policy.can(caller, action, f.getValue());
                cells++;
                if (want != got) {
                    mismatches.add(actionLabel + " | " + role + " | " + f.getKey() + ": expected " + want
                            + ", policy says " + got);
                }
            }
        }
        // The table covers every action for every role.
        for (A action : policy.rules().allActions()) {
            for (String role : ROLES) {
                String key = action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "|" + role;
                if (!rowsSeen.contains(key)) {
                    mismatches.add("no expected row for " + key);
                }
            }
        }
        CELLS.merge(aggregate.replaceAll(" \\(.*", ""), cells, Integer::sum);
        assertEquals(List.of(), mismatches, aggregate);
    }
}
