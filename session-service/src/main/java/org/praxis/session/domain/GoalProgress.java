package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Progress on a goal as the client judges it, on a 0-10 scale. Success is the client's to judge. */
@Entity
public class GoalProgress {
    @Id
    public UUID id;

    public String tenantId;
    public UUID goalId;
    public int rating;
    public String ratedBy;
    public LocalDate ratedOn;
    public Instant createdAt;
}
