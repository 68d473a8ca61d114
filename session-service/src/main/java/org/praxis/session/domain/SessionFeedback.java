package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * The client's answer to the feedback form after a held session (issue 22): four 0-10 items and an optional
 * comment, given once. Only the client reads it as a row; the practitioner and their supervisor see
 * {@link FeedbackTrends}, and assessment-service an aggregate of five answers at a time.
 */
@Entity
public class SessionFeedback {
    public static final int COMMENT_MAX = 500;

    private static final SealedColumn COMMENT = SealedColumn.of("session_feedback", "comment");

    @Id
    public UUID id;

    public String tenantId;
    public UUID sessionId;
    public UUID engagementId;
    public String practitionerId;
    public int feltHeard;
    public int workedOnWhatMattered;
    public int approachFitted;
    public int overall;
    /** Sealed ({@link #comment()}). */
    String comment;

    public Instant answeredAt;
    public Instant batchPublishedAt;

    public String comment() {
        return COMMENT.open(tenantId, id, comment);
    }

    public void comment(String plaintext) {
        comment = COMMENT.seal(tenantId, id, plaintext);
    }

    /** The client erased: the answer keeps its numbers and month, and nothing that leads back to them. */
    void anonymise() {
        sessionId = null;
        engagementId = null;
        comment(null);
        answeredAt = monthOf(answeredAt);
        // When it completed a published batch, this was the moment of the answer itself.
        batchPublishedAt = batchPublishedAt == null ? null : monthOf(batchPublishedAt);
    }

    private static Instant monthOf(Instant at) {
        return java.time.YearMonth.from(at.atZone(java.time.ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
    }
}
