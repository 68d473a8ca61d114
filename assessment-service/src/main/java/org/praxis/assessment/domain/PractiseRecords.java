package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.assessment.domain.access.EvidencePolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/** Evidence of practice: what assessments and eligibility rest on, beside the {@link SupervisionSessions}. */
@ApplicationScoped
public class PractiseRecords {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    @Inject
    Practitioners practitioners;

    @Inject
    Frameworks frameworks;

    @Inject
    Settings settings;

    @Inject
    Eligibility eligibility;

    @Inject
    AccessPolicies policies;

    /** Who verified practice hours that arrive from a held session: the system, as the session was held. */
    public static final String SESSION_COMPLETED = "system:session.completed";
    /** The most one typed-in evidence entry may claim: 12 hours. */
    public static final int MAX_ENTRY_MINUTES = 720;
    /** Practice typed in for one day, all its entries together (README: at most 12 h on a day). */
    public static final int MAX_PRACTICE_MINUTES_A_DAY = 720;
    /** The longest coaching session session-service reports in session.completed (its event schema): 8 hours. */
    public static final int MAX_SESSION_MINUTES = 480;

    public record Attachment(String url, String sha256) {}

    public record EvidenceWithAttachments(Evidence evidence, List<EvidenceAttachment> attachments) {}

    @Transactional
    public EvidenceWithAttachments addEvidence(
            String practitioner,
            String kind,
            LocalDate occurredOn,
            String description,
            List<String> competences,
            Integer minutes,
            List<Attachment> attachments) {
        Practitioner profile = practitioners.existing(practitioner);
        policies.evidence()
                .require(
                        policies.caller(),
                        EvidencePolicy.Action.CREATE,
                        EvidencePolicy.proposed(practitioner),
                        practitioner);
        if (!Evidence.KINDS.contains(kind)) {
            throw ProblemException.unprocessable(
                    "Unknown kind of evidence",
                    List.of(new Violation("kind", "must be one of " + String.join(", ", Evidence.KINDS))));
        }
        if (Evidence.PRACTICE_HOURS.equals(kind) && (minutes == null || minutes <= 0)) {
            throw ProblemException.unprocessable(
                    "Practice hours need their minutes",
                    List.of(new Violation("minutes", "is required for practice hours")));
        }
        if (Evidence.PRACTICE_HOURS.equals(kind)) {
            requireRoomOnDay(profile, occurredOn, minutes);
        }
        List<String> linked = checkedCompetences(competences);
        Evidence e = evidence(practitioner, kind, occurredOn, linked, minutes);
        e.description(description);
        em.persist(e);
        List<EvidenceAttachment> stored = new ArrayList<>();
        for (Attachment a : attachments == null ? List.<Attachment>of() : attachments) {
            EvidenceAttachment ea = new EvidenceAttachment();
            ea.id = UUID.randomUUID();
            ea.tenantId = e.tenantId;
            ea.evidenceId = e.id;
            ea.url(a.url());
            ea.sha256 = a.sha256();
            em.persist(ea);
            stored.add(ea);
        }
        audit.record("create", "evidence", e.id, null);
        if (minutes != null && Evidence.PRACTICE_HOURS.equals(kind)) {
            eligibility.refresh(practitioner);
        }
        return new EvidenceWithAttachments(e, stored);
    }

    /** DESIGN flow 5: a held session counts as practice hours, once per session however often the event arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean practiceFromSession(UUID sessionId, String practitioner, int minutes, Instant completedAt) {
        boolean known = !tenant.select(Evidence.class, "e.sourceSessionId = :s", null, Map.of("s", sessionId))
                .getResultList()
                .isEmpty();
        if (known) {
            return false;
        }
        Evidence e = evidence(
                practitioner,
                Evidence.PRACTICE_HOURS,
                LocalDate.ofInstant(completedAt, ZoneOffset.UTC),
                List.of(),
                minutes);
        e.sourceSessionId = sessionId;
        e.verifiedBy = SESSION_COMPLETED;
        e.verifiedAt = e.recordedAt;
        em.persist(e);
        eligibility.refresh(practitioner);
        return true;
    }

    private Evidence evidence(
            String practitioner, String kind, LocalDate on, List<String> competences, Integer minutes) {
        Evidence e = new Evidence();
        e.id = UUID.randomUUID();
        e.tenantId = callerContext.tenantId();
        e.practitionerId = practitioner;
        e.kind = kind;
        e.occurredOn = on;
        e.competences = competences;
        e.minutes = minutes;
        e.recordedBy = callerContext.subject();
        e.recordedAt = Instant.now();
        return e;
    }

    /** The practitioner's evidence, newest first; {@code verified} (when given) keeps only verified or only pending entries. */
    public Page<EvidenceWithAttachments> evidence(
            String practitioner, PageRequest page, String kind, Boolean verified) {
        practitioners.existing(practitioner);
        EvidencePolicy policy = policies.evidence();
        policy.requireView(policies.caller(), EvidencePolicy.proposed(practitioner), practitioner);
        Map<String, Object> params = new HashMap<>(Map.of("p", practitioner));
        List<String> where = new ArrayList<>(
                List.of("e.practitionerId = :p", "(" + policy.listFilter(policies.caller(), params) + ")"));
        if (kind != null) {
            where.add("e.kind = :kind");
            params.put("kind", kind);
        }
        if (verified != null) {
            where.add(verified ? "e.verifiedAt is not null" : "e.verifiedAt is null");
        }
        Page<Evidence> rows = tenant.pageNewestFirst(Evidence.class, where, params, page, "e.recordedAt");
        Map<UUID, List<EvidenceAttachment>> attached = attachments(rows.items());
        return rows.map(e -> new EvidenceWithAttachments(e, attached.getOrDefault(e.id, List.of())));
    }

    /** Attachments in the order of their links (sealed, so sorted here rather than by the database). */
    private static final java.util.Comparator<EvidenceAttachment> BY_URL =
            java.util.Comparator.comparing(EvidenceAttachment::url);

    /** The attachments of {@code evidence} (entries already read, so in the caller's tenant), in one query. */
    public Map<UUID, List<EvidenceAttachment>> attachments(List<Evidence> evidence) {
        return evidence.isEmpty()
                ? Map.of()
                : em.createQuery(
                                "select a from EvidenceAttachment a where a.evidenceId in :ids",
                                EvidenceAttachment.class)
                        .setParameter("ids", evidence.stream().map(e -> e.id).toList())
                        .getResultStream()
                        .sorted(BY_URL)
                        .collect(Collectors.groupingBy(a -> a.evidenceId));
    }

    public List<EvidenceAttachment> attachments(UUID evidenceId) {
        return em.createQuery("select a from EvidenceAttachment a where a.evidenceId = :e", EvidenceAttachment.class)
                .setParameter("e", evidenceId)
                .getResultStream()
                .sorted(BY_URL)
                .toList();
    }

    /** Codes of the tenant's current framework; an unknown one is a 422. */
    List<String> checkedCompetences(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        Settings.Values s = settings.current();
        CompetenceFramework f = frameworks.get(s.frameworkCode(), s.frameworkVersion());
        List<String> unknown = codes.stream().filter(c -> !f.hasCompetence(c)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable(
                    "Unknown competences",
                    List.of(new Violation(
                            "competences",
                            "not in " + f.code() + " v" + f.version() + ": " + String.join(", ", unknown))));
        }
        return codes.stream().distinct().toList();
    }

    /**
     * Typed-in practice hours: at most {@link #MAX_PRACTICE_MINUTES_A_DAY} on one day with what was typed in for it
     * already (hours from held sessions arrive as events, are never refused and do not count here). Under the
     * profile's lock, so two entries at once count each other.
     */
    private void requireRoomOnDay(Practitioner profile, LocalDate day, int minutes) {
        em.lock(profile, LockModeType.PESSIMISTIC_WRITE);
        long recorded = em.createQuery(
                        "select coalesce(sum(e.minutes), 0) from Evidence e where e.tenantId = :t"
                                + " and e.practitionerId = :p and e.kind = :k and e.occurredOn = :d"
                                + " and e.sourceSessionId is null",
                        Long.class)
                .setParameter("t", profile.tenantId)
                .setParameter("p", profile.subject)
                .setParameter("k", Evidence.PRACTICE_HOURS)
                .setParameter("d", day)
                .getSingleResult();
        if (recorded + minutes > MAX_PRACTICE_MINUTES_A_DAY) {
            throw ProblemException.unprocessable(
                    "At most 12 hours of practice are recorded for one day",
                    List.of(new Violation(
                            "minutes",
                            "with the " + recorded + " minutes of " + day + " recorded already, more than "
                                    + MAX_PRACTICE_MINUTES_A_DAY)));
        }
    }
}
