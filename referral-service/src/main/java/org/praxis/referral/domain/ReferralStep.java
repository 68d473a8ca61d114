package org.praxis.referral.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** One step in a referral's history: what was done, by whom, when and why (the why encrypted). */
@Entity
public class ReferralStep {
    private static final SealedColumn REASON = SealedColumn.of("referral_step", "reason");

    @Id
    public UUID id;

    public String tenantId;
    public UUID referralId;
    /** The referral's status after the step. */
    public String status;

    public String action;
    public String actor;
    public Instant at;
    /** Sealed ({@link #reason()}). */
    String reason;

    public String reason() {
        return REASON.open(tenantId, id, reason);
    }

    public void reason(String plaintext) {
        reason = REASON.seal(tenantId, id, plaintext);
    }
}
