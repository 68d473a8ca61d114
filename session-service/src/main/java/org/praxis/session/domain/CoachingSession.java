package org.praxis.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.SealedColumn;
import org.praxis.platform.problem.ProblemException;

/** One session of an engagement: scheduled, then held, missed (no-show) or cancelled. */
@Entity
public class CoachingSession {
    private static final SealedColumn NEXT_PRIORITIES = SealedColumn.of("coaching_session", "next_priorities");
    /** Goals one held session reviews at most. */
    public static final int MAX_GOALS_REVIEWED = 20;

    public static final String SCHEDULED = "scheduled";
    public static final String HELD = "held";
    public static final String NO_SHOW = "no-show";
    public static final String CANCELLED = "cancelled";
    public static final List<String> STATUSES = List.of(SCHEDULED, HELD, NO_SHOW, CANCELLED);
    /** What a practitioner records of a scheduled session ({@link Sessions#record}). */
    public static final List<String> OUTCOMES = List.of(HELD, NO_SHOW);
    /** Who cancelled: the client, or the practitioner's side (the practitioner or a supervisor). */
    public static final String BY_CLIENT = "client";

    public static final String BY_PRACTITIONER = "practitioner";
    /** Cancelled because the engagement stopped taking it: an end review or the close ({@link SessionsAhead}). */
    public static final String BY_ENGAGEMENT_END = "engagement-end";
    /** Cancelled because the engagement was paused (by hand, at the client's request or for therapy). */
    public static final String BY_ENGAGEMENT_PAUSE = "engagement-pause";

    public static final List<String> CANCELLERS =
            List.of(BY_CLIENT, BY_PRACTITIONER, BY_ENGAGEMENT_END, BY_ENGAGEMENT_PAUSE);
    public static final List<String> MODES = List.of("in-person", "video", "phone");
    /** The session models, as the schedule request's pattern reads them (an annotation cannot read a list). */
    public static final String MODEL_CODES = "GROW|T-GROW|OSKAR|CLEAR|ABCDEF|PERMA|other";

    public static final List<String> MODELS = List.of(MODEL_CODES.split("\\|"));
    /** A cancellation closer than this to the start counts as late, unless the contract states its own notice. */
    public static final Duration LATE_CANCELLATION = Duration.ofHours(24);
    /**
     * Sessions one engagement holds: ten years of weekly sessions. It bounds what the sponsor report
     * counts and lists; a longer relationship continues in a new engagement.
     */
    public static final int MAX_PER_ENGAGEMENT = 500;

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public Instant scheduledAt;
    public int durationMinutes;
    public String mode;
    public String model;
    public String status;
    public String cancelledBy;
    public Boolean cancelledLate;
    public Integer scaling;
    public Boolean previousGoalsReviewed;
    public Instant completedAt;
    /** The goals a held session reviewed, with the client's rating then (each also in the goal's progress). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<GoalReviewed> goalsReviewed;
    /** Sealed ({@link #nextPriorities()}). */
    String nextPriorities;

    /** A booster session of the follow-up an end review agreed ({@link FollowUps}). */
    public boolean booster;

    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** A goal of the engagement reviewed in a held session, with the client's 0-10 rating then. */
    public record GoalReviewed(
            @NotNull UUID goalId, @NotNull @Min(0) @Max(10) Integer rating) {}

    /** The priorities agreed for the next period, free text about the person: sealed at rest. */
    public String nextPriorities() {
        return NEXT_PRIORITIES.open(tenantId, id, nextPriorities);
    }

    public void nextPriorities(String plaintext) {
        nextPriorities = NEXT_PRIORITIES.seal(tenantId, id, plaintext);
    }

    public boolean isFinal() {
        return !SCHEDULED.equals(status);
    }

    /** 409 before the session's start: what happened (held, or a no-show and its fee) is known only then. */
    public void requireStarted(Instant now) {
        if (now.isBefore(scheduledAt)) {
            throw ProblemException.conflict(
                    "The session starts at " + scheduledAt + "; its outcome is recorded once it has started.");
        }
    }
}
