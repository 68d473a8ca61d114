package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The client's scores on one instrument during an engagement, as intake-service classified them against
 * its published thresholds: the first (baseline) and the latest screening. Intake owns the scores; this is
 * its latest word, replaced by each newer screening.
 */
@Entity
public class ScoreTrajectory {
    /** The largest total intake-service can score: an instrument of 100 items answered at most 100 each. */
    public static final int MAX_TOTAL = 10_000;

    public static final String NO_RELIABLE_CHANGE = "no-reliable-change";
    public static final String RELIABLE_IMPROVEMENT = "reliable-improvement";
    public static final String RELIABLE_DETERIORATION = "reliable-deterioration";
    public static final String RECOVERY = "recovery";
    public static final String RELIABLE_RECOVERY = "reliable-recovery";
    public static final String NOT_CLASSIFIABLE = "not-classifiable";
    /** intake-service's classifications (its trajectory.changed contract). */
    public static final List<String> CLASSIFICATIONS = List.of(
            NO_RELIABLE_CHANGE,
            RELIABLE_IMPROVEMENT,
            RELIABLE_DETERIORATION,
            RECOVERY,
            RELIABLE_RECOVERY,
            NOT_CLASSIFIABLE);

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public String instrument;
    public UUID baselineScreeningId;
    public UUID latestScreeningId;
    public int baselineTotal;
    public int latestTotal;
    public String baselineBand;
    public String latestBand;
    /** One of {@link #CLASSIFICATIONS}. */
    public String classification;
    /** Reliable deterioration, or a more severe band than the point before. */
    public boolean deteriorated;

    public String thresholdsVersion;
    public Instant updatedAt;
}
