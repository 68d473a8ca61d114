package org.praxis.referral.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;
import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.DirectoryOrganisation;
import org.praxis.referral.domain.DirectoryService;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.SelfHelpOffer;
import org.praxis.referral.domain.access.ConsentPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy;

/**
 * The list filter (JPQL against the real database) and the single-object check (in memory) of each
 * policy agree over a fixture population covering every role × relation, for every action; another
 * tenant's rows never appear.
 */
@QuarkusTest
class PolicyAgreementTest {
    @Inject
    EntityManager em;

    final String tenant = "agree-" + UUID.randomUUID().toString().substring(0, 8);
    final String otherTenant = "agree-" + UUID.randomUUID().toString().substring(0, 8);

    List<Caller> callers() {
        List<Caller> out = new ArrayList<>();
        for (String t : List.of(tenant, otherTenant)) {
            out.add(new Caller("c1", t, Set.of("client"), false));
            out.add(new Caller("c2", t, Set.of("client"), false));
            out.add(new Caller("k1", t, Set.of("coach"), false));
            out.add(new Caller("k2", t, Set.of("coach"), false));
            out.add(new Caller("s1", t, Set.of("supervisor"), false));
            out.add(new Caller("p1", t, Set.of("sponsor"), false));
            out.add(new Caller("a1", t, Set.of("admin"), false));
            out.add(new Caller("k3", t, Set.of("coach", "client"), false));
        }
        return out;
    }

    /** For one policy and one action: rows the query returns = rows of the caller's tenant the policy allows. */
    <E, A extends Enum<A>> int agree(
            Class<E> type,
            Policy<E, A, ?> policy,
            A action,
            Caller caller,
            List<E> population,
            Function<E, UUID> id,
            Function<E, String> tenantOf) {
        Map<String, Object> params = new HashMap<>();
        String where = policy.filter(caller, action).jpql("e", params);
        var q = em.createQuery(
                        "select e from " + type.getSimpleName() + " e where e.tenantId = :tenant and (" + where + ")",
                        type)
                .setParameter("tenant", caller.tenantId());
        params.forEach(q::setParameter);
        Set<UUID> listed = new TreeSet<>();
        q.getResultList().forEach(e -> listed.add(id.apply(e)));
        Set<UUID> allowed = new TreeSet<>();
        for (E e : population) {
            if (tenantOf.apply(e).equals(caller.tenantId()) && policy.can(caller, action, e)) {
                allowed.add(id.apply(e));
            }
        }
        assertEquals(allowed, listed, caller + " " + action + " where " + where);
        for (E e : population) {
            if (!tenantOf.apply(e).equals(caller.tenantId())) {
                assertTrue(!listed.contains(id.apply(e)), "another tenant's row listed for " + caller);
            }
        }
        return 1;
    }

    Referral referral(String tenantId, String practitioner, String client, String status) {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.tenantId = tenantId;
        r.practitionerId = practitioner;
        r.clientSubject = client;
        r.status = status;
        r.origin = practitioner == null ? Referral.FROM_RISK_FLAG : Referral.MANUAL;
        r.originRef = practitioner == null ? UUID.randomUUID().toString() : null;
        r.reasonCode = "safety-concern";
        r.urgency = "urgent";
        r.disclose = List.of();
        r.statusAt = Instant.now();
        r.createdBy = "system";
        r.createdAt = Instant.now();
        em.persist(r);
        return r;
    }

    @Test
    @TestTransaction
    void referralAndConsentListsAndSingleChecksAgree() {
        List<Referral> population = new ArrayList<>();
        for (String t : List.of(tenant, otherTenant)) {
            population.add(referral(t, "k1", "c1", "awaiting-consent")); // the coach's; the client asked
            population.add(referral(t, "k1", "c1", "draft")); // the coach's draft about the client
            population.add(referral(t, "k2", "c2", "sent")); // another coach's, another client
            population.add(referral(t, "k2", "c1", "accepted")); // another coach's, about the client
            population.add(referral(t, null, null, "draft")); // unassigned risk draft, no account yet
            population.add(referral(t, "s1", "c3", "sent")); // the supervisor's own
            population.add(referral(t, "k1", "k3", "sent")); // about a coach who is also a client
        }
        List<ConsentRecord> consents = new ArrayList<>();
        for (Referral r : population) {
            if (r.clientSubject != null) {
                ConsentRecord c = new ConsentRecord();
                c.id = UUID.randomUUID();
                c.tenantId = r.tenantId;
                c.referralId = r.id;
                c.askedBy = "k1";
                c.askedAt = Instant.now();
                c.proposed = List.of();
                c.shares = List.of();
                c.decision = ConsentRecord.PENDING;
                em.persist(c);
                consents.add(c);
            }
        }
        em.flush();
        int checks = 0;
        Map<UUID, Referral> byId = new HashMap<>();
        population.forEach(r -> byId.put(r.id, r));
        for (Caller caller : callers()) {
            ConsentPolicy consentPolicy = new ConsentPolicy(
                    c -> byId.get(c.referralId), () -> caller.subject().equals("s1") ? Set.of("k1") : Set.of());
            for (ConsentPolicy.Action action : ConsentPolicy.Action.values()) {
                checks +=
                        agree(ConsentRecord.class, consentPolicy, action, caller, consents, c -> c.id, c -> c.tenantId);
            }
        }
        for (Caller caller : callers()) {
            ReferralPolicy policy = new ReferralPolicy(() -> caller.subject().equals("s1") ? Set.of("k1") : Set.of());
            for (ReferralPolicy.Action action : ReferralPolicy.Action.values()) {
                checks += agree(Referral.class, policy, action, caller, population, r -> r.id, r -> r.tenantId);
            }
            Map<String, Object> params = new HashMap<>();
            assertEquals(
                    policy.filter(caller, ReferralPolicy.Action.VIEW).jpql("e", new HashMap<>()),
                    policy.listFilter(caller, params),
                    "listFilter is the view filter");
        }
        System.out.println("referral and consent policy agreement checks: " + checks);
    }

    @Test
    @TestTransaction
    void selfHelpOfferListsAndSingleChecksAgree() {
        List<SelfHelpOffer> population = new ArrayList<>();
        for (String t : List.of(tenant, otherTenant)) {
            DirectoryOrganisation o = new DirectoryOrganisation();
            o.id = UUID.randomUUID();
            o.tenantId = t;
            o.name = "Library";
            o.createdBy = "a1";
            o.createdAt = Instant.now();
            em.persist(o);
            DirectoryService s = new DirectoryService();
            s.id = UUID.randomUUID();
            s.tenantId = t;
            s.organisationId = o.id;
            s.name = "Workbook";
            s.kind = "self-help";
            s.areasServed = List.of();
            s.languages = List.of();
            s.createdBy = "a1";
            s.createdAt = Instant.now();
            em.persist(s);
            em.flush();
            population.add(offer(t, s.id, "k1", "c1"));
            population.add(offer(t, s.id, "k2", "c2"));
            population.add(offer(t, s.id, "s1", "c3"));
            population.add(offer(t, s.id, "k1", "k3"));
        }
        em.flush();
        int checks = 0;
        for (Caller caller : callers()) {
            SelfHelpOfferPolicy policy =
                    new SelfHelpOfferPolicy(caller.subject().equals("s1") ? Set.of("k1") : Set.of());
            for (SelfHelpOfferPolicy.Action action : SelfHelpOfferPolicy.Action.values()) {
                checks += agree(SelfHelpOffer.class, policy, action, caller, population, o -> o.id, o -> o.tenantId);
            }
        }
        System.out.println("self-help offer policy agreement checks: " + checks);
    }

    SelfHelpOffer offer(String tenantId, UUID service, String by, String to) {
        SelfHelpOffer o = new SelfHelpOffer();
        o.id = UUID.randomUUID();
        o.tenantId = tenantId;
        o.serviceId = service;
        o.offeredBy = by;
        o.clientSubject = to;
        o.offeredAt = Instant.now();
        em.persist(o);
        return o;
    }
}
