package org.praxis.intake.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** One scored response. Never changes: a correction is a new screening. */
@Entity
public class Screening {
    private static final SealedColumn ANSWERS = SealedColumn.of("screening", "answers");

    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public String instrumentCode;
    public int instrumentVersion;
    public String scoringVersion;
    /** The answers as JSON, sealed ({@link #answers()}). */
    String answers;

    public int total;
    public String severity;
    public Integer percent;
    public String submittedBy;
    public Instant scoredAt;
    /** Set when the screening completed a monitoring measure's assignment ({@link Assignment#measureId}). */
    public UUID engagementId;

    public UUID measureId;

    /** The answers as JSON. */
    public String answers() {
        return ANSWERS.open(tenantId, id, answers);
    }

    public void answers(String json) {
        answers = ANSWERS.seal(tenantId, id, json);
    }
}
