package org.praxis.intake.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.praxis.platform.crypto.EncryptedText;

/** A person's request for coaching, screened before anyone decides how to help. */
@Entity
public class Intake {
    public static final String OPEN = "open";
    public static final String DECIDED = "decided";

    @Id
    public UUID id;
    public String tenantId;
    /** The person's OIDC subject when they have an account. */
    public String clientSubject;
    @Convert(converter = EncryptedText.class)
    public String displayName;
    @Convert(converter = EncryptedText.class)
    public String presentingConcerns;
    @Convert(converter = EncryptedText.class)
    public String hopedForOutcomes;
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
}
