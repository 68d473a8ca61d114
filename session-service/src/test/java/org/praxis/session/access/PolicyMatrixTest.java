package org.praxis.session.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.Policy;
import org.praxis.platform.privacy.SubjectExportPolicy;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.Roles;
import org.praxis.session.domain.ActionItem;
import org.praxis.session.domain.AfterTherapyTerms;
import org.praxis.session.domain.ClientRequest;
import org.praxis.session.domain.CoachingSession;
import org.praxis.session.domain.Contract;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.FeedbackTrends;
import org.praxis.session.domain.Goal;
import org.praxis.session.domain.Handover;
import org.praxis.session.domain.MonitoringMeasure;
import org.praxis.session.domain.MonitoringPlan;
import org.praxis.session.domain.MonitoringSchedule;
import org.praxis.session.domain.ProgressSummary;
import org.praxis.session.domain.Review;
import org.praxis.session.domain.RiskConcern;
import org.praxis.session.domain.ScoreTrajectory;
import org.praxis.session.domain.SessionCharge;
import org.praxis.session.domain.SessionNote;
import org.praxis.session.domain.SponsorOrganisation;
import org.praxis.session.domain.access.ActionItemPolicy;
import org.praxis.session.domain.access.AfterTherapySettingsPolicy;
import org.praxis.session.domain.access.ChargePolicy;
import org.praxis.session.domain.access.ClientRequestPolicy;
import org.praxis.session.domain.access.ContractPolicy;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.access.EngagementRelations;
import org.praxis.session.domain.access.FeedbackPolicy;
import org.praxis.session.domain.access.FeedbackTrendPolicy;
import org.praxis.session.domain.access.GoalPolicy;
import org.praxis.session.domain.access.HandoverPolicy;
import org.praxis.session.domain.access.MonitoringMeasurePolicy;
import org.praxis.session.domain.access.MonitoringPlanPolicy;
import org.praxis.session.domain.access.MonitoringSettingsPolicy;
import org.praxis.session.domain.access.NotePolicy;
import org.praxis.session.domain.access.OrganisationReportPolicy;
import org.praxis.session.domain.access.OutcomePolicy;
import org.praxis.session.domain.access.ProgressSummaryPolicy;
import org.praxis.session.domain.access.ReviewPolicy;
import org.praxis.session.domain.access.RiskConcernPolicy;
import org.praxis.session.domain.access.SessionPolicy;
import org.praxis.session.domain.access.SponsorReportPolicy;

/**
 * Role × relation matrix per aggregate, against an expected table written out here (not derived from
 * the policies' grant tables). Every caller is "me" with one role; the fixtures stand in each relation
 * to "me": own (I am the engagement's client), practitioner (I practise it), supervised (I supervise its
 * practitioner), unrelated (another coach's engagement with another client), party / sponsor-party (a
 * contract version naming me, of an engagement I have no other relation to). Each cell is one
 * {@code can(caller, action, fixture)}.
 */
class PolicyMatrixTest {
    static final String ME = "me";
    static final List<String> ROLES = List.of(Roles.CLIENT, Roles.COACH, Roles.SUPERVISOR, Roles.SPONSOR, Roles.ADMIN);
    static final Map<String, Integer> CELLS = new LinkedHashMap<>();

    final Map<UUID, Engagement> engagements = new HashMap<>();
    final Engagement own = engagement("own", ME, "k0");
    final Engagement practised = engagement("practitioner", "c0", ME);
    final Engagement supervised = engagement("supervised", "c1", "k1");
    final Engagement unrelated = engagement("unrelated", "c2", "k2");
    final EngagementRelations relations = new EngagementRelations(Set.of("k1"), engagements::get);
    final Contract partyContract = contract(unrelated);
    final Contract sponsorContract = contract(unrelated);

    Engagement engagement(String name, String client, String practitioner) {
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.tenantId = "t1";
        e.clientSubject = client;
        e.practitionerId = practitioner;
        engagements.put(e.id, e);
        return e;
    }

    static Contract contract(Engagement e) {
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.tenantId = e.tenantId;
        c.engagementId = e.id;
        return c;
    }

    /** The four engagement relations, for any child that has an engagementId. */
    <E> Map<String, E> byEngagement(java.util.function.Function<Engagement, E> child) {
        Map<String, E> out = new LinkedHashMap<>();
        out.put("own", child.apply(own));
        out.put("practitioner", child.apply(practised));
        out.put("supervised", child.apply(supervised));
        out.put("unrelated", child.apply(unrelated));
        return out;
    }

    /**
     * Checks every action × role × fixture against {@code table}: one line per action,
     * {@code ACTION: role fixture fixture; role fixture}; what a line does not name is refused.
     */
    static <E, A extends Enum<A>> void check(
            String aggregate, Policy<E, A, ?> policy, Class<A> actions, Map<String, E> fixtures, String table) {
        Map<String, Set<String>> allowed = new HashMap<>();
        for (String line : table.strip().split("\n")) {
            String[] head = line.split(":", 2);
            String action = head[0].strip();
            Enum.valueOf(actions, action); // a typo in the table fails here
            for (String grant : head[1].split(";")) {
                String[] words = grant.strip().split("\\s+");
                if (words.length < 2) {
                    continue;
                }
                for (int i = 1; i < words.length; i++) {
                    if (!fixtures.containsKey(words[i]) || !ROLES.contains(words[0])) {
                        throw new IllegalArgumentException("Unknown role or fixture in " + line);
                    }
                    allowed.computeIfAbsent(action + " " + words[0], k -> new java.util.HashSet<>())
                            .add(words[i]);
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (A action : actions.getEnumConstants()) {
            for (String role : ROLES) {
                Caller caller = new Caller(ME, "t1", Set.of(role), false);
                for (Map.Entry<String, E> f : fixtures.entrySet()) {
                    boolean expected = allowed.getOrDefault(action.name() + " " + role, Set.of())
                            .contains(f.getKey());
                    boolean actual = policy.can(caller, action, f.getValue());
                    cells++;
                    if (expected != actual) {
                        wrong.add(
                                action + " " + role + " " + f.getKey() + ": expected " + expected + ", was " + actual);
                    }
                }
            }
        }
        CELLS.put(aggregate, cells);
        assertEquals(List.of(), wrong, aggregate);
    }

    @AfterAll
    static void printCounts() {
        System.out.println("session-service policy matrix cells: " + CELLS + " total "
                + CELLS.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void engagement() {
        Map<String, Engagement> f = byEngagement(e -> e);
        check("engagement", new EngagementPolicy(relations), EngagementPolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                LIST: client own; coach practitioner; supervisor supervised
                LIST_OWN: client own
                OPEN: coach practitioner; supervisor supervised
                OPEN_AFTER_THERAPY: client own; coach practitioner; supervisor supervised
                CHANGE_STATUS: coach practitioner; supervisor supervised
                """);
    }

    @Test
    void contract() {
        Map<String, Contract> f = byEngagement(PolicyMatrixTest::contract);
        f.put("party", partyContract);
        check("contract", new ContractPolicy(relations, Set.of(partyContract.id)), ContractPolicy.Action.class, f, """
                VIEW: client own party; coach practitioner party; supervisor supervised party; sponsor party
                LIST: client own party; coach practitioner party; supervisor supervised party; sponsor party
                PROPOSE: coach practitioner; supervisor supervised
                ACCEPT: client party; coach party; supervisor party; sponsor party
                """);
    }

    @Test
    void session() {
        Map<String, CoachingSession> f = byEngagement(e -> {
            CoachingSession s = new CoachingSession();
            s.engagementId = e.id;
            return s;
        });
        check("session", new SessionPolicy(relations), SessionPolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                LIST: client own; coach practitioner; supervisor supervised
                SCHEDULE: coach practitioner; supervisor supervised
                RESCHEDULE: coach practitioner; supervisor supervised
                CANCEL: client own; coach practitioner; supervisor supervised
                RECORD_OUTCOME: coach practitioner; supervisor supervised
                """);
    }

    @Test
    void charge() {
        Map<String, SessionCharge> f = byEngagement(e -> {
            SessionCharge c = new SessionCharge();
            c.engagementId = e.id;
            return c;
        });
        check("charge", new ChargePolicy(relations), ChargePolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                LIST: client own; coach practitioner; supervisor supervised
                """);
    }

    @Test
    void sessionFeedback() {
        Map<String, CoachingSession> f = byEngagement(e -> {
            CoachingSession s = new CoachingSession();
            s.engagementId = e.id;
            return s;
        });
        check("session-feedback", new FeedbackPolicy(relations), FeedbackPolicy.Action.class, f, """
                VIEW: client own
                GIVE: client own
                LIST_OPEN_FORMS: client own
                """);
    }

    @Test
    void feedbackTrends() {
        Map<String, FeedbackTrends.Of> f = new LinkedHashMap<>();
        f.put("self", new FeedbackTrends.Of(ME));
        f.put("supervisee", new FeedbackTrends.Of("k1"));
        f.put("other", new FeedbackTrends.Of("k2"));
        check("feedback-trends", new FeedbackTrendPolicy(Set.of("k1")), FeedbackTrendPolicy.Action.class, f, """
                VIEW: coach self; supervisor supervisee
                """);
    }

    @Test
    void note() {
        Map<String, SessionNote> f = new LinkedHashMap<>();
        // The four relations' notes were written by an earlier coach; "authored" is mine in the engagement I
        // practise, "handed" mine in one handed on since.
        for (String kind : List.of(SessionNote.PRIVATE, SessionNote.SHARED)) {
            byEngagement(e -> note(e, kind, "c9")).forEach((name, n) -> f.put(name + "-" + kind, n));
            f.put("authored-" + kind, note(practised, kind, ME));
            f.put("handed-" + kind, note(unrelated, kind, ME));
        }
        check("note", new NotePolicy(relations), NotePolicy.Action.class, f, """
                VIEW: client own-shared; coach practitioner-private practitioner-shared authored-private authored-shared; supervisor supervised-shared
                LIST: client own-shared; coach practitioner-private practitioner-shared authored-private authored-shared; supervisor supervised-shared
                READ_PRIVATE: coach practitioner-private practitioner-shared authored-private authored-shared; supervisor supervised-private supervised-shared
                WRITE: coach practitioner-private practitioner-shared authored-private authored-shared
                EDIT: coach authored-private authored-shared
                SIGN: coach authored-private authored-shared
                ADD_ADDENDUM: coach practitioner-private practitioner-shared authored-private authored-shared
                """);
    }

    private static SessionNote note(Engagement e, String kind, String author) {
        SessionNote n = new SessionNote();
        n.engagementId = e.id;
        n.kind = kind;
        n.author = author;
        return n;
    }

    @Test
    void riskConcern() {
        Map<String, RiskConcern> f = byEngagement(e -> {
            RiskConcern r = new RiskConcern();
            r.engagementId = e.id;
            return r;
        });
        check("risk-concern", new RiskConcernPolicy(relations), RiskConcernPolicy.Action.class, f, """
                VIEW: coach practitioner; supervisor supervised
                RAISE: coach practitioner
                """);
    }

    @Test
    void clientRequest() {
        // The practitioner sees a pause or an end of their engagement, never a request for another coach.
        Map<String, ClientRequest> f = new LinkedHashMap<>();
        for (String kind : ClientRequest.KINDS) {
            byEngagement(e -> {
                        ClientRequest r = new ClientRequest();
                        r.engagementId = e.id;
                        r.kind = kind;
                        return r;
                    })
                    .forEach((name, r) -> f.put(name + "-" + kind, r));
        }
        check("client-request", new ClientRequestPolicy(relations), ClientRequestPolicy.Action.class, f, """
                VIEW: client own-pause own-end own-change-coach; coach practitioner-pause practitioner-end; supervisor supervised-pause supervised-end supervised-change-coach
                LIST: client own-pause own-end own-change-coach; coach practitioner-pause practitioner-end; supervisor supervised-pause supervised-end supervised-change-coach
                MAKE: client own-pause own-end own-change-coach
                DECIDE: supervisor supervised-pause supervised-end supervised-change-coach
                """);
    }

    @Test
    void handover() {
        // "incoming": a handover of an engagement I have no relation to, offered to me.
        Map<String, Handover> f = byEngagement(e -> {
            Handover h = new Handover();
            h.engagementId = e.id;
            h.toPractitioner = "k9";
            return h;
        });
        Handover incoming = new Handover();
        incoming.engagementId = unrelated.id;
        incoming.toPractitioner = ME;
        incoming.status = Handover.OFFERED;
        f.put("incoming", incoming);
        // "answered": one that was offered to me and that I declined (or accepted, then handed on): nothing.
        Handover answered = new Handover();
        answered.engagementId = unrelated.id;
        answered.toPractitioner = ME;
        answered.status = Handover.DECLINED;
        f.put("answered", answered);
        check("handover", new HandoverPolicy(relations), HandoverPolicy.Action.class, f, """
                VIEW: client own; coach practitioner incoming; supervisor supervised
                LIST: client own; coach practitioner incoming; supervisor supervised
                READ_NOTE: coach practitioner incoming; supervisor supervised
                OFFER: coach practitioner; supervisor supervised
                ANSWER: coach incoming
                WITHDRAW: coach practitioner; supervisor supervised
                """);
    }

    @Test
    void goal() {
        Map<String, Goal> f = byEngagement(e -> {
            Goal g = new Goal();
            g.engagementId = e.id;
            return g;
        });
        check("goal", new GoalPolicy(relations), GoalPolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                LIST: client own; coach practitioner; supervisor supervised
                ADD: client own; coach practitioner; supervisor supervised
                RATE_PROGRESS: client own
                MARK_MILESTONE: client own; coach practitioner
                """);
    }

    @Test
    void actionItem() {
        Map<String, ActionItem> f = byEngagement(e -> {
            ActionItem a = new ActionItem();
            a.engagementId = e.id;
            return a;
        });
        check("action-item", new ActionItemPolicy(relations), ActionItemPolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                LIST: client own; coach practitioner; supervisor supervised
                LIST_OWN: client own
                ADD: client own; coach practitioner; supervisor supervised
                MARK_DONE: client own; coach practitioner
                """);
    }

    @Test
    void review() {
        Map<String, Review> f = byEngagement(e -> {
            Review r = new Review();
            r.engagementId = e.id;
            return r;
        });
        check("review", new ReviewPolicy(relations), ReviewPolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                LIST: client own; coach practitioner; supervisor supervised
                READ_PRACTITIONER_TEXT: coach practitioner; supervisor supervised
                RECORD: coach practitioner; supervisor supervised
                LIST_DUE: coach practitioner; supervisor supervised
                JUDGE_GOALS: client own
                """);
    }

    @Test
    void organisationOutcomeReport() {
        Map<String, SponsorOrganisation> f = new LinkedHashMap<>();
        f.put("sponsored", new SponsorOrganisation("acme-hr"));
        f.put("other", new SponsorOrganisation("globex"));
        check(
                "organisation-outcome-report",
                new OrganisationReportPolicy(Set.of("acme-hr")),
                OrganisationReportPolicy.Action.class,
                f,
                """
                VIEW: sponsor sponsored; admin sponsored other
                """);
    }

    @Test
    void progressSummary() {
        Map<String, ProgressSummary> f = byEngagement(e -> {
            ProgressSummary s = new ProgressSummary();
            s.engagementId = e.id;
            return s;
        });
        check("progress-summary", new ProgressSummaryPolicy(relations), ProgressSummaryPolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                LIST: client own; coach practitioner; supervisor supervised
                DRAFT: coach practitioner
                DECIDE: client own
                WITHDRAW: coach practitioner
                """);
    }

    @Test
    void outcome() {
        Map<String, ScoreTrajectory> f = byEngagement(e -> {
            ScoreTrajectory s = new ScoreTrajectory();
            s.engagementId = e.id;
            return s;
        });
        check("outcome", new OutcomePolicy(relations), OutcomePolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                READ_CODES: coach practitioner; supervisor supervised
                """);
    }

    @Test
    void sponsorReport() {
        Map<String, Contract> f = byEngagement(PolicyMatrixTest::contract);
        f.put("sponsor-party", sponsorContract);
        check(
                "sponsor-report",
                new SponsorReportPolicy(relations, Set.of(sponsorContract.id)),
                SponsorReportPolicy.Action.class,
                f,
                """
                VIEW: supervisor supervised; sponsor sponsor-party
                """);
    }

    @Test
    void subjectExport() {
        check(
                "subject-export",
                new SubjectExportPolicy(),
                SubjectExportPolicy.Action.class,
                Map.of("any", "someone"),
                """
                EXPORT: admin any
                """);
    }

    @Test
    void monitoringPlan() {
        Map<String, MonitoringPlan> f = byEngagement(e -> {
            MonitoringPlan p = new MonitoringPlan();
            p.engagementId = e.id;
            return p;
        });
        check("monitoring-plan", new MonitoringPlanPolicy(relations), MonitoringPlanPolicy.Action.class, f, """
                VIEW: client own; coach practitioner; supervisor supervised
                EDIT: coach practitioner
                """);
    }

    @Test
    void monitoringMeasure() {
        Map<String, MonitoringMeasure> f = byEngagement(e -> {
            MonitoringMeasure m = new MonitoringMeasure();
            m.engagementId = e.id;
            return m;
        });
        check(
                "monitoring-measure",
                new MonitoringMeasurePolicy(relations),
                MonitoringMeasurePolicy.Action.class,
                f,
                """
                VIEW: coach practitioner; supervisor supervised
                LIST: coach practitioner; supervisor supervised
                """);
    }

    @Test
    void monitoringPolicy() {
        check(
                "monitoring-policy",
                new MonitoringSettingsPolicy(),
                MonitoringSettingsPolicy.Action.class,
                Map.of("any", new MonitoringSchedule(List.of("PHQ-9"), 2, null)),
                """
                VIEW: admin any
                REPLACE: admin any
                """);
    }

    @Test
    void afterTherapyPolicy() {
        check(
                "after-therapy-policy",
                new AfterTherapySettingsPolicy(),
                AfterTherapySettingsPolicy.Action.class,
                Map.of("any", new AfterTherapyTerms(true)),
                """
                VIEW: admin any
                REPLACE: admin any
                """);
    }
}
