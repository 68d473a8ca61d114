package org.praxis.session.domain;

/**
 * What a sponsor may see of an engagement: attendance, session dates, session counts, agreed
 * progress summaries. Notes, answers and risk details are never disclosable, so they are not here.
 */
public record DisclosureTerms(
        boolean attendance, boolean sessionDates, boolean sessionCounts, boolean progressSummaries) {

    public static DisclosureTerms nothing() {
        return new DisclosureTerms(false, false, false, false);
    }
}
