package org.praxis.intake.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** A practitioner's choice of pathway; it may differ from the recommendation, with a reason. */
@Entity
public class Decision {
    private static final SealedColumn REASON = SealedColumn.of("decision", "reason");

    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public String pathway;
    public String recommendedPathway;
    public String practitionerId;
    /** Sealed ({@link #reason()}). */
    String reason;

    public String decidedBy;
    public Instant decidedAt;

    public String reason() {
        return REASON.open(tenantId, id, reason);
    }

    public void reason(String plaintext) {
        reason = REASON.seal(tenantId, id, plaintext);
    }
}
