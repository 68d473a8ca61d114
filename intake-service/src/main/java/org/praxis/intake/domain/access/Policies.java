package org.praxis.intake.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.SupervisionRegister;
import org.praxis.intake.domain.TriagePolicies;

/**
 * Builds the policies with the context they need: the tenant's triage settings, a way to load an intake, whom
 * the caller supervises.
 */
@ApplicationScoped
public class Policies {
    @Inject
    EntityManager em;

    @Inject
    TriagePolicies triage;

    @Inject
    SupervisionRegister supervision;

    public IntakePolicy intake() {
        return new IntakePolicy(() -> triage.current().coachesMayClaim(), relations());
    }

    public ScreeningPolicy screening() {
        return new ScreeningPolicy(relations());
    }

    public RiskFlagPolicy riskFlag() {
        return new RiskFlagPolicy(relations());
    }

    public DecisionPolicy decision() {
        return new DecisionPolicy(relations());
    }

    public AssignmentPolicy assignment() {
        return new AssignmentPolicy(relations());
    }

    private IntakeRelations relations() {
        return new IntakeRelations(
                id -> id == null ? null : em.find(Intake.class, id),
                caller -> supervision.supervisees(caller.tenantId(), caller.subject()));
    }
}
