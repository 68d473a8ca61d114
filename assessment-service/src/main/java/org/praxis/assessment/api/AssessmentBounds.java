package org.praxis.assessment.api;

import org.praxis.platform.web.Bounds;

/**
 * The sizes assessment-service's own fields keep, beside the shared {@link Bounds}. Integer bounds
 * are strings here as {@code @Schema(minimum, maximum)} takes them. Lists of strings in responses bound
 * their elements with {@code List<@Size(max = ...) String>}: {@code @Schema} cannot annotate a type
 * argument, and responses are not validated, so there the constraint only declares.
 */
final class AssessmentBounds {
    /** Evidence descriptions, supervision notes, rating comments. */
    static final int NOTE = 5_000;

    static final int REGISTRATION_NUMBER = 100;
    static final int ATTACHMENTS = 20;
    /** Evidence one rating links to. */
    static final int EVIDENCE_LINKS = 50;
    /** Hours a tenant may require for eligibility. */
    static final int MAX_HOURS = 100_000;
    /** Row versions, revisions and counts. */
    static final String COUNT_MAX = "" + Bounds.COUNT_MAX;
    /** Framework versions are numbered from 1. */
    static final String VERSION_MAX = "" + Integer.MAX_VALUE;

    private AssessmentBounds() {}
}
