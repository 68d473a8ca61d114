package org.praxis.session.domain;

/**
 * A tenant's policy for coaching after therapy (issue 22): whether a new full intake is needed before
 * it starts. Built in: not needed — the completed referral and its intake are enough.
 */
public record AfterTherapyTerms(boolean newIntakeRequired) {
    public static final AfterTherapyTerms DEFAULTS = new AfterTherapyTerms(false);
}
