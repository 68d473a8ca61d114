package org.praxis.session.domain;

/**
 * What a sponsor may see of an engagement: attendance, session dates, session counts, agreed
 * progress summaries, and whether it may be counted (never named) in the sponsor's organisation
 * outcome report ({@code aggregateOutcomes}, issue 21). Notes, answers, scores and risk details are
 * never disclosable, so they are not here. A term a request leaves out is not disclosed.
 */
public record DisclosureTerms(
        boolean attendance,
        boolean sessionDates,
        boolean sessionCounts,
        boolean progressSummaries,
        boolean aggregateOutcomes) {

    public static DisclosureTerms nothing() {
        return new DisclosureTerms(false, false, false, false, false);
    }
}
