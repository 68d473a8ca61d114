package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.praxis.platform.problem.ProblemException;
import org.praxis.session.domain.access.EngagementPolicy;

/**
 * Whether a party's acceptance of a contract version is taken now, and what a refusal tells them. A party who does
 * not read the engagement (a sponsor, another party) learns only that it is not taken now: why (the engagement
 * closed, a newer version they may not read yet, the practitioner not eligible for integrated work) would tell
 * them what the contract keeps from them. Nobody but the practitioner's side reads the pathway, so an ineligible
 * practitioner is named to them alone.
 */
@ApplicationScoped
public class ContractAcceptance {
    static final String NOT_NOW = "This contract version cannot be accepted now; the practitioner can say why.";

    @Inject
    Engagements engagements;

    @Inject
    Policies policies;

    /** 409 (or, to the practitioner's side, 422 for ineligibility) unless version {@code number} of {@code latest} is taken. */
    void requireAcceptable(Engagement e, int number, int latest) {
        boolean readsEngagement = policies.engagements().can(policies.caller(), EngagementPolicy.Action.VIEW, e);
        // A version still pending at the close would otherwise come into force after it (package, terms).
        if (!EngagementLifecycle.isOpen(e.status)) {
            throw ProblemException.conflict(
                    readsEngagement
                            ? "The engagement is " + e.status + "; its contract takes no acceptances."
                            : NOT_NOW);
        }
        try {
            engagements.requireEligibleFor(e);
        } catch (ProblemException ineligible) {
            if (engagements.pathwayShown().test(e)) {
                throw ineligible;
            }
            throw ProblemException.conflict(NOT_NOW);
        }
        if (number != latest) {
            throw ProblemException.conflict(
                    readsEngagement
                            ? "Version " + number + " has been replaced by a newer one; accept that instead."
                            : NOT_NOW);
        }
    }
}
