package org.praxis.intake.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/** A practitioner's choice of pathway; it may differ from the recommendation, with a reason. */
@Entity
public class Decision {
    @Id
    public UUID id;
    public String tenantId;
    public UUID intakeId;
    public String pathway;
    public String recommendedPathway;
    public String practitionerId;
    @Convert(converter = EncryptedText.class)
    public String reason;
    public String decidedBy;
    public Instant decidedAt;
}
