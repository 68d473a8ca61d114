package org.praxis.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A tenant framework version, imported as CASE JSON; a published version never changes. */
@Entity
public class FrameworkVersion {
    @Id
    public UUID id;

    public String tenantId;
    public String code;
    public int version;
    public String title;
    public String document;
    public String createdBy;
    public Instant createdAt;
}
