package org.praxis.referral.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.SealedColumn;

/** The client asked about one referral: who asked, when, what they agreed to share, in their own words. */
@Entity
@Table(name = "referral_consent")
public class ConsentRecord {
    public static final String PENDING = "pending";
    public static final String AGREED = "agreed";
    public static final String REFUSED = "refused";
    public static final String WITHDRAWN = "withdrawn";

    private static final SealedColumn CLIENT_WORDS = SealedColumn.of("referral_consent", "client_words");

    @Id
    public UUID id;
    public String tenantId;
    public UUID referralId;
    public String askedBy;
    public Instant askedAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> proposed;
    public String decision;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> shares;
    /** Sealed ({@link #clientWords()}). */
    String clientWords;
    public Instant decidedAt;
    public Instant withdrawnAt;

    public String clientWords() {
        return CLIENT_WORDS.open(tenantId, id, clientWords);
    }

    public void clientWords(String plaintext) {
        clientWords = CLIENT_WORDS.seal(tenantId, id, plaintext);
    }
}
