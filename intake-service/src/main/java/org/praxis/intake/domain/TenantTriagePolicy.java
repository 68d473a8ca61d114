package org.praxis.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A tenant's stored triage thresholds (see {@link TriagePolicy}). */
@Entity
@Table(name = "triage_policy")
public class TenantTriagePolicy {
    @Id
    public String tenantId;

    public int phq9Therapy;
    public int gad7Therapy;
    public int phq9Integrated;
    public int gad7Integrated;
    public int phq9Monitoring;
    public int gad7Monitoring;
    public int wsasMonitoring;
    public int screenPositiveThreshold;
    public boolean coachesMayClaim;
    public String updatedBy;
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public TriagePolicy toPolicy() {
        return new TriagePolicy(
                phq9Therapy,
                gad7Therapy,
                phq9Integrated,
                gad7Integrated,
                phq9Monitoring,
                gad7Monitoring,
                wsasMonitoring,
                screenPositiveThreshold,
                coachesMayClaim);
    }
}
