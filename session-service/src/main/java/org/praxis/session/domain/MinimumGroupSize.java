package org.praxis.session.domain;

/**
 * The smallest group an organisation outcome report shows figures for: below it, a figure could single
 * out a person (five engagements of one team, one of them improved...), so the report shows none and
 * says why. The size is configurable ({@code praxis.outcome-report.minimum-group-size}, 5 by default);
 * below 2 a "group" is one engagement, so that is refused.
 */
public record MinimumGroupSize(int k) {
    public static final int DEFAULT = 5;
    /** A group of one is a person. */
    public static final int FLOOR = 2;

    public MinimumGroupSize {
        if (k < FLOOR) {
            throw new IllegalArgumentException(
                    "The minimum group size of the outcome report is at least " + FLOOR + ", not " + k);
        }
    }

    /**
     * How many of {@code count} engagements, taken in the order they closed, a report counts: whole groups of
     * {@code k} only. Two reads then differ by a group of at least {@code k} engagements or not at all, so the
     * difference never singles out the one engagement that closed between them.
     */
    public int released(int count) {
        return count - count % k;
    }

    /** Figures about {@code count} engagements may be shown. */
    public boolean shows(long count) {
        return count >= k;
    }

    /** Why figures about {@code count} engagements are not shown (null when they are). */
    public String reasonHidden(long count, String what) {
        return shows(count)
                ? null
                : "Fewer than " + k + " " + what + " count, so no figures are shown: they could single out a person.";
    }
}
