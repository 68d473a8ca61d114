package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral to therapy that completed (referral-service's {@code referral.status-changed}): coaching
 * may start after it (issue 22). Therapy-like are the kinds that treat a person's mental health —
 * therapy, counselling and psychiatry — which triage ranks above coaching; a GP, a crisis line,
 * support work or self-help is not therapy that coaching follows.
 */
@Entity
public class CompletedTherapyReferral {
    public static final List<String> THERAPY_KINDS = List.of("therapy", "counselling", "psychiatry");

    @Id
    public UUID id;

    public String tenantId;
    public UUID referralId;
    public String clientSubject;
    public UUID intakeId;
    /** The engagement the referral was made from, if any. */
    public UUID engagementId;

    public String practitionerId;
    public String serviceKind;
    public Instant completedAt;

    public static boolean isTherapy(String serviceKind) {
        return THERAPY_KINDS.contains(serviceKind);
    }
}
