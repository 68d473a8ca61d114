package org.praxis.assessment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.praxis.assessment.events.AssessmentEvents;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.events.OutboxPublisher;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.Problem;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.ETags;
import org.praxis.platform.web.PageRequest;

/** Practitioner profiles, their registrations and their supervisor (published for session-service). */
@ApplicationScoped
public class Practitioners {
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

    public Optional<Practitioner> find(String subject) {
        return tenant.select(Practitioner.class, "e.subject = :s", null, Map.of("s", subject)).getResultStream().findFirst();
    }

    /** The profile if the caller is the practitioner, their supervisor or an admin; otherwise 404. */
    public Practitioner visible(String subject) {
        Caller caller = callerContext.caller();
        Practitioner p = find(subject).orElseThrow(() -> ProblemException.notFound("Practitioner " + subject));
        if (!caller.hasRole(Roles.ADMIN) && !PractitionerAccess.canRead(caller, p)) {
            throw ProblemException.notFound("Practitioner " + subject);
        }
        return p;
    }

    /** The profile if the caller is the practitioner or their supervisor (the people who work on their development). */
    public Practitioner practised(String subject) {
        Practitioner p = find(subject).orElseThrow(() -> ProblemException.notFound("Practitioner " + subject));
        if (!PractitionerAccess.canRead(callerContext.caller(), p)) {
            throw ProblemException.notFound("Practitioner " + subject);
        }
        return p;
    }

    /** The caller's own profile, for what only the practitioner may do. */
    public Practitioner own(String subject) {
        Practitioner p = practised(subject);
        if (!PractitionerAccess.isSelf(callerContext.caller(), subject)) {
            throw ProblemException.forbidden("Only the practitioner may do this.");
        }
        return p;
    }

    @Transactional
    public Practitioner create(String subject, String displayName, List<String> roles) {
        Caller caller = callerContext.caller();
        String who = subject == null ? caller.subject() : subject;
        if (!caller.hasRole(Roles.ADMIN) && !who.equals(caller.subject())) {
            throw ProblemException.unprocessable("A practitioner creates only their own profile",
                    List.of(new Problem.FieldError("subject", "must be you or empty")));
        }
        if (find(who).isPresent()) {
            throw ProblemException.conflict("Practitioner " + who + " already has a profile.");
        }
        Practitioner p = new Practitioner();
        p.id = UUID.randomUUID();
        p.tenantId = caller.tenantId();
        p.subject = who;
        p.displayName = displayName;
        p.roles = roles == null ? List.of() : List.copyOf(roles);
        p.createdBy = caller.subject();
        p.createdAt = Instant.now();
        em.persist(p);
        audit.record("create", "practitioner", who, null);
        return p;
    }

    public List<Practitioner> list(PageRequest page) {
        Caller caller = callerContext.caller();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.hasRole(Roles.ADMIN)) {
            where.add(caller.hasRole(Roles.SUPERVISOR) ? "(e.subject = :me or e.supervisorId = :me)" : "e.subject = :me");
            params.put("me", caller.subject());
        }
        return tenant.page(Practitioner.class, where, params, page, "e.createdAt");
    }

    @Transactional
    public Practitioner update(String subject, String ifMatch, String displayName, List<String> roles) {
        Practitioner p = visible(subject);
        Caller caller = callerContext.caller();
        if (!caller.hasRole(Roles.ADMIN) && !PractitionerAccess.isSelf(caller, subject)) {
            throw ProblemException.forbidden("Only the practitioner or an admin may change a profile.");
        }
        ETags.requireMatch(ifMatch, p.version);
        p.displayName = displayName;
        p.roles = roles == null ? List.of() : List.copyOf(roles);
        em.flush();
        audit.record("update", "practitioner", subject, null);
        return p;
    }

    /** Admins name a practitioner's supervisor; session-service learns of it from the event. */
    @Transactional
    public Practitioner assignSupervisor(String subject, String ifMatch, String supervisorId) {
        Practitioner p = visible(subject);
        ETags.requireMatch(ifMatch, p.version);
        if (subject.equals(supervisorId)) {
            throw ProblemException.unprocessable("Nobody supervises themselves",
                    List.of(new Problem.FieldError("supervisorId", "must be someone else")));
        }
        p.supervisorId = supervisorId;
        em.flush();
        audit.record("assign-supervisor", "practitioner", subject, null);
        outbox.publish(AssessmentEvents.SUPERVISOR_CHANGED, subject, new AssessmentEvents.SupervisorChanged(subject, supervisorId));
        return p;
    }

    public List<Registration> registrations(String subject) {
        return tenant.select(Registration.class, "e.practitionerId = :p", "e.createdAt, e.id", Map.of("p", subject)).getResultList();
    }

    @Transactional
    public Registration register(String subject, String kind, String body, String number, LocalDate expiresOn) {
        own(subject);
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

    @Transactional
    public Registration updateRegistration(String subject, UUID id, String ifMatch, String kind, String body, String number,
                                           LocalDate expiresOn) {
        own(subject);
        Registration r = tenant.select(Registration.class, "e.id = :id and e.practitionerId = :p", null,
                Map.of("id", id, "p", subject)).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Registration " + id));
        ETags.requireMatch(ifMatch, r.version);
        apply(r, kind, body, number, expiresOn);
        em.flush();
        audit.record("update", "registration", r.id, null);
        eligibility.refresh(subject);
        return r;
    }

    private static void apply(Registration r, String kind, String body, String number, LocalDate expiresOn) {
        if (!Registration.KINDS.contains(kind)) {
            throw ProblemException.unprocessable("Unknown registration kind",
                    List.of(new Problem.FieldError("kind", "must be one of " + String.join(", ", Registration.KINDS))));
        }
        r.kind = kind;
        r.body = body;
        r.number = number;
        r.expiresOn = expiresOn;
    }
}
