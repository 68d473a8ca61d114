package org.praxis.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A tenant's current framework and the practice and supervision minimums for eligibility. */
@Entity
@Table(name = "assessment_settings")
public class AssessmentSettings {
    @Id
    public String tenantId;

    public String frameworkCode;
    public int frameworkVersion;
    public int minPracticeMinutes;
    public int minSupervisionMinutes;
    public String updatedBy;
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
