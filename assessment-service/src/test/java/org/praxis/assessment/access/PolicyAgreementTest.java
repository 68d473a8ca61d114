package org.praxis.assessment.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.domain.AccessPolicies;
import org.praxis.assessment.domain.Assessment;
import org.praxis.assessment.domain.BuiltInFramework;
import org.praxis.assessment.domain.DevelopmentAction;
import org.praxis.assessment.domain.Evidence;
import org.praxis.assessment.domain.Practitioner;
import org.praxis.assessment.domain.Registration;
import org.praxis.assessment.domain.SupervisionSession;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

/**
 * The list filter and the single-object check of each policy agree: over a fixture population covering
 * every role × relation (own, supervised, another coach's, unsupervised, a supervisor's own, another
 * tenant's — under the same subjects), the list query returns exactly the fixtures {@code canView}
 * accepts, and never another tenant's.
 */
@QuarkusTest
class PolicyAgreementTest {
    private static final String COACH_A = "coach-a"; // supervised by SUP_A
    private static final String COACH_B = "coach-b"; // supervised by SUP_B
    private static final String COACH_C = "coach-c"; // no supervisor yet
    private static final String SUP_A = "sup-a"; // supervised by SUP_B
    private static final String SUP_B = "sup-b"; // no supervisor
    private static final Map<String, String> SUPERVISOR_OF = Map.of(COACH_A, SUP_A, COACH_B, SUP_B, SUP_A, SUP_B);

    @Inject
    EntityManager em;

    @Inject
    PolicyAgreement agreement;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherTenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Practitioner> practitioners = new ArrayList<>();
    private final List<Registration> registrations = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<SupervisionSession> sessions = new ArrayList<>();
    private final List<Assessment> assessments = new ArrayList<>();
    private final List<DevelopmentAction> actions = new ArrayList<>();

    @BeforeEach
    void population() {
        for (String t : List.of(tenant, otherTenant)) {
            for (String subject : List.of(COACH_A, COACH_B, COACH_C, SUP_A, SUP_B)) {
                records(t, subject, SUPERVISOR_OF.get(subject));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            practitioners.forEach(em::persist);
            registrations.forEach(em::persist);
            evidence.forEach(em::persist);
            sessions.forEach(em::persist);
            assessments.forEach(em::persist);
            actions.forEach(em::persist);
        });
    }

    private void records(String t, String subject, String supervisor) {
        Instant now = Instant.now();
        Practitioner p = new Practitioner();
        p.id = UUID.randomUUID();
        p.tenantId = t;
        p.subject = subject;
        p.displayName(subject);
        p.roles = List.of("coach");
        p.supervisorId = supervisor;
        p.createdBy = "fixture";
        p.createdAt = now;
        practitioners.add(p);
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.tenantId = t;
        r.practitionerId = subject;
        r.kind = Registration.THERAPY_REGISTER;
        r.body = "Register";
        r.number("R-1");
        r.expiresOn = LocalDate.now().plusYears(1);
        r.createdAt = now;
        registrations.add(r);
        Evidence e = new Evidence();
        e.id = UUID.randomUUID();
        e.tenantId = t;
        e.practitionerId = subject;
        e.kind = Evidence.PRACTICE_HOURS;
        e.occurredOn = LocalDate.now();
        e.competences = List.of();
        e.minutes = 60;
        e.recordedBy = subject;
        e.recordedAt = now;
        evidence.add(e);
        SupervisionSession s = new SupervisionSession();
        s.id = UUID.randomUUID();
        s.tenantId = t;
        s.superviseeId = subject;
        s.supervisorId = supervisor == null ? "nobody" : supervisor;
        s.heldOn = LocalDate.now();
        s.durationMinutes = 60;
        s.competences = List.of();
        s.recordedBy = subject;
        s.recordedAt = now;
        sessions.add(s);
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.tenantId = t;
        a.practitionerId = subject;
        a.frameworkCode = BuiltInFramework.CODE;
        a.frameworkVersion = BuiltInFramework.VERSION;
        a.status = Assessment.OPEN;
        a.openedBy = subject;
        a.openedAt = now;
        assessments.add(a);
        DevelopmentAction d = new DevelopmentAction();
        d.id = UUID.randomUUID();
        d.tenantId = t;
        d.practitionerId = subject;
        d.competenceCode = "D1.A1.1.1";
        d.action("Practise");
        d.dueOn = LocalDate.now().plusDays(7);
        d.createdBy = subject;
        d.createdAt = now;
        actions.add(d);
    }

    /** Every role, in the roles' relations to the population, and callers of the other tenant under the same subjects. */
    private List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (String t : List.of(tenant, otherTenant)) {
            callers.add(new Caller("client-1", t, Set.of(Roles.CLIENT), false));
            callers.add(new Caller(COACH_A, t, Set.of(Roles.COACH), false));
            callers.add(new Caller(COACH_C, t, Set.of(Roles.COACH), false));
            callers.add(new Caller(SUP_A, t, Set.of(Roles.SUPERVISOR), false));
            callers.add(new Caller(SUP_B, t, Set.of(Roles.SUPERVISOR), false));
            callers.add(new Caller(SUP_A, t, Set.of(Roles.SUPERVISOR, Roles.COACH), false));
            callers.add(new Caller("sponsor-1", t, Set.of(Roles.SPONSOR), false));
            callers.add(new Caller("admin-1", t, Set.of(Roles.ADMIN), false));
            callers.add(new Caller(COACH_B, t, Set.of(Roles.ADMIN, Roles.COACH), false));
        }
        return callers;
    }

    private <E> int agree(
            String aggregate,
            Class<E> type,
            Function<AccessPolicies, Policy<E, ?, ?>> policy,
            Function<E, String> tenantOf,
            Function<E, Object> id,
            List<E> fixtures) {
        int compared = 0;
        for (Caller caller : callers()) {
            PolicyAgreement.Outcome o = agreement.compare(caller, type, policy, tenantOf, id, fixtures);
            assertEquals(o.viewable(), o.listed(), aggregate + ": list and single check disagree for " + caller);
            Set<Object> elsewhere = fixtures.stream()
                    .filter(f -> !caller.tenantId().equals(tenantOf.apply(f)))
                    .map(id)
                    .collect(java.util.stream.Collectors.toSet());
            assertFalse(
                    o.listed().stream().anyMatch(elsewhere::contains),
                    aggregate + ": another tenant's row listed for " + caller);
            compared += fixtures.size();
        }
        System.out.printf("policy agreement %s: %d caller × fixture pairs%n", aggregate, compared);
        return compared;
    }

    @Test
    void practitioner() {
        agree(
                "practitioner",
                Practitioner.class,
                AccessPolicies::practitioner,
                p -> p.tenantId,
                p -> p.id,
                practitioners);
    }

    @Test
    void registration() {
        agree(
                "registration",
                Registration.class,
                AccessPolicies::registration,
                r -> r.tenantId,
                r -> r.id,
                registrations);
    }

    @Test
    void evidence() {
        agree("evidence", Evidence.class, AccessPolicies::evidence, e -> e.tenantId, e -> e.id, evidence);
    }

    @Test
    void supervisionRecord() {
        agree(
                "supervision-record",
                SupervisionSession.class,
                AccessPolicies::supervision,
                s -> s.tenantId,
                s -> s.id,
                sessions);
    }

    @Test
    void assessment() {
        agree("assessment", Assessment.class, AccessPolicies::assessment, a -> a.tenantId, a -> a.id, assessments);
    }

    @Test
    void developmentAction() {
        agree(
                "development-action",
                DevelopmentAction.class,
                AccessPolicies::developmentAction,
                d -> d.tenantId,
                d -> d.id,
                actions);
    }
}
