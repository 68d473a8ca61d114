package org.praxis.referral.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/** One step in a referral's history: what was done, by whom, when and why (the why encrypted). */
@Entity
public class ReferralStep {
    @Id
    public UUID id;
    public String tenantId;
    public UUID referralId;
    /** The referral's status after the step. */
    public String status;
    public String action;
    public String actor;
    public Instant at;
    @Convert(converter = EncryptedText.class)
    public String reason;
}
