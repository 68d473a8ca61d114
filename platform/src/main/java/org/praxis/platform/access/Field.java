package org.praxis.platform.access;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An entity attribute a policy reasons about: its JPQL path and how to read it from the object.
 * <pre>static final Field&lt;Intake, String&gt; CLIENT = Field.of("clientSubject", i -&gt; i.clientSubject);</pre>
 */
public record Field<E, T>(String path, Function<E, T> get) {

    public static <E, T> Field<E, T> of(String path, Function<E, T> get) {
        return new Field<>(path, get);
    }

    /** Equal to {@code value}; a null value matches nothing (a caller without a subject owns nothing). */
    public Criterion<E> is(T value) {
        if (value == null) {
            return Criterion.none();
        }
        return new Criterion<>(
                e -> value.equals(get.apply(e)),
                (alias, params) -> alias + "." + path + " = " + Criterion.parameter(params, value));
    }

    /** One of {@code values}; an empty set matches nothing. */
    public Criterion<E> in(Collection<T> values) {
        if (values == null || values.isEmpty()) {
            return Criterion.none();
        }
        Set<T> set = Criterion.copyOf(values);
        // Set.copyOf refuses contains(null); a null attribute is in no set, as in SQL.
        return new Criterion<>(
                e -> {
                    T actual = get.apply(e);
                    return actual != null && set.contains(actual);
                },
                (alias, params) -> alias + "." + path + " in " + Criterion.parameter(params, set));
    }

    public Criterion<E> isNull() {
        return new Criterion<>(e -> get.apply(e) == null, (alias, params) -> alias + "." + path + " is null");
    }

    public Criterion<E> isNotNull() {
        return new Criterion<>(e -> get.apply(e) != null, (alias, params) -> alias + "." + path + " is not null");
    }

    public Criterion<E> isNot(T value) {
        Objects.requireNonNull(value);
        return new Criterion<>(
                e -> get.apply(e) != null && !value.equals(get.apply(e)),
                (alias, params) -> alias + "." + path + " <> " + Criterion.parameter(params, value));
    }
}
