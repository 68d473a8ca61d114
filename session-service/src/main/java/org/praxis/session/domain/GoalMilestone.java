package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** A step on the way to a goal. */
@Entity
public class GoalMilestone {
    private static final SealedColumn TITLE = SealedColumn.of("goal_milestone", "title");

    @Id
    public UUID id;

    public String tenantId;
    public UUID goalId;
    /** Sealed ({@link #title()}). */
    String title;

    public LocalDate dueDate;
    public Instant reachedAt;

    public String title() {
        return TITLE.open(tenantId, id, title);
    }

    public void title(String plaintext) {
        title = TITLE.seal(tenantId, id, plaintext);
    }
}
