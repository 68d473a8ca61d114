package org.praxis.intake.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * A practitioner's re-check of suitability on a decided intake during an engagement (issue 22): the
 * recommendation recomputed at that moment beside the decided pathway, and what the practitioner concluded.
 * Never changes: a later re-check is a new one.
 */
@Entity
public class SuitabilityCheck {
    public static final List<String> CONCLUSIONS = List.of("continue", "refer", "end", "change-pathway");

    private static final SealedColumn NOTE = SealedColumn.of("suitability_check", "note");

    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public String decidedPathway;
    public String recomputedPathway;
    public String conclusion;
    /** Sealed ({@link #note()}). */
    String note;

    public String checkedBy;
    public Instant checkedAt;

    public String note() {
        return NOTE.open(tenantId, id, note);
    }

    public void note(String plaintext) {
        note = NOTE.seal(tenantId, id, plaintext);
    }
}
