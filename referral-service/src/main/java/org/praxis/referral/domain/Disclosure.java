package org.praxis.referral.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a recipient may see beyond the bare request (service kind, urgency, dates): the client's
 * identity, how to contact them, the reason, the risk level. The referrer proposes; the client's
 * consent narrows it; only what both allow reaches the recipient.
 */
public final class Disclosure {
    public static final String IDENTITY = "identity";
    public static final String CONTACT = "contact";
    public static final String REASON = "reason";
    public static final String RISK = "risk";
    public static final List<String> ITEMS = List.of(IDENTITY, CONTACT, REASON, RISK);
    /** How many items a disclosure can name: the size of {@link #ITEMS}, as a constant for bounds. */
    public static final int COUNT = 4;

    private Disclosure() {}

    /** Positions of the unknown items among {@code items}: a 422 names these, never echoes what was sent. */
    public static List<Integer> unknown(List<String> items) {
        return positionsOutside(items, ITEMS);
    }

    /** Positions of what the client agreed to share that was never proposed to them. */
    public static List<Integer> beyond(List<String> proposed, List<String> shares) {
        return positionsOutside(shares, proposed);
    }

    private static List<Integer> positionsOutside(List<String> items, Collection<String> allowed) {
        return IntStream.range(0, items.size())
                .filter(i -> !allowed.contains(items.get(i)))
                .boxed()
                .toList();
    }

    public static List<String> intersection(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.retainAll(b);
        return List.copyOf(both);
    }
}
