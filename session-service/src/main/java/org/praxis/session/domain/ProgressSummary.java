package org.praxis.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * A summary of progress the practitioner drafts for the sponsor. It reaches the sponsor only once the
 * client approved it, and only while the contract in force discloses progress summaries
 * ({@link ProgressSummaryLifecycle}, {@link SponsorReport}).
 */
@Entity
public class ProgressSummary {
    private static final SealedColumn BODY = SealedColumn.of("progress_summary", "body");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    /** Sealed ({@link #body()}). */
    String body;

    /** One of {@link ProgressSummaryLifecycle#STATUSES}. */
    public String status;

    public String draftedBy;
    public Instant draftedAt;
    public String decidedBy;
    public Instant decidedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public String body() {
        return BODY.open(tenantId, id, body);
    }

    public void body(String plaintext) {
        body = BODY.seal(tenantId, id, plaintext);
    }

    /** What an erased client's summary reads: its text went with them. No report shows it, nor that it was there. */
    static final String ERASED = "erased";

    void erase() {
        body(ERASED);
    }

    boolean erased() {
        return ERASED.equals(body());
    }
}
