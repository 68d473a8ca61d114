package org.praxis.assessment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.EncryptedText;

/** A supervision session: who supervised whom, when, how long, which competences were discussed. */
@Entity
public class SupervisionSession {
    @Id
    public UUID id;
    public String tenantId;
    public String superviseeId;
    public String supervisorId;
    public LocalDate heldOn;
    public int durationMinutes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> competences;
    @Convert(converter = EncryptedText.class)
    public String notes;
    public String recordedBy;
    public Instant recordedAt;
    /** Who verified the entry and when; null until verified (only verified entries count toward eligibility). */
    public String verifiedBy;
    public Instant verifiedAt;
}
