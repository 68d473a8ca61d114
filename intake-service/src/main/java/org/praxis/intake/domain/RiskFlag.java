package org.praxis.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A concern about a person's safety, followed from raised to closed. */
@Entity
public class RiskFlag {
    public static final String RAISED = "raised";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String ACTIONED = "actioned";
    public static final String CLOSED = "closed";
    public static final Set<String> OPEN = Set.of(RAISED, ACKNOWLEDGED, ACTIONED);
    /** How many statuses there are, so how many steps a flag can have: it only moves forward. */
    public static final int STATUSES = 4;

    /** Each status may only move forward to these. */
    private static final Map<String, Set<String>> NEXT = Map.of(
            RAISED, Set.of(ACKNOWLEDGED),
            ACKNOWLEDGED, Set.of(ACTIONED, CLOSED),
            ACTIONED, Set.of(CLOSED),
            CLOSED, Set.of());

    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public UUID screeningId;
    public String code;
    public String level;
    public String source;
    public String status;
    public String raisedBy;
    public Instant raisedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public static boolean isKnownStatus(String status) {
        return NEXT.containsKey(status);
    }

    public boolean canMoveTo(String next) {
        return NEXT.getOrDefault(status, Set.of()).contains(next);
    }
}
