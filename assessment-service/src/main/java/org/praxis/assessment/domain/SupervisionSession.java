package org.praxis.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.SealedColumn;

/** A supervision session: who supervised whom, when, how long, which competences were discussed. */
@Entity
public class SupervisionSession {
    private static final SealedColumn NOTES = SealedColumn.of("supervision_session", "notes");

    @Id
    public UUID id;

    public String tenantId;
    public String superviseeId;
    public String supervisorId;
    public LocalDate heldOn;
    public int durationMinutes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> competences;
    /** Sealed to this row: read and write it through {@link #notes()} and {@link #notes(String)}. */
    String notes;

    public String recordedBy;
    public Instant recordedAt;
    /** Who verified the entry and when; null until verified (only verified entries count toward eligibility). */
    public String verifiedBy;

    public Instant verifiedAt;

    public String notes() {
        return NOTES.open(tenantId, id, notes);
    }

    /** Seals {@code plaintext} to this row: set {@code id} and {@code tenantId} first. */
    public void notes(String plaintext) {
        notes = NOTES.seal(tenantId, id, plaintext);
    }
}
