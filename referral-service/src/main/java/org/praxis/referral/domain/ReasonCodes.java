package org.praxis.referral.domain;

import java.util.List;

/**
 * Why a person is referred, coded (the free-text reason is kept apart and encrypted). The health
 * reasons are those that call for therapy rather than coaching; {@code safety-concern} is what
 * automatic drafts from risk flags and concerns carry.
 */
public final class ReasonCodes {
    public static final String SAFETY_CONCERN = "safety-concern";
    /** What a draft from an intake decided {@code therapy} carries until its practitioner says more. */
    public static final String BEYOND_COACHING_SCOPE = "beyond-coaching-scope";

    public static final List<String> ALL = List.of(
            "depression",
            "anxiety",
            "trauma",
            "grief",
            "addiction",
            SAFETY_CONCERN,
            "physical-health",
            BEYOND_COACHING_SCOPE,
            "other");

    private ReasonCodes() {}
}
