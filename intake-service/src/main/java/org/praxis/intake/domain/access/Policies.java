package org.praxis.intake.domain.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.praxis.intake.domain.Intake;
import org.praxis.intake.domain.TriagePolicies;

/** Builds the policies with the context they need: the tenant's triage settings, a way to load an intake. */
@ApplicationScoped
public class Policies {
    @Inject
    EntityManager em;

    @Inject
    TriagePolicies triage;

    public IntakePolicy intake() {
        return new IntakePolicy(() -> triage.current().coachesMayClaim());
    }

    public ScreeningPolicy screening() {
        return new ScreeningPolicy(this::loadIntake);
    }

    public RiskFlagPolicy riskFlag() {
        return new RiskFlagPolicy(this::loadIntake);
    }

    public DecisionPolicy decision() {
        return new DecisionPolicy(this::loadIntake);
    }

    public AssignmentPolicy assignment() {
        return new AssignmentPolicy(this::loadIntake);
    }

    private Intake loadIntake(java.util.UUID id) {
        return id == null ? null : em.find(Intake.class, id);
    }
}
