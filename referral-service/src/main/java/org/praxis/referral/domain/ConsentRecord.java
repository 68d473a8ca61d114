package org.praxis.referral.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.praxis.platform.crypto.SealedColumn;
import org.praxis.platform.problem.ProblemException;
import org.praxis.platform.problem.Violation;

/** The client asked about one referral: who asked, when, what they agreed to share, in their own words. */
@Entity
@Table(name = "referral_consent")
public class ConsentRecord {
    public static final String PENDING = "pending";
    public static final String AGREED = "agreed";
    public static final String REFUSED = "refused";
    /** The client took their agreement back. */
    public static final String WITHDRAWN = "withdrawn";
    /** The question no longer stands, by no act of the client's ({@link #lapse}). */
    public static final String LAPSED = "lapsed";

    public static final List<String> DECISIONS = List.of(PENDING, AGREED, REFUSED, WITHDRAWN, LAPSED);

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
    public Instant lapsedAt;

    public String clientWords() {
        return CLIENT_WORDS.open(tenantId, id, clientWords);
    }

    public void clientWords(String plaintext) {
        clientWords = CLIENT_WORDS.seal(tenantId, id, plaintext);
    }

    public boolean isPending() {
        return PENDING.equals(decision);
    }

    public boolean isAgreed() {
        return AGREED.equals(decision);
    }

    /**
     * What the client was asked about changed, or the referral was cancelled, or the client erased: a pending
     * question or a given agreement no longer stands. Not "withdrawn", which the client reads as their own act.
     */
    public void lapse(Instant at) {
        if (isPending() || isAgreed()) {
            decision = LAPSED;
            lapsedAt = at;
        }
    }

    /**
     * The client's answer, given once: they agree, sharing no more than was proposed, or refuse
     * (sharing nothing). 409 when already decided, 422 naming the items beyond the proposal.
     */
    public void decide(boolean agree, List<String> shares, String words, Instant at) {
        if (LAPSED.equals(decision)) {
            throw ProblemException.conflict("This question no longer stands: the referral changed or ended.");
        }
        if (!isPending()) {
            throw ProblemException.conflict("You already " + decision + "; withdraw your consent to change it.");
        }
        List<String> sharing = shares == null ? List.of() : shares;
        List<Integer> beyond = Disclosure.beyond(proposed, sharing);
        if (agree && !beyond.isEmpty()) {
            throw ProblemException.unprocessable(
                    "You can share only what you were asked about",
                    List.of(new Violation(
                            "shares",
                            "items " + beyond + " were not proposed; you were asked about: "
                                    + (proposed.isEmpty() ? "nothing" : String.join(", ", proposed)))));
        }
        decision = agree ? AGREED : REFUSED;
        this.shares = agree ? List.copyOf(sharing) : List.of();
        clientWords(words);
        decidedAt = at;
    }
}
