package org.praxis.referral.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.praxis.platform.privacy.SubjectExportPolicy;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.referral.domain.AnswerDeadlines;
import org.praxis.referral.domain.ConsentRecord;
import org.praxis.referral.domain.KnownEngagement;
import org.praxis.referral.domain.Referral;
import org.praxis.referral.domain.SelfHelpOffer;
import org.praxis.referral.domain.access.CaseloadPolicy;
import org.praxis.referral.domain.access.ConsentPolicy;
import org.praxis.referral.domain.access.DeadlinesPolicy;
import org.praxis.referral.domain.access.DirectoryPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy;

/**
 * The role × relation matrix of every referral-service aggregate, written out by hand (not derived
 * from the grant tables) and checked against the policies cell by cell: for each action, each role
 * and each fixture (the caller's own, assigned to them, supervised, unassigned, another coach's, ...)
 * whether the policy allows it.
 */
class PolicyMatrixTest {
    static final String TENANT = "acme";
    static final Caller CLIENT = new Caller("c1", TENANT, Set.of("client"), false);
    static final Caller COACH = new Caller("k1", TENANT, Set.of("coach"), false);
    static final Caller SUPERVISOR = new Caller("s1", TENANT, Set.of("supervisor"), false);
    static final Caller SPONSOR = new Caller("p1", TENANT, Set.of("sponsor"), false);
    static final Caller ADMIN = new Caller("a1", TENANT, Set.of("admin"), false);
    static final Map<String, Caller> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("client", CLIENT);
        ROLES.put("coach", COACH);
        ROLES.put("supervisor", SUPERVISOR);
        ROLES.put("sponsor", SPONSOR);
        ROLES.put("admin", ADMIN);
    }

    /** The supervisor supervises the coach k1. */
    static final Set<String> SUPERVISEES = Set.of("k1");

    static final Map<String, Integer> CELLS = new LinkedHashMap<>();

    static Referral referral(String practitioner, String client, String status) {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.tenantId = TENANT;
        r.practitionerId = practitioner;
        r.clientSubject = client;
        r.status = status;
        r.createdAt = Instant.now();
        // What the lifecycle leaves behind: asked before awaiting consent, sent once sent.
        r.clientAskedAt = status.equals("awaiting-consent") ? r.createdAt : null;
        r.sentAt = status.equals("sent") ? r.createdAt : null;
        return r;
    }

    /** Referral fixtures by relation to the callers above. */
    static Map<String, Referral> referrals() {
        Map<String, Referral> f = new LinkedHashMap<>();
        f.put("coach's, client asked", referral("k1", "c1", "awaiting-consent"));
        f.put("coach's draft about client", referral("k1", "c1", "draft"));
        f.put("coach's, cancelled before the client was asked", referral("k1", "c1", "cancelled"));
        f.put("another coach's", referral("k2", "c2", "sent"));
        f.put("another coach's about client", referral("k2", "c1", "sent"));
        f.put("unassigned risk draft, no account", fromRiskFlag(referral(null, null, "draft")));
        f.put("supervisor's own", referral("s1", "c3", "sent"));
        f.put("another coach's risk draft", fromRiskFlag(referral("k2", "c5", "draft")));
        f.put("another coach's completed risk referral", fromRiskFlag(referral("k2", "c6", "completed")));
        Referral concern = referral("k2", "c8", "draft");
        concern.origin = Referral.FROM_RISK_CONCERN;
        f.put("another coach's draft from a session's risk concern", concern);
        Referral urgentDraft = referral("k2", "c9", "draft");
        urgentDraft.urgency = "urgent";
        f.put("another coach's urgent draft", urgentDraft);
        Referral urgentSent = referral("k2", "c10", "sent");
        urgentSent.urgency = "emergency";
        f.put("another coach's emergency referral, sent", urgentSent);
        Referral exception = referral("k2", "c7", "draft");
        exception.exceptionRequestedBy = "s2";
        f.put("another coach's, exception asked", exception);
        return f;
    }

    static Referral fromRiskFlag(Referral r) {
        r.origin = Referral.FROM_RISK_FLAG;
        return r;
    }

    /**
     * A supervisor's reach: their supervisee's and their own, and the risk queue (drafted from a risk flag and not
     * closed, or nobody's); not another coach's routine referral, nor a closed risk referral of another coach's.
     */
    static final List<String> SUPERVISORS = List.of(
            "coach's, client asked",
            "coach's draft about client",
            "coach's, cancelled before the client was asked",
            "unassigned risk draft, no account",
            "supervisor's own",
            "another coach's risk draft",
            "another coach's draft from a session's risk concern",
            "another coach's urgent draft",
            "another coach's, exception asked");

    /** Checks one action's row: for each role, exactly these fixtures are allowed. */
    static <E, A> void row(
            String aggregate,
            Map<String, E> fixtures,
            A action,
            BiFunction<Caller, E, Boolean> can,
            Map<String, List<String>> allowed) {
        List<String> wrong = new ArrayList<>();
        ROLES.forEach((role, caller) -> {
            List<String> expected = allowed.getOrDefault(role, List.of());
            fixtures.forEach((name, entity) -> {
                boolean is = can.apply(caller, entity);
                if (is != expected.contains(name)) {
                    wrong.add(role + " " + action + " " + name + ": expected " + expected.contains(name));
                }
                CELLS.merge(aggregate, 1, Integer::sum);
            });
            expected.forEach(name -> {
                if (!fixtures.containsKey(name)) {
                    wrong.add("no fixture " + name);
                }
            });
        });
        assertEquals(List.of(), wrong);
    }

    static Map<String, List<String>> grants(Object... roleThenFixtures) {
        Map<String, List<String>> m = new HashMap<>();
        for (int i = 0; i < roleThenFixtures.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) roleThenFixtures[i + 1];
            m.put((String) roleThenFixtures[i], list);
        }
        return m;
    }

    static final List<String> COACHS = List.of(
            "coach's, client asked", "coach's draft about client", "coach's, cancelled before the client was asked");

    @Test
    void referralMatrix() {
        ReferralPolicy policy = new ReferralPolicy(() -> SUPERVISEES);
        Map<String, Referral> f = referrals();
        BiFunction<ReferralPolicy.Action, Caller, BiFunction<Caller, Referral, Boolean>> can =
                (a, ignored) -> (c, r) -> policy.can(c, a, r);
        row(
                "referral",
                f,
                ReferralPolicy.Action.VIEW,
                can.apply(ReferralPolicy.Action.VIEW, null),
                grants(
                        "client",
                        List.of("coach's, client asked", "another coach's about client"),
                        "coach",
                        COACHS,
                        "supervisor",
                        SUPERVISORS));
        for (ReferralPolicy.Action a : List.of(
                ReferralPolicy.Action.READ,
                ReferralPolicy.Action.LIST,
                ReferralPolicy.Action.REVISE,
                ReferralPolicy.Action.ASK_CONSENT,
                ReferralPolicy.Action.REQUEST_EXCEPTION,
                ReferralPolicy.Action.SEND,
                ReferralPolicy.Action.RECORD_ANSWER,
                ReferralPolicy.Action.RECORD_APPOINTMENT,
                ReferralPolicy.Action.CANCEL,
                ReferralPolicy.Action.READ_HISTORY,
                ReferralPolicy.Action.READ_FHIR)) {
            row("referral", f, a, can.apply(a, null), grants("coach", COACHS, "supervisor", SUPERVISORS));
        }
        row(
                "referral",
                f,
                ReferralPolicy.Action.APPROVE_EXCEPTION,
                can.apply(ReferralPolicy.Action.APPROVE_EXCEPTION, null),
                grants("supervisor", SUPERVISORS));
        // Creating names a practitioner: the coach themselves; a supervisor themselves or a supervisee.
        row(
                "referral",
                f,
                ReferralPolicy.Action.CREATE,
                can.apply(ReferralPolicy.Action.CREATE, null),
                grants(
                        "coach",
                        COACHS,
                        "supervisor",
                        List.of(
                                "coach's, client asked",
                                "coach's draft about client",
                                "coach's, cancelled before the client was asked",
                                "supervisor's own")));
        row(
                "referral",
                f,
                ReferralPolicy.Action.READ_AS_CLIENT,
                can.apply(ReferralPolicy.Action.READ_AS_CLIENT, null),
                grants("client", List.of("coach's, client asked", "another coach's about client")));
        // The separation of duties of the exception.
        Referral requested = referral("k1", "c1", "draft");
        requested.exceptionRequestedBy = "s1";
        assertEquals(true, policy.requestedException(SUPERVISOR, requested));
        assertEquals(
                false, policy.requestedException(new Caller("s2", TENANT, Set.of("supervisor"), false), requested));
        CELLS.merge("referral", 2, Integer::sum);
    }

    @Test
    void consents() {
        Map<String, Referral> referrals = referrals();
        Map<UUID, Referral> byId = new HashMap<>();
        referrals.values().forEach(r -> byId.put(r.id, r));
        ConsentPolicy policy = new ConsentPolicy(c -> byId.get(c.referralId), () -> SUPERVISEES);
        Map<String, ConsentRecord> f = new LinkedHashMap<>();
        referrals.forEach((name, r) -> {
            // Nobody is asked before they have an account; one cancelled before the client was asked has no consent.
            if (r.clientSubject != null && !r.status.equals("cancelled")) {
                ConsentRecord c = new ConsentRecord();
                c.id = UUID.randomUUID();
                c.tenantId = TENANT;
                c.referralId = r.id;
                f.put("asked about " + name, c);
            }
        });
        List<String> all = List.copyOf(f.keySet());
        List<String> clients = List.of(
                "asked about coach's, client asked",
                "asked about coach's draft about client",
                "asked about another coach's about client");
        row(
                "consent",
                f,
                ConsentPolicy.Action.VIEW,
                (c, e) -> policy.can(c, ConsentPolicy.Action.VIEW, e),
                grants(
                        "client",
                        clients,
                        "coach",
                        List.of("asked about coach's, client asked", "asked about coach's draft about client"),
                        "supervisor",
                        List.of(
                                "asked about coach's, client asked",
                                "asked about coach's draft about client",
                                "asked about supervisor's own",
                                "asked about another coach's risk draft",
                                "asked about another coach's draft from a session's risk concern",
                                "asked about another coach's urgent draft",
                                "asked about another coach's, exception asked")));
        row(
                "consent",
                f,
                ConsentPolicy.Action.DECIDE,
                (c, e) -> policy.can(c, ConsentPolicy.Action.DECIDE, e),
                grants("client", clients));
        row(
                "consent",
                f,
                ConsentPolicy.Action.WITHDRAW,
                (c, e) -> policy.can(c, ConsentPolicy.Action.WITHDRAW, e),
                grants("client", clients));
    }

    @Test
    void selfHelpOffers() {
        SelfHelpOfferPolicy policy = new SelfHelpOfferPolicy(SUPERVISEES);
        Map<String, SelfHelpOffer> f = new LinkedHashMap<>();
        f.put("coach's offer to client", offer("k1", "c1"));
        f.put("another coach's offer", offer("k2", "c2"));
        f.put("supervisor's offer", offer("s1", "c3"));
        List<String> all = List.copyOf(f.keySet());
        for (SelfHelpOfferPolicy.Action a : SelfHelpOfferPolicy.Action.values()) {
            Map<String, List<String>> expected = switch (a) {
                case VIEW ->
                    grants(
                            "client",
                            List.of("coach's offer to client"),
                            "coach",
                            List.of("coach's offer to client"),
                            "supervisor",
                            all);
                case LIST -> grants("coach", List.of("coach's offer to client"), "supervisor", all);
                case READ_AS_CLIENT -> grants("client", List.of("coach's offer to client"));
                case CREATE ->
                    grants(
                            "coach",
                            List.of("coach's offer to client"),
                            "supervisor",
                            List.of("coach's offer to client", "supervisor's offer"));
            };
            row("self-help-offer", f, a, (c, o) -> policy.can(c, a, o), expected);
        }
    }

    static SelfHelpOffer offer(String by, String to) {
        SelfHelpOffer o = new SelfHelpOffer();
        o.id = UUID.randomUUID();
        o.tenantId = TENANT;
        o.offeredBy = by;
        o.clientSubject = to;
        return o;
    }

    @Test
    void directoryEntries() {
        DirectoryPolicy policy = new DirectoryPolicy();
        Map<String, Object> f = Map.of("an organisation or service", new Object());
        List<String> it = List.of("an organisation or service");
        row(
                "directory-entry",
                f,
                DirectoryPolicy.Action.VIEW,
                (c, e) -> policy.can(c, DirectoryPolicy.Action.VIEW, e),
                grants("coach", it, "supervisor", it, "admin", it));
        row(
                "directory-entry",
                f,
                DirectoryPolicy.Action.LIST,
                (c, e) -> policy.can(c, DirectoryPolicy.Action.LIST, e),
                grants("coach", it, "supervisor", it, "admin", it));
        row(
                "directory-entry",
                f,
                DirectoryPolicy.Action.CREATE,
                (c, e) -> policy.can(c, DirectoryPolicy.Action.CREATE, e),
                grants("admin", it));
        row(
                "directory-entry",
                f,
                DirectoryPolicy.Action.REPLACE,
                (c, e) -> policy.can(c, DirectoryPolicy.Action.REPLACE, e),
                grants("admin", it));
    }

    @Test
    void deadlinesAndSubjectExport() {
        DeadlinesPolicy deadlines = new DeadlinesPolicy();
        Map<String, AnswerDeadlines> f = Map.of("the tenant's deadlines", AnswerDeadlines.defaults());
        List<String> it = List.of("the tenant's deadlines");
        row(
                "referral-deadlines",
                f,
                DeadlinesPolicy.Action.VIEW,
                (c, e) -> deadlines.can(c, DeadlinesPolicy.Action.VIEW, e),
                grants("coach", it, "supervisor", it, "admin", it));
        row(
                "referral-deadlines",
                f,
                DeadlinesPolicy.Action.REPLACE,
                (c, e) -> deadlines.can(c, DeadlinesPolicy.Action.REPLACE, e),
                grants("admin", it));
        SubjectExportPolicy subjects = new SubjectExportPolicy();
        row(
                "subject-export",
                Map.of("a person", "c1"),
                SubjectExportPolicy.Action.EXPORT,
                (c, s) -> subjects.can(c, SubjectExportPolicy.Action.EXPORT, s),
                grants("admin", List.of("a person")));
    }

    /** Hole 3: whom each role may name, by the engagement's relation to the caller. */
    @Test
    void caseloads() {
        KnownEngagement own = new KnownEngagement(UUID.randomUUID(), "c1", "k1", "active");
        KnownEngagement others = new KnownEngagement(UUID.randomUUID(), "c2", "k2", "active");
        KnownEngagement supervisors = new KnownEngagement(UUID.randomUUID(), "c3", "s1", "active");
        Map<String, KnownEngagement> f = new LinkedHashMap<>();
        f.put("coach's engagement (supervised)", own);
        f.put("another coach's engagement", others);
        f.put("supervisor's own engagement", supervisors);
        f.put("unknown engagement", null);
        Map<String, CaseloadPolicy> policies = new HashMap<>();
        ROLES.forEach((role, caller) ->
                policies.put(role, new CaseloadPolicy(caller, "supervisor".equals(role) ? SUPERVISEES : Set.of())));
        List<String> wrong = new ArrayList<>();
        Map<String, List<String>> expected = grants(
                "coach",
                List.of("coach's engagement (supervised)"),
                "supervisor",
                List.of("coach's engagement (supervised)", "supervisor's own engagement"));
        ROLES.forEach((role, caller) -> f.forEach((name, e) -> {
            String client = e == null ? "c1" : e.clientSubject();
            boolean inReach = e != null && policies.get(role).reach().contains(e.practitionerId());
            List<Violation> problems =
                    policies.get(role).violations(null, UUID.randomUUID().toString(), e, client, inReach);
            boolean allowed = problems.isEmpty();
            if (allowed != expected.getOrDefault(role, List.of()).contains(name)) {
                wrong.add(role + " names " + name + ": " + problems);
            }
            CELLS.merge("caseload (naming)", 1, Integer::sum);
        }));
        // A practitioner named as responsible.
        Map<String, List<String>> practitioners = grants("coach", List.of("k1"), "supervisor", List.of("s1", "k1"));
        ROLES.forEach((role, caller) -> {
            for (String p : List.of("k1", "k2", "s1")) {
                boolean allowed = policies.get(role)
                        .violations(p, null, null, null, false)
                        .isEmpty();
                if (allowed != practitioners.getOrDefault(role, List.of()).contains(p)) {
                    wrong.add(role + " names practitioner " + p);
                }
                CELLS.merge("caseload (naming)", 1, Integer::sum);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @AfterAll
    static void printCells() {
        int total = CELLS.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("referral-service role x relation matrix cells tested: " + CELLS + " total " + total);
    }
}
