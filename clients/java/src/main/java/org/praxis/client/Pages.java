package org.praxis.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paged list, page by page as they are read:
 * {@code Pages.stream(cursor -> api.listEngagements(cursor, 50, null), PageEngagementView::getItems,
 * PageEngagementView::getNextCursor)}. A list's last page has no next cursor.
 */
public final class Pages {
    private Pages() {}

    /** One page, from the cursor the previous page named (null for the first). */
    @FunctionalInterface
    public interface Fetch<P> {
        P page(String cursor) throws ApiException;
    }

    public static <P, T> Stream<T> stream(Fetch<P> fetch, Function<P, List<T>> items, Function<P, String> next) {
        Iterator<T> all = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !last) {
                    P page = read(cursor);
                    List<T> found = items.apply(page);
                    current = found == null ? List.<T>of().iterator() : found.iterator();
                    cursor = next.apply(page);
                    last = cursor == null;
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }

            private P read(String from) {
                try {
                    return fetch.page(from);
                } catch (ApiException e) {
                    throw new IllegalStateException("reading a page failed: " + e.getMessage(), e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(all, 0), false);
    }
}
