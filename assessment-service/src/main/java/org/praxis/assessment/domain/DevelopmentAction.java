package org.praxis.assessment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.praxis.platform.crypto.EncryptedText;

/** A step of the development plan, for one competence with a gap, due by a date. */
@Entity
public class DevelopmentAction {
    @Id
    public UUID id;
    public String tenantId;
    public String practitionerId;
    public String competenceCode;
    @Convert(converter = EncryptedText.class)
    public String action;
    public LocalDate dueOn;
    public Instant doneAt;
    public String createdBy;
    public Instant createdAt;
    @Version
    @Column(nullable = false)
    public long version;
}
