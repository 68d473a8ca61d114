package org.praxis.intake.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;

/**
 * Whether a decision's {@code intake.decided} leads session-service to draft an engagement and, when it does
 * not, why: session-service drafts one for a coaching pathway when the intake has a client account and the
 * decision names the practitioner (its IntakeDecidedHandler, which reads the same event).
 */
public enum EngagementDraft {
    REQUESTED("requested"),
    NOT_A_COACHING_PATHWAY("not-a-coaching-pathway"),
    NO_CLIENT_ACCOUNT("no-client-account"),
    NO_PRACTITIONER("no-practitioner");

    /**
     * Therapy and urgent help are followed by referral-service, not by an engagement; support work and no
     * intervention lead to no coaching engagement either.
     */
    private static final Set<Pathway> COACHING =
            Set.of(Pathway.COACHING, Pathway.COACHING_WITH_MONITORING, Pathway.INTEGRATED);

    private final String code;

    EngagementDraft(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static EngagementDraft of(Pathway pathway, String clientSubject, String practitionerId) {
        if (!COACHING.contains(pathway)) {
            return NOT_A_COACHING_PATHWAY;
        }
        if (clientSubject == null) {
            return NO_CLIENT_ACCOUNT;
        }
        return practitionerId == null ? NO_PRACTITIONER : REQUESTED;
    }
}
