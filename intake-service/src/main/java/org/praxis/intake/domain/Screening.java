package org.praxis.intake.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/** One scored response. Never changes: a correction is a new screening. */
@Entity
public class Screening {
    @Id
    public UUID id;
    public String tenantId;
    public UUID intakeId;
    public String instrumentCode;
    public int instrumentVersion;
    public String scoringVersion;
    /** The answers as JSON, encrypted at rest. */
    @Convert(converter = EncryptedText.class)
    public String answers;
    public int total;
    public String severity;
    public Integer percent;
    public String submittedBy;
    public Instant scoredAt;
}
