package org.praxis.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * The client's request to pause or end their engagement, or to change coach; a supervisor of the
 * engagement's practitioner grants or declines it ({@link ClientRequests}). One open request per kind.
 */
@Entity
public class ClientRequest {
    public static final String PAUSE = "pause";
    public static final String END = "end";
    public static final String CHANGE_COACH = "change-coach";
    public static final List<String> KINDS = List.of(PAUSE, END, CHANGE_COACH);

    public static final String OPEN = "open";
    public static final String GRANTED = "granted";
    public static final String DECLINED = "declined";
    public static final List<String> DECISIONS = List.of(GRANTED, DECLINED);
    public static final List<String> STATUSES = List.of(OPEN, GRANTED, DECLINED);

    private static final SealedColumn REASON = SealedColumn.of("client_request", "reason");
    private static final SealedColumn DECISION_NOTE = SealedColumn.of("client_request", "decision_note");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    /** One of {@link #KINDS}. */
    public String kind;
    /** Sealed ({@link #reason()}). */
    String reason;
    /** For a change of coach: the coach the client would like, if any. */
    public String preferredCoach;
    /** {@link #OPEN} or one of {@link #DECISIONS}. */
    public String status;

    public String requestedBy;
    public Instant requestedAt;
    public String decidedBy;
    public Instant decidedAt;
    /** Sealed ({@link #decisionNote()}). */
    String decisionNote;
    /** For a granted change of coach: the coach the supervisor named. */
    public String newCoach;

    @Version
    @Column(nullable = false)
    public long version;

    public String reason() {
        return REASON.open(tenantId, id, reason);
    }

    public void reason(String plaintext) {
        reason = REASON.seal(tenantId, id, plaintext);
    }

    public String decisionNote() {
        return DECISION_NOTE.open(tenantId, id, decisionNote);
    }

    public void decisionNote(String plaintext) {
        decisionNote = DECISION_NOTE.seal(tenantId, id, plaintext);
    }
}
