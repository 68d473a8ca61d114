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

/** Evidence of practice, linked to competences; practice hours also arrive from session.completed. */
@Entity
public class Evidence {
    public static final String PRACTICE_HOURS = "practice-hours";
    public static final List<String> KINDS = List.of(
            "observed-session", "recording-review", "supervision-discussion", "cpd", "reflective-log", PRACTICE_HOURS);

    private static final SealedColumn DESCRIPTION = SealedColumn.of("evidence", "description");

    @Id
    public UUID id;

    public String tenantId;
    public String practitionerId;
    public String kind;
    public LocalDate occurredOn;
    /** Sealed to this row: read and write it through {@link #description()} and {@link #description(String)}. */
    String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> competences;

    public Integer minutes;
    public UUID sourceSessionId;
    public String recordedBy;
    public Instant recordedAt;
    /** Who verified the entry and when; null until verified (only verified entries count toward eligibility). */
    public String verifiedBy;

    public Instant verifiedAt;

    public String description() {
        return DESCRIPTION.open(tenantId, id, description);
    }

    /** Seals {@code plaintext} to this row: set {@code id} and {@code tenantId} first. */
    public void description(String plaintext) {
        description = DESCRIPTION.seal(tenantId, id, plaintext);
    }
}
