package org.praxis.referral.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
    public static final Set<String> ITEMS = Set.of(IDENTITY, CONTACT, REASON, RISK);

    private Disclosure() {
    }

    /** The unknown items among {@code items}, for a 422. */
    public static List<String> unknown(List<String> items) {
        return items.stream().filter(i -> !ITEMS.contains(i)).toList();
    }

    /** What the client agreed to share that was never proposed to them. */
    public static List<String> beyond(List<String> proposed, List<String> shares) {
        return shares.stream().filter(s -> !proposed.contains(s)).toList();
    }

    public static List<String> intersection(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.retainAll(b);
        return List.copyOf(both);
    }
}
