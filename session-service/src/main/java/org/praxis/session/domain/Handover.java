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
 * An engagement handed from one coach to another ({@link Handovers}): offered, then accepted or declined by
 * the new coach. The accepted ones are the engagement's practitioner history (who, from whom, when, why).
 */
@Entity
public class Handover {
    public static final List<String> REASONS = List.of("fit", "scope", "withdrawal", "client-request");
    public static final String CLIENT_REQUEST = "client-request";

    public static final String OFFERED = "offered";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    /** Taken back by whoever may offer it, or ended by a supervisor's grant of the client's request or the close. */
    public static final String WITHDRAWN = "withdrawn";

    public static final List<String> STATUSES = List.of(OFFERED, ACCEPTED, DECLINED, WITHDRAWN);

    private static final SealedColumn NOTE = SealedColumn.of("handover", "note");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public String fromPractitioner;
    public String toPractitioner;
    /** One of {@link #REASONS}. */
    public String reason;
    /** Sealed ({@link #note()}): what the new coach needs to know, from the one handing over. */
    String note;
    /** {@link #OFFERED}, {@link #ACCEPTED} or {@link #DECLINED}. */
    public String status;

    public String offeredBy;
    public Instant offeredAt;
    public Instant answeredAt;
    /** The client's granted request for another coach this handover carries out, if any. */
    public UUID clientRequestId;

    @Version
    @Column(nullable = false)
    public long version;

    public String note() {
        return NOTE.open(tenantId, id, note);
    }

    /**
     * Who was the engagement's practitioner at {@code at}: the coach the first handover accepted after that
     * time took it from, else (none accepted since) the practitioner now. {@code accepted}: the engagement's
     * accepted handovers, oldest answer first.
     */
    public static String practitionerAt(String now, List<Handover> accepted, Instant at) {
        for (Handover h : accepted) {
            if (h.answeredAt.isAfter(at)) {
                return h.fromPractitioner;
            }
        }
        return now;
    }

    public void note(String plaintext) {
        note = NOTE.seal(tenantId, id, plaintext);
    }
}
