package org.praxis.referral.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/** A self-help resource from the directory offered to a person, instead of or before a referral. */
@Entity
public class SelfHelpOffer {
    @Id
    public UUID id;
    public String tenantId;
    public String clientSubject;
    public UUID serviceId;
    public UUID referralId;
    @Convert(converter = EncryptedText.class)
    public String note;
    public String offeredBy;
    public Instant offeredAt;
}
