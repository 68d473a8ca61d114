package org.praxis.intake.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** Who moved a risk flag to which status, when, and their note (sealed). */
@Entity
public class RiskFlagStep {
    private static final SealedColumn NOTE = SealedColumn.of("risk_flag_step", "note");

    @Id
    public UUID id;

    public String tenantId;
    public UUID riskFlagId;
    public String status;
    public String actor;
    public Instant at;
    /** Sealed ({@link #note()}). */
    String note;

    public String note() {
        return NOTE.open(tenantId, id, note);
    }

    public void note(String plaintext) {
        note = NOTE.seal(tenantId, id, plaintext);
    }
}
