package org.praxis.platform.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A condition on an entity that reads the same in memory and as a JPQL where clause, so a policy's
 * single-object check and its list filter come from one definition and cannot drift apart.
 * Built from {@link Field}s; combined with {@link #or} and {@link #and}.
 */
public final class Criterion<E> {
    private final Predicate<E> test;
    private final Renderer render;

    /** Renders the condition for an entity alias, adding its parameters to {@code params}. */
    interface Renderer {
        String jpql(String alias, Map<String, Object> params);
    }

    Criterion(Predicate<E> test, Renderer render) {
        this.test = test;
        this.render = render;
    }

    public static <E> Criterion<E> all() {
        return new Criterion<>(e -> true, (alias, params) -> "1 = 1");
    }

    public static <E> Criterion<E> none() {
        return new Criterion<>(e -> false, (alias, params) -> "1 = 0");
    }

    /**
     * {@code make}'s condition, made when it is first tested or rendered, once: for a condition that costs a
     * query (whom a supervisor supervises) which a short-circuit before it may spare, e.g. {@code
     * COACH.isNull().or(lazy(...))} on an intake nobody is assigned to.
     */
    public static <E> Criterion<E> lazy(Supplier<Criterion<E>> make) {
        List<Criterion<E>> made = new ArrayList<>(1);
        Supplier<Criterion<E>> once = () -> {
            if (made.isEmpty()) {
                made.add(make.get());
            }
            return made.get(0);
        };
        return new Criterion<>(
                e -> once.get().test.test(e), (alias, params) -> once.get().jpql(alias, params));
    }

    public boolean test(E entity) {
        return entity != null && test.test(entity);
    }

    /** The where clause for {@code select alias from Entity alias}; parameter names are unique within {@code params}. */
    public String jpql(String alias, Map<String, Object> params) {
        return render.jpql(alias, params);
    }

    /** Any of the conditions; none given is {@link #none()} (deny by default). */
    @SafeVarargs
    public static <E> Criterion<E> anyOf(Criterion<E>... criteria) {
        return anyOf(List.of(criteria));
    }

    public static <E> Criterion<E> anyOf(Collection<Criterion<E>> criteria) {
        List<Criterion<E>> parts = List.copyOf(criteria);
        if (parts.isEmpty()) {
            return none();
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Criterion<>(
                e -> parts.stream().anyMatch(c -> c.test.test(e)),
                (alias, params) -> join(parts, " or ", alias, params));
    }

    public Criterion<E> or(Criterion<E> other) {
        return anyOf(List.of(this, other));
    }

    public Criterion<E> and(Criterion<E> other) {
        List<Criterion<E>> parts = List.of(this, other);
        return new Criterion<>(
                e -> test.test(e) && other.test.test(e), (alias, params) -> join(parts, " and ", alias, params));
    }

    /** Holds for an entity whose {@code field} refers to a row that {@code related} accepts (e.g. a flag's intake). */
    public static <E, R> Criterion<E> via(
            Field<E, ?> field, String relatedEntity, java.util.function.Function<E, R> load, Criterion<R> related) {
        return new Criterion<>(e -> related.test(load.apply(e)), (alias, params) -> {
            String inner = alias + "_r";
            return alias + "." + field.path() + " in (select " + inner + ".id from " + relatedEntity + " " + inner
                    + " where " + inner + ".tenantId = " + alias + ".tenantId and (" + related.jpql(inner, params)
                    + "))";
        });
    }

    static String parameter(Map<String, Object> params, Object value) {
        String name = "acc" + params.size();
        while (params.containsKey(name)) {
            name = name + "x";
        }
        params.put(name, value);
        return ":" + name;
    }

    private static <E> String join(List<Criterion<E>> parts, String op, String alias, Map<String, Object> params) {
        List<String> rendered = new ArrayList<>();
        for (Criterion<E> part : parts) {
            rendered.add("(" + part.jpql(alias, params) + ")");
        }
        return String.join(op, rendered);
    }

    static <T> Set<T> copyOf(Collection<T> values) {
        return Set.copyOf(values);
    }
}
