package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * The client's own judgement at the end review: how far each goal was met ({@link ClientGoalJudgement})
 * and what changed for them, in their words. It sits beside the practitioner's view of the review,
 * never instead of it; given once.
 */
@Entity
public class ClientJudgement {
    private static final SealedColumn WHAT_CHANGED = SealedColumn.of("client_judgement", "what_changed");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public UUID reviewId;
    /** Sealed ({@link #whatChanged()}). */
    String whatChanged;

    public String judgedBy;
    public Instant createdAt;

    public String whatChanged() {
        return WHAT_CHANGED.open(tenantId, id, whatChanged);
    }

    public void whatChanged(String plaintext) {
        whatChanged = WHAT_CHANGED.seal(tenantId, id, plaintext);
    }
}
