package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.praxis.assessment.domain.access.AssessmentPolicy;
import org.praxis.assessment.domain.access.DevelopmentActionPolicy;
import org.praxis.assessment.domain.access.EvidencePolicy;
import org.praxis.assessment.domain.access.FrameworkPolicy;
import org.praxis.assessment.domain.access.PractitionerPolicy;
import org.praxis.assessment.domain.access.RegistrationPolicy;
import org.praxis.assessment.domain.access.SettingsPolicy;
import org.praxis.assessment.domain.access.SupervisionRecordPolicy;
import org.praxis.platform.persistence.TenantQueries;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;

/**
 * Builds the policies for the current caller with the context they need: who the caller
 * supervises, read from the profiles of their tenant. Decides nothing itself.
 */
@ApplicationScoped
public class AccessPolicies {
    @Inject
    TenantQueries tenant;

    @Inject
    CallerContext callerContext;

    public Caller caller() {
        return callerContext.caller();
    }

    /** The subjects of the practitioners whose profile names the caller as supervisor. */
    public Set<String> supervisees() {
        String me = callerContext.caller().subject();
        if (me == null) {
            return Set.of();
        }
        return tenant.select(Practitioner.class, "e.supervisorId = :me", null, Map.of("me", me))
                .getResultStream()
                .map(p -> p.subject)
                .collect(Collectors.toUnmodifiableSet());
    }

    public PractitionerPolicy practitioner() {
        return new PractitionerPolicy();
    }

    public RegistrationPolicy registration() {
        return new RegistrationPolicy(supervisees());
    }

    public EvidencePolicy evidence() {
        return new EvidencePolicy(supervisees());
    }

    public SupervisionRecordPolicy supervision() {
        return new SupervisionRecordPolicy(supervisees());
    }

    public AssessmentPolicy assessment() {
        return new AssessmentPolicy(supervisees());
    }

    public DevelopmentActionPolicy developmentAction() {
        return new DevelopmentActionPolicy(supervisees());
    }

    public SettingsPolicy settings() {
        return new SettingsPolicy();
    }

    public FrameworkPolicy framework() {
        return new FrameworkPolicy();
    }
}
