package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.praxis.assessment.domain.access.PractitionerPolicy;
import org.praxis.assessment.domain.access.RegistrationPolicy;
import org.praxis.assessment.domain.events.AssessmentEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageRequest;

/** Practitioner profiles, their registrations and their supervisor (published for session-service). */
@ApplicationScoped
public class Practitioners {
    /** Registrations one practitioner keeps (a profile carries them all). */
    public static final int MAX_REGISTRATIONS = 20;
    /** Roles one profile names (coach, therapist, supervisor, assessor). */
    public static final int MAX_ROLES = 10;

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
    Eligibility eligibility;

    @Inject
    AccessPolicies policies;

    public Optional<Practitioner> find(String subject) {
        return tenant.select(Practitioner.class, "e.subject = :s", null, Map.of("s", subject))
                .getResultStream()
                .findFirst();
    }

    /** The profile, or 404 when there is none or the caller may not know it ({@link PractitionerPolicy}). */
    public Practitioner visible(String subject) {
        return policies.practitioner().requireView(policies.caller(), existing(subject), subject);
    }

    /** The profile, 404 as for {@link #visible}, 403 when the caller sees it but may not do {@code action}. */
    public Practitioner require(String subject, PractitionerPolicy.Action action) {
        return policies.practitioner().require(policies.caller(), action, existing(subject), subject);
    }

    /** The profile whether or not the caller may see it; 404 when there is none. Callers check their record's policy. */
    public Practitioner existing(String subject) {
        return find(subject).orElseThrow(() -> ProblemException.notFound("Practitioner " + subject));
    }

    @Transactional
    public Practitioner create(String subject, String displayName, List<String> roles) {
        Caller caller = policies.caller();
        PractitionerPolicy policy = policies.practitioner();
        policy.requireAllowed(caller, PractitionerPolicy.Action.CREATE);
        String who = subject == null ? caller.subject() : subject;
        if (!policy.can(caller, PractitionerPolicy.Action.CREATE, PractitionerPolicy.proposed(who))) {
            throw ProblemException.unprocessable(
                    "A practitioner creates only their own profile",
                    List.of(new Violation("subject", "must be you or empty")));
        }
        // Two creates at once (a double tap): the second waits here and finds the first, a 409 rather than a 500.
        tenant.serialise("practitioner-profile " + who);
        if (find(who).isPresent()) {
            throw ProblemException.conflict("Practitioner " + who + " already has a profile.");
        }
        Practitioner p = new Practitioner();
        p.id = UUID.randomUUID();
        p.tenantId = caller.tenantId();
        p.subject = who;
        p.displayName(displayName);
        p.roles = roles == null ? List.of() : List.copyOf(roles);
        p.createdBy = caller.subject();
        p.createdAt = Instant.now();
        em.persist(p);
        audit.record("create", "practitioner", who, null);
        return p;
    }

    public Page<Practitioner> list(PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(policies.practitioner().listFilter(policies.caller(), params)));
        return tenant.pageNewestFirst(Practitioner.class, where, params, page, "e.createdAt");
    }

    @Transactional
    public Practitioner update(String subject, String ifMatch, String displayName, List<String> roles) {
        Practitioner p = require(subject, PractitionerPolicy.Action.UPDATE);
        ETags.requireMatch(ifMatch, p.version);
        p.displayName(displayName);
        p.roles = roles == null ? List.of() : List.copyOf(roles);
        em.flush();
        audit.record("update", "practitioner", subject, null);
        return p;
    }

    /** Admins name a practitioner's supervisor ({@link SupervisorChoice}); session-service learns of it from the event. */
    @Transactional
    public Practitioner assignSupervisor(String subject, String ifMatch, String supervisorId) {
        Practitioner p = require(subject, PractitionerPolicy.Action.ASSIGN_SUPERVISOR);
        ETags.requireMatch(ifMatch, p.version);
        tenant.serialise("assign-supervisor"); // A to B and B to A at once: the second sees the first
        String theirs = supervisorId == null
                ? null
                : find(supervisorId).map(s -> s.supervisorId).orElse(null);
        Violation.refuseAny(
                "Not a supervisor this practitioner may have",
                SupervisorChoice.violations(subject, supervisorId, theirs));
        p.supervisorId = supervisorId;
        em.flush();
        audit.record("assign-supervisor", "practitioner", subject, null);
        outbox.publish(new AssessmentEvents.SupervisorChanged(subject, supervisorId));
        return p;
    }

    /** The registrations of a profile the caller already reaches, as far as the registration policy lets them see. */
    public List<Registration> registrations(String subject) {
        return registrations(List.of(subject)).getOrDefault(subject, List.of());
    }

    /** The same for a page of profiles, in one query: by practitioner, oldest first. */
    public Map<String, List<Registration>> registrations(List<String> subjects) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("p", subjects));
        String filter = policies.registration().listFilter(policies.caller(), params);
        return tenant.select(
                        Registration.class, "e.practitionerId in :p and (" + filter + ")", "e.createdAt, e.id", params)
                .getResultStream()
                .collect(Collectors.groupingBy(r -> r.practitionerId));
    }

    @Transactional
    public Registration register(String subject, String kind, String body, String number, LocalDate expiresOn) {
        Practitioner p = existing(subject);
        policies.registration()
                .require(
                        policies.caller(),
                        RegistrationPolicy.Action.CREATE,
                        RegistrationPolicy.proposed(subject),
                        subject);
        em.lock(p, LockModeType.PESSIMISTIC_WRITE); // two registrations at once still count each other
        long held = (Long)
                em.createQuery("select count(e) from Registration e where e.tenantId = :t and e.practitionerId = :p")
                        .setParameter("t", tenant.tenantId())
                        .setParameter("p", subject)
                        .getSingleResult();
        if (held >= MAX_REGISTRATIONS) {
            throw ProblemException.unprocessable("A practitioner keeps at most " + MAX_REGISTRATIONS
                    + " registrations; change one instead of adding another");
        }
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.tenantId = callerContext.tenantId();
        r.practitionerId = subject;
        r.createdAt = Instant.now();
        apply(r, kind, body, number, expiresOn);
        em.persist(r);
        audit.record("create", "registration", r.id, null);
        eligibility.refresh(subject);
        return r;
    }

    /** A change to what was entered voids its verification: the changed facts need an admin's eye again. */
    @Transactional
    public Registration updateRegistration(
            String subject, UUID id, String ifMatch, String kind, String body, String number, LocalDate expiresOn) {
        Registration r = registration(subject, id, RegistrationPolicy.Action.UPDATE);
        ETags.requireMatch(ifMatch, r.version);
        apply(r, kind, body, number, expiresOn);
        r.verifiedBy = null;
        r.verifiedAt = null;
        em.flush();
        audit.record("update", "registration", r.id, null);
        eligibility.refresh(subject);
        return r;
    }

    /** An admin (never its practitioner) verifies a registration as read (If-Match); then it counts for eligibility. */
    @Transactional
    public Registration verifyRegistration(String subject, UUID id, String ifMatch) {
        Registration r = registration(subject, id, RegistrationPolicy.Action.VERIFY);
        if (r.verifiedAt != null) {
            throw ProblemException.conflict("The registration is already verified.");
        }
        ETags.requireMatch(ifMatch, r.version);
        r.verifiedBy = callerContext.subject();
        r.verifiedAt = Instant.now();
        em.flush();
        audit.record("verify", "registration", r.id, null);
        eligibility.refresh(subject);
        return r;
    }

    private Registration registration(String subject, UUID id, RegistrationPolicy.Action action) {
        Registration r = tenant.select(
                        Registration.class,
                        "e.id = :id and e.practitionerId = :p",
                        null,
                        Map.of("id", id, "p", subject))
                .getResultStream()
                .findFirst()
                .orElse(null);
        return policies.registration().require(policies.caller(), action, r, id);
    }

    private static void apply(Registration r, String kind, String body, String number, LocalDate expiresOn) {
        if (!Registration.KINDS.contains(kind)) {
            throw ProblemException.unprocessable(
                    "Unknown registration kind",
                    List.of(new Violation("kind", "must be one of " + String.join(", ", Registration.KINDS))));
        }
        r.kind = kind;
        r.body = body;
        r.number(number);
        r.expiresOn = expiresOn;
    }
}
