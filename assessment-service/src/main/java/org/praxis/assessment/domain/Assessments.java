package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.praxis.assessment.domain.access.AssessmentPolicy;
import org.praxis.assessment.domain.events.AssessmentEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/**
 * Assessment cycles: the practitioner rates themselves, their supervisor rates them as assessor;
 * both are kept side by side and never averaged. Completion freezes the ratings, publishes
 * {@code assessment.completed} and recomputes eligibility. The development plan for the gaps is
 * {@link DevelopmentPlans}.
 */
@ApplicationScoped
public class Assessments {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    OutboxPublisher outbox;

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

    /**
     * One cycle is open at a time (under the profile's lock): with two, completing the older after the newer would
     * put its decision back over the newer one's.
     */
    @Transactional
    public Assessment open(String practitioner, String frameworkCode, Integer frameworkVersion) {
        Practitioner profile = practitioners.existing(practitioner);
        policies.assessment()
                .require(
                        policies.caller(),
                        AssessmentPolicy.Action.OPEN,
                        AssessmentPolicy.proposed(practitioner),
                        practitioner);
        em.lock(profile, LockModeType.PESSIMISTIC_WRITE);
        if (tenant.select(
                        Assessment.class,
                        "e.practitionerId = :p and e.status = :open",
                        null,
                        Map.of("p", practitioner, "open", Assessment.OPEN))
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .isPresent()) {
            throw ProblemException.conflict("An assessment of this practitioner is open; complete it first.");
        }
        CompetenceFramework f = settings.frameworkToAssess(frameworkCode, frameworkVersion);
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.tenantId = callerContext.tenantId();
        a.practitionerId = practitioner;
        a.frameworkCode = f.code();
        a.frameworkVersion = f.version();
        a.status = Assessment.OPEN;
        a.openedBy = actor();
        a.openedAt = Instant.now();
        em.persist(a);
        audit.record("open", "assessment", a.id, null);
        return a;
    }

    /** The assessment if the caller may see it ({@link AssessmentPolicy}); otherwise 404. */
    public Assessment readable(UUID id) {
        Assessment a = tenant.find(Assessment.class, id).orElse(null);
        return policies.assessment().requireView(policies.caller(), a, id);
    }

    public Page<Assessment> list(String practitioner, PageRequest page) {
        practitioners.existing(practitioner);
        AssessmentPolicy policy = policies.assessment();
        policy.requireView(policies.caller(), AssessmentPolicy.proposed(practitioner), practitioner);
        Map<String, Object> params = new HashMap<>(Map.of("p", practitioner));
        List<String> where = new ArrayList<>(
                List.of("e.practitionerId = :p", "(" + policy.listFilter(policies.caller(), params) + ")"));
        return tenant.pageNewestFirst(Assessment.class, where, params, page, "e.openedAt");
    }

    public CompetenceFramework framework(Assessment a) {
        return frameworks.get(a.frameworkCode, a.frameworkVersion);
    }

    public List<Rating> ratings(Assessment a) {
        return tenant.select(Rating.class, "e.assessmentId = :a", "e.competenceCode, e.source", Map.of("a", a.id))
                .getResultList();
    }

    /**
     * Records (or replaces, while the cycle is open) one rating. Self ratings only by the
     * practitioner, assessor ratings only by their supervisor.
     */
    @Transactional
    public Rating rate(
            UUID assessmentId,
            String source,
            String competenceCode,
            String level,
            String comment,
            List<UUID> evidenceIds) {
        Assessment a = tenant.find(Assessment.class, assessmentId).orElse(null);
        policies.assessment()
                .require(
                        policies.caller(),
                        Rating.SELF.equals(source)
                                ? AssessmentPolicy.Action.RATE_SELF
                                : AssessmentPolicy.Action.RATE_AS_ASSESSOR,
                        a,
                        assessmentId);
        // Locked as the completion locks it: a rating lands before the completion counts it, or is refused after.
        // The version moves too: the ratings are the assessment's content, so its ETag must change with them.
        em.lock(a, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (!Assessment.OPEN.equals(a.status)) {
            throw ProblemException.conflict("The assessment is completed; its ratings no longer change.");
        }
        List<Violation> errors = new ArrayList<>();
        if (!framework(a).hasCompetence(competenceCode)) {
            errors.add(new Violation(
                    "competenceCode", "is not a competence of " + a.frameworkCode + " v" + a.frameworkVersion));
        }
        if (!RatingLevel.codes().contains(level)) {
            errors.add(new Violation("level", "must be one of " + String.join(", ", RatingLevel.codes())));
        }
        List<UUID> links = evidenceIds == null
                ? List.of()
                : evidenceIds.stream().distinct().toList();
        if (!links.isEmpty()
                && tenant.select(
                                        Evidence.class,
                                        "e.id in :ids and e.practitionerId = :p",
                                        null,
                                        Map.of("ids", links, "p", a.practitionerId))
                                .getResultList()
                                .size()
                        != links.size()) {
            errors.add(new Violation("evidenceIds", "must be evidence of this practitioner"));
        }
        Violation.refuseAny("The rating is not valid", errors);
        Rating r = tenant.select(
                        Rating.class,
                        "e.assessmentId = :a and e.competenceCode = :c and e.source = :s",
                        null,
                        Map.of("a", a.id, "c", competenceCode, "s", source))
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (r == null) {
            r = new Rating();
            r.id = UUID.randomUUID();
            r.tenantId = a.tenantId;
            r.assessmentId = a.id;
            r.competenceCode = competenceCode;
            r.source = source;
        }
        r.level = level;
        r.comment(comment);
        r.evidenceIds = links;
        r.ratedBy = actor();
        r.ratedAt = Instant.now();
        if (!em.contains(r)) {
            em.persist(r);
        }
        audit.record("rate-" + source, "assessment", a.id, competenceCode);
        return r;
    }

    @Transactional
    public Assessment complete(UUID id) {
        Assessment a = tenant.find(Assessment.class, id).orElse(null);
        policies.assessment().require(policies.caller(), AssessmentPolicy.Action.COMPLETE, a, id);
        em.lock(a, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (!Assessment.OPEN.equals(a.status)) {
            throw ProblemException.conflict("The assessment is already completed.");
        }
        List<Rating> assessor = ratings(a).stream()
                .filter(r -> Rating.ASSESSOR.equals(r.source))
                .toList();
        if (assessor.isEmpty()) {
            throw ProblemException.unprocessable("Rate at least one competence as assessor before completing");
        }
        a.status = Assessment.COMPLETED;
        a.completedBy = actor();
        a.completedAt = Instant.now();
        audit.record("complete", "assessment", a.id, null);
        int competent = (int) assessor.stream()
                .filter(r -> RatingLevel.of(r.level).atLeastCompetent())
                .count();
        outbox.publish(new AssessmentEvents.AssessmentCompleted(
                a.id, a.practitionerId, a.frameworkCode, a.frameworkVersion, assessor.size(), competent));
        eligibility.refresh(a.practitionerId);
        return a;
    }

    /** The latest assessment of the practitioner against the tenant's current framework, if any. */
    public java.util.Optional<Assessment> latestOnCurrentFramework(String practitioner) {
        Settings.Values s = settings.current();
        return tenant.select(
                        Assessment.class,
                        "e.practitionerId = :p and e.frameworkCode = :c and e.frameworkVersion = :v",
                        "e.openedAt desc",
                        Map.of("p", practitioner, "c", s.frameworkCode(), "v", s.frameworkVersion()))
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Who is acting, to stamp what they record (access is decided by the policies, not here). */
    private String actor() {
        return callerContext.subject();
    }
}
