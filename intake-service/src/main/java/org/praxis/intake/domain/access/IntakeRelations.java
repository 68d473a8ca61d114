package org.praxis.intake.domain.access;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.praxis.intake.domain.Intake;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.security.Caller;

/**
 * What a caller's relation to an intake means, once for every policy of intake-service: the intake policy
 * uses it directly; screenings, risk flags, decisions and assignments reach it through their {@code intakeId}.
 */
public final class IntakeRelations {
    private final Function<UUID, Intake> intakes;
    private final Function<Caller, Set<String>> supervisees;
    private Caller supervisor;
    private Set<String> supervised;

    /**
     * @param intakes loads an intake of the caller's tenant by id (null when there is none)
     * @param supervisees the practitioners a caller supervises, read at most once per caller and only when a
     *     supervisor's rules are checked
     */
    public IntakeRelations(Function<UUID, Intake> intakes, Function<Caller, Set<String>> supervisees) {
        this.intakes = intakes;
        this.supervisees = supervisees;
    }

    /** The intake is the caller's own, as its client. */
    public Criterion<Intake> own(Caller caller) {
        return IntakePolicy.CLIENT.is(caller.subject());
    }

    /** The intake is assigned to the caller, as its coach. */
    public Criterion<Intake> assigned(Caller caller) {
        return IntakePolicy.COACH.is(caller.subject());
    }

    /**
     * The intake's coach is the caller or one they supervise, or it has no coach: an intake nobody is assigned
     * to is every supervisor's of the tenant until one is (DESIGN.md's risk queue); an assigned one only its
     * coach's supervisor's (and the supervisor's own, where they coach it themselves). Whom the caller
     * supervises is read only when an assigned intake is checked or a list is filtered.
     */
    public Criterion<Intake> supervised(Caller caller) {
        return IntakePolicy.COACH.isNull().or(Criterion.lazy(() -> IntakePolicy.COACH.in(reach(caller))));
    }

    private Set<String> reach(Caller caller) {
        if (!caller.equals(supervisor)) {
            Set<String> reach = new HashSet<>(supervisees.apply(caller));
            if (caller.subject() != null) {
                reach.add(caller.subject());
            }
            supervised = Set.copyOf(reach);
            supervisor = caller;
        }
        return supervised;
    }

    /** {@code onIntake} for an object that belongs to an intake through {@code intakeId}. */
    public <E> Criterion<E> via(Field<E, UUID> intakeId, Criterion<Intake> onIntake) {
        return Criterion.via(
                intakeId, "Intake", e -> intakes.apply(intakeId.get().apply(e)), onIntake);
    }
}
