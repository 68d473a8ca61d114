package org.praxis.platform.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.security.Caller;

/**
 * An aggregate's access policy: the grant table ({@link AccessRules}) plus what each relation means
 * for this aggregate, as a {@link Criterion}. Everything else follows from those two and nothing
 * else decides access: single checks ({@link #can}), the list filter ({@link #filter}), and the
 * refusal rule shared by every service — an object the caller may not see is 404 (as if it did not
 * exist), a visible object the caller may not act on is 403.
 *
 * @param <E> the entity
 * @param <A> the aggregate's actions
 * @param <R> the relations a caller can have to an entity
 */
public abstract class Policy<E, A extends Enum<A>, R extends Enum<R>> {
    private final AccessRules<A, R> rules;
    private final A view;
    private final String noun;

    protected Policy(AccessRules<A, R> rules, A view, String noun) {
        this.rules = rules;
        this.view = view;
        this.noun = noun;
    }

    /** What {@code relation} means for this caller, in memory and in JPQL at once. */
    protected abstract Criterion<E> relation(R relation, Caller caller);

    public AccessRules<A, R> rules() {
        return rules;
    }

    /** The entities on which the caller may perform {@code action}. */
    public Criterion<E> filter(Caller caller, A action) {
        List<Criterion<E>> parts = new ArrayList<>();
        for (R relation : rules.relations(action, caller)) {
            parts.add(relation(relation, caller));
        }
        return Criterion.anyOf(parts);
    }

    /** The where clause of the list a caller may see, for {@code select e from E e}. */
    public String listFilter(Caller caller, Map<String, Object> params) {
        return filter(caller, view).jpql("e", params);
    }

    public boolean can(Caller caller, A action, E entity) {
        return filter(caller, action).test(entity);
    }

    public boolean canView(Caller caller, E entity) {
        return can(caller, view, entity);
    }

    /** The entity, or 404 when the caller may not know it exists. */
    public E requireView(Caller caller, E entity, Object id) {
        if (!canView(caller, entity)) {
            throw ProblemException.notFound(noun + " " + id);
        }
        return entity;
    }

    /** 404 when the caller may not see the entity, 403 when they see it but may not do {@code action}. */
    public E require(Caller caller, A action, E entity, Object id) {
        requireView(caller, entity, id);
        if (!can(caller, action, entity)) {
            throw ProblemException.forbidden(
                    "You may not " + AccessRules.label(action).replace('-', ' ') + " this "
                            + noun.toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return entity;
    }

    /** For actions on no existing object (create, list): 403 when no role of the caller reaches it. */
    public void requireAllowed(Caller caller, A action) {
        if (!rules.allows(action, caller)) {
            throw ProblemException.forbidden(
                    "You may not " + AccessRules.label(action).replace('-', ' ') + " "
                            + noun.toLowerCase(java.util.Locale.ROOT) + "s.");
        }
    }
}
