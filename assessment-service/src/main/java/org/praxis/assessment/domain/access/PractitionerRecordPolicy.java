package org.praxis.assessment.domain.access;

import java.util.Set;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.access.Policy;
import org.praxis.platform.security.Caller;

/**
 * The common shape of the policies of a practitioner's records (registrations, evidence, supervision
 * records, assessments, development actions): each record names its practitioner by subject, and a
 * supervisor reaches the records of the practitioners whose profile names them as supervisor
 * ({@code supervisees}, loaded for the caller from the profiles).
 */
public abstract class PractitionerRecordPolicy<E, A extends Enum<A>> extends Policy<E, A, PractitionerRelation> {
    private final Field<E, String> practitioner;
    private final Set<String> supervisees;

    protected PractitionerRecordPolicy(
            AccessRules<A, PractitionerRelation> rules,
            A view,
            String noun,
            Field<E, String> practitioner,
            Set<String> supervisees) {
        super(rules, view, noun);
        this.practitioner = practitioner;
        this.supervisees = Set.copyOf(supervisees);
    }

    @Override
    protected Criterion<E> relation(PractitionerRelation relation, Caller caller) {
        return switch (relation) {
            case OWN -> practitioner.is(caller.subject());
            case SUPERVISEE -> practitioner.in(supervisees);
            case HELD_AS_SUPERVISOR -> Criterion.none(); // only a supervision session names who held it
            case SOMEONE_ELSES -> caller.subject() == null ? Criterion.none() : practitioner.isNot(caller.subject());
            case ANY_IN_TENANT -> Criterion.all();
        };
    }
}
