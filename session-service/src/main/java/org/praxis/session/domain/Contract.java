package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * One version of an engagement's contract. Versions never change; a change is a new version that
 * every required party accepts again. The disclosure terms say what a sponsor may see.
 */
@Entity
public class Contract {
    /** A new version renews the package (remaining = its sessionsPrepaid) or extends it (that many added). */
    public static final String RENEW = "renew";

    public static final String EXTEND = "extend";
    public static final List<String> PACKAGE_CHANGES = List.of(RENEW, EXTEND);
    /** The longest notice a contract may ask for a cancellation to be on time: a week. */
    public static final int MAX_LATE_CANCELLATION_HOURS = 168;

    private static final SealedColumn PURPOSE = SealedColumn.of("contract", "purpose");
    private static final SealedColumn GOALS_IN_SCOPE = SealedColumn.of("contract", "goals_in_scope");
    private static final SealedColumn CONFIDENTIALITY_TERMS = SealedColumn.of("contract", "confidentiality_terms");
    private static final SealedColumn LIMITS_OF_CONFIDENTIALITY =
            SealedColumn.of("contract", "limits_of_confidentiality");
    private static final SealedColumn BESIDE_THERAPY_BOUNDARIES =
            SealedColumn.of("contract", "beside_therapy_boundaries");
    private static final SealedColumn BESIDE_THERAPY_OTHER_PROFESSIONAL =
            SealedColumn.of("contract", "beside_therapy_other_professional");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    public int number;
    /** Sealed ({@link #purpose()}). */
    String purpose;
    /** Sealed ({@link #goalsInScope()}). */
    String goalsInScope;
    /** Sealed ({@link #confidentialityTerms()}). */
    String confidentialityTerms;
    /** Sealed ({@link #limitsOfConfidentiality()}). */
    String limitsOfConfidentiality;
    /** Whether coaching runs beside therapy; its terms are sealed ({@link #besideTherapy()}). */
    boolean besideTherapy;

    String besideTherapyBoundaries;
    String besideTherapyOtherProfessional;

    public Integer reviewEveryWeeks;
    public Integer sessionsPrepaid;
    public boolean discloseAttendance;
    public boolean discloseSessionDates;
    public boolean discloseSessionCounts;
    public boolean discloseProgressSummaries;
    public boolean discloseAggregateOutcomes;
    /** One of {@link #PACKAGE_CHANGES}, or null: this version leaves the package as it is. */
    public String packageChange;

    public Integer priceAmountMinor;
    public String priceCurrency;
    public Integer lateFeeAmountMinor;
    public String lateFeeCurrency;
    public Integer lateCancellationHours;
    public String createdBy;
    public Instant createdAt;
    /** The handover that proposed this version (null otherwise): until it is in force no session is held. */
    public UUID handoverId;

    public DisclosureTerms disclosure() {
        return new DisclosureTerms(
                discloseAttendance,
                discloseSessionDates,
                discloseSessionCounts,
                discloseProgressSummaries,
                discloseAggregateOutcomes);
    }

    public Money pricePerSession() {
        return Money.of(priceAmountMinor, priceCurrency);
    }

    public Money lateCancellationFee() {
        return Money.of(lateFeeAmountMinor, lateFeeCurrency);
    }

    public String purpose() {
        return PURPOSE.open(tenantId, id, purpose);
    }

    public void purpose(String plaintext) {
        purpose = PURPOSE.seal(tenantId, id, plaintext);
    }

    public String goalsInScope() {
        return GOALS_IN_SCOPE.open(tenantId, id, goalsInScope);
    }

    public void goalsInScope(String plaintext) {
        goalsInScope = GOALS_IN_SCOPE.seal(tenantId, id, plaintext);
    }

    public String confidentialityTerms() {
        return CONFIDENTIALITY_TERMS.open(tenantId, id, confidentialityTerms);
    }

    public void confidentialityTerms(String plaintext) {
        confidentialityTerms = CONFIDENTIALITY_TERMS.seal(tenantId, id, plaintext);
    }

    public String limitsOfConfidentiality() {
        return LIMITS_OF_CONFIDENTIALITY.open(tenantId, id, limitsOfConfidentiality);
    }

    public void limitsOfConfidentiality(String plaintext) {
        limitsOfConfidentiality = LIMITS_OF_CONFIDENTIALITY.seal(tenantId, id, plaintext);
    }

    /** The beside-therapy terms, or null when this version does not say coaching runs beside therapy. */
    public BesideTherapy besideTherapy() {
        return besideTherapy
                ? new BesideTherapy(
                        BESIDE_THERAPY_BOUNDARIES.open(tenantId, id, besideTherapyBoundaries),
                        BESIDE_THERAPY_OTHER_PROFESSIONAL.open(tenantId, id, besideTherapyOtherProfessional))
                : null;
    }

    public void besideTherapy(BesideTherapy terms) {
        besideTherapy = terms != null;
        besideTherapyBoundaries =
                terms == null ? null : BESIDE_THERAPY_BOUNDARIES.seal(tenantId, id, terms.boundaries());
        besideTherapyOtherProfessional =
                terms == null ? null : BESIDE_THERAPY_OTHER_PROFESSIONAL.seal(tenantId, id, terms.otherProfessional());
    }

    /** Whether coaching runs beside therapy under this version: an accepted referral then does not pause it. */
    public boolean runsBesideTherapy() {
        return besideTherapy;
    }

    /**
     * The next version after a handover: EVERY term of this one (sealed texts resealed under the new id),
     * a new number, proposed by {@code by}. Whoever adds a term to a contract copies it here too
     * (ContractSuccessionTest lists the fields).
     */
    public Contract successorForHandover(int number, UUID handover, String by) {
        Contract next = new Contract();
        next.id = UUID.randomUUID();
        next.tenantId = tenantId;
        next.engagementId = engagementId;
        next.number = number;
        next.purpose(purpose());
        next.goalsInScope(goalsInScope());
        next.confidentialityTerms(confidentialityTerms());
        next.limitsOfConfidentiality(limitsOfConfidentiality());
        next.besideTherapy(besideTherapy());
        next.reviewEveryWeeks = reviewEveryWeeks;
        next.sessionsPrepaid = sessionsPrepaid;
        next.discloseAttendance = discloseAttendance;
        next.discloseSessionDates = discloseSessionDates;
        next.discloseSessionCounts = discloseSessionCounts;
        next.discloseProgressSummaries = discloseProgressSummaries;
        next.discloseAggregateOutcomes = discloseAggregateOutcomes;
        // The package as it stands carries over; a renewal or extension applied once already, never again.
        next.packageChange = null;
        next.priceAmountMinor = priceAmountMinor;
        next.priceCurrency = priceCurrency;
        next.lateFeeAmountMinor = lateFeeAmountMinor;
        next.lateFeeCurrency = lateFeeCurrency;
        next.lateCancellationHours = lateCancellationHours;
        next.handoverId = handover;
        next.createdBy = by;
        next.createdAt = Instant.now();
        return next;
    }
}
