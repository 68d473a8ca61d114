package org.praxis.session.domain.access;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.praxis.platform.access.Criterion;
import org.praxis.platform.access.Field;
import org.praxis.platform.security.Caller;
import org.praxis.session.domain.Engagement;

/**
 * What the caller's relation to an engagement means, once, for every policy of session-service:
 * the engagement policy uses it directly, the policies of what belongs to an engagement (sessions,
 * notes, goals...) reach it through their {@code engagementId}.
 */
public final class EngagementRelations {
    public static final Field<Engagement, UUID> ID = Field.of("id", e -> e.id);
    public static final Field<Engagement, String> CLIENT = Field.of("clientSubject", e -> e.clientSubject);
    public static final Field<Engagement, String> PRACTITIONER = Field.of("practitionerId", e -> e.practitionerId);

    private final Set<String> supervisees;
    private final Function<UUID, Engagement> engagements;

    /**
     * @param supervisees the practitioners the caller supervises (empty for anyone else)
     * @param engagements loads an engagement of the caller's tenant by id (null when there is none)
     */
    public EngagementRelations(Set<String> supervisees, Function<UUID, Engagement> engagements) {
        this.supervisees = Set.copyOf(supervisees);
        this.engagements = engagements;
    }

    public Set<String> supervisees() {
        return supervisees;
    }

    /** The relation on the engagement itself; relations that are not about an engagement match nothing. */
    public Criterion<Engagement> of(Relation relation, Caller caller) {
        return switch (relation) {
            case OWN -> CLIENT.is(caller.subject());
            case PRACTITIONER -> PRACTITIONER.is(caller.subject());
            case SUPERVISED -> PRACTITIONER.in(supervisees);
            case ANY_IN_TENANT -> Criterion.all();
            default -> Criterion.none();
        };
    }

    /** The relation for an object that belongs to an engagement through {@code engagementId}. */
    public <E> Criterion<E> via(Field<E, UUID> engagementId, Relation relation, Caller caller) {
        return Criterion.via(
                engagementId,
                "Engagement",
                e -> engagements.apply(engagementId.get().apply(e)),
                of(relation, caller));
    }
}
