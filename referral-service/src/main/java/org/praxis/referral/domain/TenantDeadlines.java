package org.praxis.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A tenant's own answer deadlines per urgency, once an admin has set them (see {@link AnswerDeadlines}). */
@Entity
@Table(name = "referral_deadlines")
public class TenantDeadlines {
    @Id
    public String tenantId;

    public long emergencySeconds;
    public long urgentSeconds;
    public long soonSeconds;
    public long routineSeconds;
    public String updatedBy;
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
