package org.praxis.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A concern about a person's safety, followed from raised to closed. */
@Entity
public class RiskFlag {
    public static final String SERIOUS = "serious";
    public static final String ELEVATED = "elevated";
    public static final String LOW = "low";
    public static final List<String> LEVELS = List.of(SERIOUS, ELEVATED, LOW);
    /** {@link #LEVELS} as a pattern, for bean validation (an annotation takes no list); anchored, as JSON Schema's are not. */
    public static final String LEVEL_PATTERN = "^(" + SERIOUS + "|" + ELEVATED + "|" + LOW + ")$";
    /**
     * What a flag is about, as a code (e.g. {@code self-harm-thoughts}), never free text: the code goes out in
     * {@code risk-flag.raised} (whose schema has this pattern), to queues and webhooks, and is not sealed.
     */
    public static final String CODE_PATTERN = "^[a-z0-9][a-z0-9-]*$";

    /** Raised by an item's answer, by hand, or by a deteriorating score trajectory ({@link Trajectory}). */
    public static final String ITEM = "item";

    public static final String MANUAL = "manual";
    public static final String TRAJECTORY = "trajectory";
    /** Raised when the recommendation recomputed during monitoring crossed into therapy or urgent help. */
    public static final String RECOMMENDATION = "recommendation";

    public static final List<String> SOURCES = List.of(ITEM, MANUAL, TRAJECTORY, RECOMMENDATION);

    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public UUID screeningId;
    public String code;
    /** One of {@link #LEVELS}. */
    public String level;
    /** One of {@link #SOURCES}. */
    public String source;
    /** One of {@link RiskFlagLifecycle#STATUSES}. */
    public String status;

    public String raisedBy;
    public Instant raisedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
