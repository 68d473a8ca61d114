package org.praxis.intake.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/** Who moved a risk flag to which status, when, and their note (encrypted). */
@Entity
public class RiskFlagStep {
    @Id
    public UUID id;
    public String tenantId;
    public UUID riskFlagId;
    public String status;
    public String actor;
    public Instant at;
    @Convert(converter = EncryptedText.class)
    public String note;
}
