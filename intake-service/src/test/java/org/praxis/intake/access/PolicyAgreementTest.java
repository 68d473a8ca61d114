package org.praxis.intake.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.access.AssignmentPolicy;
import org.praxis.intake.domain.access.DecisionPolicy;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.RiskFlagPolicy;
import org.praxis.intake.domain.access.ScreeningPolicy;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;

/**
 * For every aggregate with per-object relations, every caller shape and every action: the JPQL the
 * policy renders (what lists use), run against PostgreSQL over the fixture population, returns exactly
 * the fixtures the in-memory predicate (what single checks use) accepts — and never another tenant's.
 */
@QuarkusTest
class PolicyAgreementTest {
    @Inject
    EntityManager em;

    private Fixtures fx;
    private int compared;

    @BeforeEach
    void persistFixtures() {
        String t = "agree-" + UUID.randomUUID().toString().substring(0, 8);
        fx = new Fixtures(t, "other-" + t);
        QuarkusTransaction.requiringNew().run(() -> {
            fx.intakes.forEach(em::persist);
            em.flush();
            fx.screenings.forEach(em::persist);
            fx.flags.forEach(em::persist);
            fx.decisions.forEach(em::persist);
            fx.assignments.forEach(em::persist);
        });
    }

    @Test
    void intakeListsAndChecksAgree() {
        for (boolean claiming : List.of(false, true)) {
            IntakePolicy policy = new IntakePolicy(claiming, fx.relations());
            fx.callers().forEach(c -> agree("Intake", policy, fx.intakes, i -> i.id, i -> i.tenantId, c));
            fx.callers().forEach(c -> {
                Map<String, Object> params = new HashMap<>();
                assertEquals(
                        ids(
                                fx.intakes,
                                i -> i.id,
                                i -> i.tenantId.equals(fx.tenant)
                                        && policy.can(c, IntakePolicy.Action.VIEW_TRIAGE_CARD, i)),
                        query("Intake", policy.triageQueueFilter(c, params), params, (Intake i) -> i.id),
                        "triage queue of " + c);
            });
        }
        report("intake");
    }

    @Test
    void screeningListsAndChecksAgree() {
        ScreeningPolicy policy = new ScreeningPolicy(fx.relations());
        fx.callers().forEach(c -> agree("Screening", policy, fx.screenings, s -> s.id, s -> s.tenantId, c));
        report("screening");
    }

    @Test
    void riskFlagListsAndChecksAgree() {
        RiskFlagPolicy policy = new RiskFlagPolicy(fx.relations());
        fx.callers().forEach(c -> agree("RiskFlag", policy, fx.flags, f -> f.id, f -> f.tenantId, c));
        report("risk-flag");
    }

    @Test
    void decisionListsAndChecksAgree() {
        DecisionPolicy policy = new DecisionPolicy(fx.relations());
        fx.callers().forEach(c -> agree("Decision", policy, fx.decisions, d -> d.id, d -> d.tenantId, c));
        report("decision");
    }

    @Test
    void assignmentListsAndChecksAgree() {
        AssignmentPolicy policy = new AssignmentPolicy(fx.relations());
        fx.callers().forEach(c -> agree("Assignment", policy, fx.assignments, a -> a.id, a -> a.tenantId, c));
        report("assignment");
    }

    private <E, A extends Enum<A>> void agree(
            String entity,
            Policy<E, A, ?> policy,
            List<E> fixtures,
            Function<E, UUID> id,
            Function<E, String> tenantOf,
            Caller caller) {
        for (A action : policy.rules().allActions()) {
            Map<String, Object> params = new HashMap<>();
            String where = policy.filter(caller, action).jpql("e", params);
            Set<UUID> listed = query(entity, where, params, id);
            Set<UUID> checked =
                    ids(fixtures, id, e -> tenantOf.apply(e).equals(fx.tenant) && policy.can(caller, action, e));
            assertEquals(checked, listed, entity + " " + action + " for " + caller + " (where " + where + ")");
            Set<UUID> otherTenant = ids(fixtures, id, e -> !tenantOf.apply(e).equals(fx.tenant));
            assertTrue(listed.stream().noneMatch(otherTenant::contains), "another tenant's rows never");
            compared += fixtures.size();
        }
    }

    private <E> Set<UUID> query(String entity, String where, Map<String, Object> params, Function<E, UUID> id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            var q = (jakarta.persistence.TypedQuery<E>) em.createQuery(
                    "select e from " + entity + " e where e.tenantId = :tenant and (" + where + ")", Object.class);
            q.setParameter("tenant", fx.tenant);
            params.forEach(q::setParameter);
            return q.getResultList().stream().map(id).collect(Collectors.toCollection(TreeSet::new));
        });
    }

    private static <E> Set<UUID> ids(List<E> fixtures, Function<E, UUID> id, java.util.function.Predicate<E> keep) {
        return fixtures.stream().filter(keep).map(id).collect(Collectors.toCollection(TreeSet::new));
    }

    private void report(String aggregate) {
        System.out.println(
                "[policy-agreement] " + aggregate + ": " + compared + " fixture decisions compared (list vs check)");
    }
}
