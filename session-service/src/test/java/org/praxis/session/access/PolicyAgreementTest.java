package org.praxis.session.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.ActionItem;
import org.praxis.session.domain.CoachingSession;
import org.praxis.session.domain.Contract;
import org.praxis.session.domain.ContractParty;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.EngagementLifecycle;
import org.praxis.session.domain.Goal;
import org.praxis.session.domain.MonitoringMeasure;
import org.praxis.session.domain.MonitoringPlan;
import org.praxis.session.domain.ProgressSummary;
import org.praxis.session.domain.ProgressSummaryLifecycle;
import org.praxis.session.domain.Review;
import org.praxis.session.domain.RiskConcern;
import org.praxis.session.domain.SessionCharge;
import org.praxis.session.domain.SessionNote;
import org.praxis.session.domain.access.ActionItemPolicy;
import org.praxis.session.domain.access.ChargePolicy;
import org.praxis.session.domain.access.ContractPolicy;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.access.EngagementRelations;
import org.praxis.session.domain.access.GoalPolicy;
import org.praxis.session.domain.access.MonitoringMeasurePolicy;
import org.praxis.session.domain.access.MonitoringPlanPolicy;
import org.praxis.session.domain.access.NotePolicy;
import org.praxis.session.domain.access.ProgressSummaryPolicy;
import org.praxis.session.domain.access.ReviewPolicy;
import org.praxis.session.domain.access.RiskConcernPolicy;
import org.praxis.session.domain.access.SessionPolicy;
import org.praxis.session.domain.access.SponsorReportPolicy;

/**
 * The list filter (JPQL, run against the database) and the single-object check (in memory) of every
 * policy agree over a fixture population with every role × relation: the client's own engagements,
 * the coach's, a supervised coach's, another coach's, a sponsor named in a contract, and the same
 * people in another tenant, whose rows no list ever returns.
 */
@QuarkusTest
class PolicyAgreementTest {
    @Inject
    EntityManager em;

    final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final String otherTenant = "o-" + tenant;
    final String client = "client-" + tenant;
    final String client2 = "client2-" + tenant;
    final String coach = "coach-" + tenant;
    final String coach2 = "coach2-" + tenant;
    final String supervisedCoach = "coach3-" + tenant;
    final String supervisor = "supervisor-" + tenant;
    final String idleSupervisor = "supervisor2-" + tenant;
    final String sponsor = "sponsor-" + tenant;
    final String admin = "admin-" + tenant;
    /** Whom each supervisor supervises, per tenant (the register's rows, as the policies get them). */
    final Map<String, Set<String>> supervision = Map.of(supervisor, Set.of(supervisedCoach));

    /** A persisted fixture with its id and tenant, as written (the entities' own fields are read through Hibernate). */
    record Fixture(UUID id, String tenant, Object entity) {}

    final Map<Class<?>, List<Fixture>> fixtures = new HashMap<>();

    record Who(String subject, String role) {}

    List<Who> callers() {
        return List.of(
                new Who(client, Roles.CLIENT),
                new Who(client2, Roles.CLIENT),
                new Who(coach, Roles.COACH),
                new Who(coach2, Roles.COACH),
                new Who(supervisedCoach, Roles.COACH),
                new Who(supervisor, Roles.SUPERVISOR),
                new Who(idleSupervisor, Roles.SUPERVISOR),
                new Who(sponsor, Roles.SPONSOR),
                new Who(admin, Roles.ADMIN));
    }

    private void keep(Object entity, UUID id, String t) {
        em.persist(entity);
        fixtures.computeIfAbsent(entity.getClass(), k -> new ArrayList<>()).add(new Fixture(id, t, entity));
    }

    private void population(String t) {
        // client: own (with coach), own with the supervised coach; client2 with coach2 (another coach's).
        engagementWithEverything(t, client, coach, "acme-hr");
        engagementWithEverything(t, client, supervisedCoach, null);
        engagementWithEverything(t, client2, coach2, null);
    }

    private void engagementWithEverything(
            String t, String clientSubject, String practitioner, String sponsorOrganisation) {
        Instant now = Instant.now();
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.tenantId = t;
        e.clientSubject = clientSubject;
        e.practitionerId = practitioner;
        e.pathway = "coaching";
        e.sponsorOrganisation = sponsorOrganisation;
        e.status = EngagementLifecycle.ACTIVE;
        e.createdBy = practitioner;
        e.createdAt = now;
        keep(e, e.id, t);
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.tenantId = t;
        c.engagementId = e.id;
        c.number = 1;
        c.purpose("purpose");
        c.createdBy = practitioner;
        c.createdAt = now;
        keep(c, c.id, t);
        List<String[]> parties = new ArrayList<>(List.of(
                new String[] {ContractParty.CLIENT, clientSubject}, new String[] {ContractParty.COACH, practitioner}));
        if (sponsorOrganisation != null) {
            parties.add(new String[] {ContractParty.SPONSOR, sponsor});
        }
        for (String[] p : parties) {
            ContractParty party = new ContractParty();
            party.id = UUID.randomUUID();
            party.tenantId = t;
            party.contractId = c.id;
            party.role = p[0];
            party.subject = p[1];
            party.required = true;
            em.persist(party);
        }
        CoachingSession s = new CoachingSession();
        s.id = UUID.randomUUID();
        s.tenantId = t;
        s.engagementId = e.id;
        s.scheduledAt = now;
        s.durationMinutes = 50;
        s.mode = "video";
        s.status = CoachingSession.SCHEDULED;
        s.createdAt = now;
        keep(s, s.id, t);
        SessionCharge charge = new SessionCharge();
        charge.id = UUID.randomUUID();
        charge.tenantId = t;
        charge.engagementId = e.id;
        charge.sessionId = s.id;
        charge.kind = SessionCharge.SESSION;
        charge.amountMinor = 12000;
        charge.currency = "EUR";
        charge.createdAt = now;
        keep(charge, charge.id, t);
        for (String kind : List.of(SessionNote.PRIVATE, SessionNote.SHARED)) {
            SessionNote n = new SessionNote();
            n.id = UUID.randomUUID();
            n.tenantId = t;
            n.engagementId = e.id;
            n.kind = kind;
            n.body("body");
            n.author = practitioner;
            n.createdAt = now;
            keep(n, n.id, t);
        }
        RiskConcern r = new RiskConcern();
        r.id = UUID.randomUUID();
        r.tenantId = t;
        r.engagementId = e.id;
        r.level = "low";
        r.raisedBy = practitioner;
        r.raisedAt = now;
        keep(r, r.id, t);
        Goal g = new Goal();
        g.id = UUID.randomUUID();
        g.tenantId = t;
        g.engagementId = e.id;
        g.title("goal");
        g.horizon = "proximal";
        g.orientation = "learning";
        g.direction = "approach";
        g.status = Goal.OPEN;
        g.createdAt = now;
        keep(g, g.id, t);
        ActionItem a = new ActionItem();
        a.id = UUID.randomUUID();
        a.tenantId = t;
        a.engagementId = e.id;
        a.title("action");
        a.createdAt = now;
        keep(a, a.id, t);
        Review v = new Review();
        v.id = UUID.randomUUID();
        v.tenantId = t;
        v.engagementId = e.id;
        v.kind = Review.PERIODIC;
        v.heldOn = LocalDate.now();
        v.createdBy = practitioner;
        v.createdAt = now;
        keep(v, v.id, t);
        MonitoringPlan mp = new MonitoringPlan();
        mp.id = UUID.randomUUID();
        mp.tenantId = t;
        mp.engagementId = e.id;
        mp.instruments = List.of("PHQ-9");
        mp.everySessions = 2;
        mp.updatedBy = practitioner;
        mp.updatedAt = now;
        keep(mp, mp.id, t);
        MonitoringMeasure m = new MonitoringMeasure();
        m.id = UUID.randomUUID();
        m.tenantId = t;
        m.engagementId = e.id;
        m.instrument = "PHQ-9";
        m.dueOn = LocalDate.now();
        m.status = MonitoringMeasure.DUE;
        m.createdAt = now;
        keep(m, m.id, t);
        ProgressSummary p = new ProgressSummary();
        p.id = UUID.randomUUID();
        p.tenantId = t;
        p.engagementId = e.id;
        p.body("For the sponsor");
        p.status = ProgressSummaryLifecycle.DRAFT;
        p.draftedBy = practitioner;
        p.draftedAt = now;
        keep(p, p.id, t);
    }

    private Set<UUID> partyQuery(Caller caller, String role) {
        var q = em.createQuery(
                        "select p.contractId from ContractParty p where p.tenantId = :t and p.subject = :s"
                                + (role == null ? "" : " and p.role = :role"),
                        UUID.class)
                .setParameter("t", caller.tenantId())
                .setParameter("s", caller.subject());
        if (role != null) {
            q.setParameter("role", role);
        }
        return new HashSet<>(q.getResultList());
    }

    /**
     * For every caller: the rows the list filter returns (in the caller's tenant) are exactly the
     * fixtures of that tenant the in-memory check accepts. Returns how many (caller, row) pairs agreed.
     */
    private <E> int agree(String aggregate, Class<E> type, Function<Caller, Policy<E, ?, ?>> policyFor) {
        List<Fixture> all = fixtures.get(type);
        int checked = 0;
        boolean someoneSeesSomething = false;
        for (Who who : callers()) {
            Caller caller = new Caller(who.subject(), tenant, Set.of(who.role()), false);
            Policy<E, ?, ?> policy = policyFor.apply(caller);
            Map<String, Object> params = new HashMap<>();
            String where = policy.listFilter(caller, params);
            params.put("tenant", tenant);
            var query = em.createQuery(
                    "select e from " + type.getSimpleName() + " e where e.tenantId = :tenant and (" + where + ")",
                    type);
            params.forEach(query::setParameter);
            Set<UUID> ids = new HashSet<>(all.stream().map(Fixture::id).toList());
            Set<UUID> listed = new TreeSet<>();
            for (E row : query.getResultList()) {
                all.stream().filter(f -> f.entity() == row).findFirst().ifPresent(f -> listed.add(f.id()));
            }
            Set<UUID> expected = new TreeSet<>();
            for (Fixture f : all) {
                if (tenant.equals(f.tenant()) && policy.canView(caller, type.cast(f.entity()))) {
                    expected.add(f.id());
                }
            }
            assertEquals(expected, listed, aggregate + " for " + who);
            assertEquals(
                    listed.size(), query.getResultList().size(), aggregate + ": only fixtures are listed for " + who);
            for (Fixture f : all) {
                if (!tenant.equals(f.tenant())) {
                    assertTrue(!listed.contains(f.id()), aggregate + ": another tenant's row listed for " + who);
                }
            }
            someoneSeesSomething |= !listed.isEmpty();
            checked += all.size();
        }
        assertTrue(someoneSeesSomething, aggregate + ": the population shows nobody anything");
        return checked;
    }

    @Test
    void listFiltersAndSingleChecksAgree() {
        Map<String, Integer> pairs = new LinkedHashMap<>();
        // One transaction, so the rows a query returns are the very fixture objects (one persistence context).
        QuarkusTransaction.requiringNew().run(() -> {
            population(tenant);
            population(otherTenant);
            em.flush();
            Function<Caller, EngagementRelations> relations = caller -> new EngagementRelations(
                    supervision.getOrDefault(caller.subject(), Set.of()),
                    id -> id == null ? null : em.find(Engagement.class, id));
            pairs.put(
                    "engagement", agree("engagement", Engagement.class, c -> new EngagementPolicy(relations.apply(c))));
            pairs.put(
                    "contract",
                    agree(
                            "contract",
                            Contract.class,
                            c -> new ContractPolicy(relations.apply(c), partyQuery(c, null))));
            pairs.put(
                    "sponsor-report",
                    agree(
                            "sponsor-report",
                            Contract.class,
                            c -> new SponsorReportPolicy(relations.apply(c), partyQuery(c, ContractParty.SPONSOR))));
            pairs.put("session", agree("session", CoachingSession.class, c -> new SessionPolicy(relations.apply(c))));
            pairs.put("charge", agree("charge", SessionCharge.class, c -> new ChargePolicy(relations.apply(c))));
            pairs.put("note", agree("note", SessionNote.class, c -> new NotePolicy(relations.apply(c))));
            pairs.put(
                    "risk-concern",
                    agree("risk-concern", RiskConcern.class, c -> new RiskConcernPolicy(relations.apply(c))));
            pairs.put("goal", agree("goal", Goal.class, c -> new GoalPolicy(relations.apply(c))));
            pairs.put(
                    "action-item",
                    agree("action-item", ActionItem.class, c -> new ActionItemPolicy(relations.apply(c))));
            pairs.put("review", agree("review", Review.class, c -> new ReviewPolicy(relations.apply(c))));
            pairs.put(
                    "monitoring-plan",
                    agree("monitoring-plan", MonitoringPlan.class, c -> new MonitoringPlanPolicy(relations.apply(c))));
            pairs.put(
                    "monitoring-measure",
                    agree(
                            "monitoring-measure",
                            MonitoringMeasure.class,
                            c -> new MonitoringMeasurePolicy(relations.apply(c))));
            pairs.put(
                    "progress-summary",
                    agree(
                            "progress-summary",
                            ProgressSummary.class,
                            c -> new ProgressSummaryPolicy(relations.apply(c))));
        });
        System.out.println("session-service policy agreement (caller × fixture pairs): " + pairs);
    }
}
