package org.praxis.platform.web;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code nextCursor} is null on the last page. */
public record Page<T>(@Schema(required = true) List<T> items, String nextCursor) {
    /** The same page with each item mapped, as a resource turns rows into views. */
    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), nextCursor);
    }
}
