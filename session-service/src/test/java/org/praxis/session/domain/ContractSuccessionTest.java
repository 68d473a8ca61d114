package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A handover proposes the next contract version by {@link Contract#successorForHandover}, which copies EVERY
 * term. This list of the contract's fields fails when one is added: copy the new term there, then add it here.
 */
class ContractSuccessionTest {
    static final Set<String> COPIED_OR_SET = new TreeSet<>(Set.of(
            "id",
            "tenantId",
            "engagementId",
            "number",
            "purpose",
            "goalsInScope",
            "confidentialityTerms",
            "limitsOfConfidentiality",
            "besideTherapy",
            "besideTherapyBoundaries",
            "besideTherapyOtherProfessional",
            "reviewEveryWeeks",
            "sessionsPrepaid",
            "discloseAttendance",
            "discloseSessionDates",
            "discloseSessionCounts",
            "discloseProgressSummaries",
            "discloseAggregateOutcomes",
            "packageChange",
            "priceAmountMinor",
            "priceCurrency",
            "lateFeeAmountMinor",
            "lateFeeCurrency",
            "lateCancellationHours",
            "createdBy",
            "createdAt",
            "handoverId"));

    @Test
    void everyFieldOfAContractIsCopiedToTheSuccessorOfAHandover() {
        Set<String> fields = Arrays.stream(Contract.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                .map(Field::getName)
                .filter(n -> !n.startsWith("$$"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(COPIED_OR_SET, fields, "a new contract field: copy it in Contract.successorForHandover");
    }
}
