package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A concern about the client's safety a coach recorded in a session; referral-service takes it up. */
@Entity
public class RiskConcern {
    public static final List<String> LEVELS = List.of("serious", "elevated", "low");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public UUID sessionId;
    /** One of {@link #LEVELS}. */
    public String level;

    public String raisedBy;
    public Instant raisedAt;
}
