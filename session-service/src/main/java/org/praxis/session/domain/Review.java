package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** A periodic review of the engagement, or the end review that closes it. */
@Entity
public class Review {
    public static final String PERIODIC = "periodic";
    public static final String END = "end";
    public static final List<String> KINDS = List.of(PERIODIC, END);

    private static final SealedColumn WHAT_CHANGED = SealedColumn.of("review", "what_changed");
    private static final SealedColumn SHARED_SUMMARY = SealedColumn.of("review", "shared_summary");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public String kind;
    public LocalDate heldOn;
    /** Sealed ({@link #whatChanged()}). */
    String whatChanged;
    /**
     * What the practitioner shares with the client of this review (the client never sees {@link #whatChanged()});
     * sealed ({@link #sharedSummary()}).
     */
    String sharedSummary;

    public String goalsMet;
    public boolean followUpOffered;
    public int boosterSessionsOffered;
    public String createdBy;
    public Instant createdAt;

    public String whatChanged() {
        return WHAT_CHANGED.open(tenantId, id, whatChanged);
    }

    public void whatChanged(String plaintext) {
        whatChanged = WHAT_CHANGED.seal(tenantId, id, plaintext);
    }

    public String sharedSummary() {
        return SHARED_SUMMARY.open(tenantId, id, sharedSummary);
    }

    public void sharedSummary(String plaintext) {
        sharedSummary = SHARED_SUMMARY.seal(tenantId, id, plaintext);
    }
}
