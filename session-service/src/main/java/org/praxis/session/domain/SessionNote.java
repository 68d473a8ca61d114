package org.praxis.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** A private note (the coach's) or a shared summary (the client sees it). Signed means locked. */
@Entity
public class SessionNote {
    public static final String PRIVATE = "private";
    public static final String SHARED = "shared";
    public static final List<String> KINDS = List.of(PRIVATE, SHARED);

    private static final SealedColumn BODY = SealedColumn.of("session_note", "body");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public UUID sessionId;
    public String kind;
    /** Sealed ({@link #body()}). */
    String body;

    public String author;
    public Instant createdAt;
    public Instant signedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean isSigned() {
        return signedAt != null;
    }

    public String body() {
        return BODY.open(tenantId, id, body);
    }

    public void body(String plaintext) {
        body = BODY.seal(tenantId, id, plaintext);
    }
}
