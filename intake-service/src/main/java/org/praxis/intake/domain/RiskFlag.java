package org.praxis.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A concern about a person's safety, followed from raised to closed. */
@Entity
public class RiskFlag {
    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public UUID screeningId;
    public String code;
    public String level;
    public String source;
    /** One of {@link RiskFlagLifecycle#STATUSES}. */
    public String status;

    public String raisedBy;
    public Instant raisedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
