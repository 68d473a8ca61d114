package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What one session cost under the contract in force: recorded once per session and kind, never billed here. */
@Entity
public class SessionCharge {
    /** A held session: the contract's price per session. */
    public static final String SESSION = "session";
    /** A late cancellation by the client, or a no-show: the contract's late cancellation fee. */
    public static final String LATE_CANCELLATION = "late-cancellation";

    public static final List<String> KINDS = List.of(SESSION, LATE_CANCELLATION);

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public UUID sessionId;
    /** One of {@link #KINDS}. */
    public String kind;

    public int amountMinor;
    public String currency;
    public Instant createdAt;
}
