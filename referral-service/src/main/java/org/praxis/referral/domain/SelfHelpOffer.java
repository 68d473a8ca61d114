package org.praxis.referral.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** A self-help resource from the directory offered to a person, instead of or before a referral. */
@Entity
public class SelfHelpOffer {
    private static final SealedColumn NOTE = SealedColumn.of("self_help_offer", "note");

    @Id
    public UUID id;

    public String tenantId;
    public String clientSubject;
    public UUID serviceId;
    public UUID referralId;
    /** Sealed ({@link #note()}). */
    String note;

    public String offeredBy;
    public Instant offeredAt;

    public String note() {
        return NOTE.open(tenantId, id, note);
    }

    public void note(String plaintext) {
        note = NOTE.seal(tenantId, id, plaintext);
    }
}
