package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.web.ETags;

/** The client's preference on their intake: recorded and changed by them until the pathway is decided. */
@ApplicationScoped
public class ClientPreferences {
    @Inject
    EntityManager em;

    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    @Inject
    Intakes intakes;

    @Inject
    AuditLog audit;

    /** The intake's preference, whoever asks: for the rules and views that already checked the caller. */
    Optional<ClientPreference> of(UUID intakeId) {
        return tenant.select(ClientPreference.class, "e.intakeId = :intake", null, Map.of("intake", intakeId))
                .getResultStream()
                .findFirst();
    }

    /**
     * Records the client's preference: the first without {@code If-Match}, a change with the current one (428
     * without, 412 stale); 409 once the pathway is decided. Returns it at its new version.
     */
    @Transactional
    public ClientPreference record(
            UUID intakeId, String preference, String preferredCoach, String note, String ifMatch) {
        Intake intake = intakes.require(intakeId, IntakePolicy.Action.RECORD_PREFERENCE);
        // One at a time with a decision (Decisions.decide): a decision made meanwhile is seen, never overtaken.
        em.lock(intake, LockModeType.PESSIMISTIC_WRITE);
        requireRecordable(intake, preference);
        ClientPreference p = of(intakeId).orElse(null);
        if (p == null) {
            p = new ClientPreference();
            p.id = UUID.randomUUID();
            p.tenantId = intake.tenantId;
            p.intakeId = intake.id;
        } else {
            ETags.requireMatch(ifMatch, p.version);
        }
        p.preference = preference;
        p.preferredCoach = preferredCoach;
        p.note(note);
        p.recordedBy = callerContext.subject();
        p.recordedAt = Instant.now();
        em.persist(p);
        em.flush();
        // No reason: admins read the audit trail, and the preference is a clinical choice they do not see.
        audit.record("record-preference", "intake", intake.id, null);
        return p;
    }

    /** 422 for an option not offered, 409 once the pathway is decided. */
    private static void requireRecordable(Intake intake, String preference) {
        if (!ClientPreference.OPTIONS.contains(preference)) {
            Violation.refuseAny(
                    "The preference is not valid",
                    List.of(new Violation("preference", "must be one of " + ClientPreference.OPTIONS)));
        }
        if (Intake.DECIDED.equals(intake.status)) {
            throw ProblemException.conflict("The pathway has been decided; the preference can no longer change.");
        }
    }
}
