package org.praxis.platform.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;

class PolicyTest {
    record Thing(String owner, String coach) {}

    enum Action {
        VIEW,
        CHANGE
    }

    enum Relation {
        OWN,
        COACHED,
        UNASSIGNED,
        ANY_IN_TENANT
    }

    static final Field<Thing, String> OWNER = Field.of("owner", Thing::owner);
    static final Field<Thing, String> COACH = Field.of("coach", Thing::coach);

    static final class ThingPolicy extends Policy<Thing, Action, Relation> {
        ThingPolicy() {
            super(
                    AccessRules.of("thing", Action.class, Relation.class)
                            .allow(Action.VIEW, Roles.CLIENT, Relation.OWN)
                            .allow(Action.VIEW, Roles.COACH, Relation.COACHED, Relation.UNASSIGNED)
                            .allow(Action.CHANGE, Roles.COACH, Relation.COACHED)
                            .allow(Action.VIEW, Roles.SUPERVISOR, Relation.ANY_IN_TENANT)
                            .audit(Action.VIEW, "read")
                            .build(),
                    Action.VIEW,
                    "Thing");
        }

        @Override
        protected Criterion<Thing> relation(Relation relation, Caller caller) {
            return switch (relation) {
                case OWN -> OWNER.is(caller.subject());
                case COACHED -> COACH.is(caller.subject());
                case UNASSIGNED -> COACH.isNull();
                case ANY_IN_TENANT -> Criterion.all();
            };
        }
    }

    static Caller caller(String subject, String... roles) {
        return new Caller(subject, "acme", Set.of(roles), false);
    }

    final ThingPolicy policy = new ThingPolicy();

    @Test
    void decidesByRelationAndDeniesWhatIsNotGranted() {
        Thing mine = new Thing("c1", "k1");
        Thing unassigned = new Thing("c2", null);
        assertTrue(policy.canView(caller("c1", Roles.CLIENT), mine));
        assertFalse(policy.canView(caller("c2", Roles.CLIENT), mine));
        assertTrue(policy.canView(caller("k1", Roles.COACH), unassigned));
        assertFalse(policy.can(caller("k1", Roles.COACH), Action.CHANGE, unassigned));
        assertTrue(policy.can(caller("k1", Roles.COACH), Action.CHANGE, mine));
        assertFalse(policy.canView(caller("s", Roles.SPONSOR), mine), "no grant, no access");
        assertFalse(policy.canView(caller("x", Roles.ADMIN), mine));
        assertTrue(policy.canView(caller("s", Roles.SUPERVISOR), unassigned));
    }

    @Test
    void refusesUnseenWith404AndSeenWith403() {
        Thing unassigned = new Thing("c2", null);
        ProblemException hidden = assertThrows(
                ProblemException.class,
                () -> policy.require(caller("c1", Roles.CLIENT), Action.CHANGE, unassigned, "id"));
        assertEquals(404, hidden.problem().status());
        ProblemException seen = assertThrows(
                ProblemException.class,
                () -> policy.require(caller("k1", Roles.COACH), Action.CHANGE, unassigned, "id"));
        assertEquals(403, seen.problem().status());
    }

    @Test
    void listFilterRendersTheSameRelations() {
        Map<String, Object> params = new HashMap<>();
        String where = policy.listFilter(caller("k1", Roles.COACH), params);
        assertEquals("(e.coach = :acc0) or (e.coach is null)", where);
        assertEquals(Map.of("acc0", "k1"), params);
        assertEquals("1 = 0", policy.listFilter(caller("s", Roles.SPONSOR), new HashMap<>()));
        assertEquals("1 = 1", policy.listFilter(caller("s", Roles.SUPERVISOR), new HashMap<>()));
    }

    @Test
    void aLazyConditionIsMadeOnlyWhenReachedAndThenOnce() {
        int[] made = {0};
        Criterion<Thing> unassignedOrK1 = COACH.isNull().or(Criterion.lazy(() -> {
            made[0]++;
            return COACH.in(Set.of("k1"));
        }));
        assertTrue(unassignedOrK1.test(new Thing("c1", null)));
        assertEquals(0, made[0], "the short-circuit spares it");
        assertTrue(unassignedOrK1.test(new Thing("c1", "k1")));
        assertFalse(unassignedOrK1.test(new Thing("c1", "k2")));
        Map<String, Object> params = new HashMap<>();
        assertEquals("(e.coach is null) or (e.coach in :acc0)", unassignedOrK1.jpql("e", params));
        assertEquals(Map.of("acc0", Set.of("k1")), params);
        assertEquals(1, made[0], "made once, for tests and the where clause alike");
    }

    @Test
    void aNullSubjectOwnsNothing() {
        assertFalse(OWNER.is(null).test(new Thing(null, null)));
        assertFalse(COACH.in(List.of()).test(new Thing("a", "b")));
    }

    @Test
    void matrixNamesEveryOperationsGuard() {
        AccessMatrix matrix = new AccessMatrix("thing-service", List.of(policy.rules()));
        List<AccessMatrix.Operation> ops = List.of(
                new AccessMatrix.Operation("GET", "/v1/things/{id}", "getThing", "thing:view"),
                new AccessMatrix.Operation("PUT", "/v1/things/{id}", "putThing", null),
                new AccessMatrix.Operation("POST", "/v1/things", "x", "thing:destroy"));
        assertEquals(2, matrix.problems(ops).size());
        String md = matrix.render(ops.subList(0, 1));
        assertTrue(
                md.contains(
                        "| `GET /v1/things/{id}` getThing | thing:view | own | coached, unassigned | any-in-tenant | — | — | read |"),
                md);
    }
}
