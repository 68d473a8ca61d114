package org.praxis.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** A person's request for coaching, screened before anyone decides how to help. */
@Entity
public class Intake {
    public static final String OPEN = "open";
    public static final String DECIDED = "decided";
    public static final List<String> STATUSES = List.of(OPEN, DECIDED);

    private static final SealedColumn DISPLAY_NAME = SealedColumn.of("intake", "display_name");
    private static final SealedColumn PRESENTING_CONCERNS = SealedColumn.of("intake", "presenting_concerns");
    private static final SealedColumn HOPED_FOR_OUTCOMES = SealedColumn.of("intake", "hoped_for_outcomes");

    @Id
    public UUID id;

    public String tenantId;
    /** The person's OIDC subject when they have an account. */
    public String clientSubject;
    /** Sealed ({@link #displayName()}). */
    String displayName;
    /** Sealed ({@link #presentingConcerns()}). */
    String presentingConcerns;
    /** Sealed ({@link #hopedForOutcomes()}). */
    String hopedForOutcomes;

    public String sponsorOrganisation;
    public String assignedCoach;
    /** Who assigned the coach (a supervisor, or the coach who claimed the intake) and when; null when opened so. */
    public String assignedBy;

    public Instant assignedAt;
    public String status;
    public String createdBy;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public String displayName() {
        return DISPLAY_NAME.open(tenantId, id, displayName);
    }

    public void displayName(String plaintext) {
        displayName = DISPLAY_NAME.seal(tenantId, id, plaintext);
    }

    public String presentingConcerns() {
        return PRESENTING_CONCERNS.open(tenantId, id, presentingConcerns);
    }

    public void presentingConcerns(String plaintext) {
        presentingConcerns = PRESENTING_CONCERNS.seal(tenantId, id, plaintext);
    }

    public String hopedForOutcomes() {
        return HOPED_FOR_OUTCOMES.open(tenantId, id, hopedForOutcomes);
    }

    public void hopedForOutcomes(String plaintext) {
        hopedForOutcomes = HOPED_FOR_OUTCOMES.seal(tenantId, id, plaintext);
    }
}
