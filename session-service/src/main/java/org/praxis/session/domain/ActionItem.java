package org.praxis.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** Homework between sessions, on the client's to-do list. */
@Entity
public class ActionItem {
    private static final SealedColumn TITLE = SealedColumn.of("action_item", "title");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public UUID goalId;
    /** Sealed ({@link #title()}). */
    String title;

    public LocalDate dueDate;
    public boolean done;
    public Instant doneAt;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public String title() {
        return TITLE.open(tenantId, id, title);
    }

    public void title(String plaintext) {
        title = TITLE.seal(tenantId, id, plaintext);
    }
}
