package org.praxis.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An assessment cycle of one practitioner against one framework version. */
@Entity
public class Assessment {
    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";
    public static final List<String> STATUSES = List.of(OPEN, COMPLETED);

    @Id
    public UUID id;

    public String tenantId;
    public String practitionerId;
    public String frameworkCode;
    public int frameworkVersion;
    public String status;
    public String openedBy;
    public Instant openedAt;
    public String completedBy;
    public Instant completedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
