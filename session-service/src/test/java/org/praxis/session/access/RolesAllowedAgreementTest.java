package org.praxis.session.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.privacy.SubjectExportPolicy;
import org.praxis.session.api.ActionResource;
import org.praxis.session.api.ClientRequestQueueResource;
import org.praxis.session.api.ClientRequestResource;
import org.praxis.session.api.DueReviewResource;
import org.praxis.session.api.EngagementResource;
import org.praxis.session.api.FeedbackResource;
import org.praxis.session.api.FeedbackTrendResource;
import org.praxis.session.api.GoalResource;
import org.praxis.session.api.HandoverInboxResource;
import org.praxis.session.api.HandoverResource;
import org.praxis.session.api.MeResource;
import org.praxis.session.api.MilestoneResource;
import org.praxis.session.api.NoteResource;
import org.praxis.session.api.OrganisationReportResource;
import org.praxis.session.api.ProgressSummaryResource;
import org.praxis.session.api.ReviewResource;
import org.praxis.session.api.RiskConcernResource;
import org.praxis.session.api.SessionResource;
import org.praxis.session.api.SubjectResource;
import org.praxis.session.domain.access.ActionItemPolicy;
import org.praxis.session.domain.access.AfterTherapySettingsPolicy;
import org.praxis.session.domain.access.ChargePolicy;
import org.praxis.session.domain.access.ClientRequestPolicy;
import org.praxis.session.domain.access.ContractPolicy;
import org.praxis.session.domain.access.EngagementPolicy;
import org.praxis.session.domain.access.FeedbackPolicy;
import org.praxis.session.domain.access.FeedbackTrendPolicy;
import org.praxis.session.domain.access.GoalPolicy;
import org.praxis.session.domain.access.HandoverPolicy;
import org.praxis.session.domain.access.MonitoringMeasurePolicy;
import org.praxis.session.domain.access.MonitoringPlanPolicy;
import org.praxis.session.domain.access.MonitoringSettingsPolicy;
import org.praxis.session.domain.access.NotePolicy;
import org.praxis.session.domain.access.OrganisationReportPolicy;
import org.praxis.session.domain.access.OutcomePolicy;
import org.praxis.session.domain.access.ProgressSummaryPolicy;
import org.praxis.session.domain.access.ReviewPolicy;
import org.praxis.session.domain.access.RiskConcernPolicy;
import org.praxis.session.domain.access.SessionPolicy;
import org.praxis.session.domain.access.SponsorReportPolicy;

/** The coarse gate (@RolesAllowed) of every guarded operation names exactly the roles its policy grants the action. */
class RolesAllowedAgreementTest {
    static final Map<String, AccessRules<?, ?>> RULES = List.<AccessRules<?, ?>>of(
                    EngagementPolicy.RULES,
                    ContractPolicy.RULES,
                    SessionPolicy.RULES,
                    ChargePolicy.RULES,
                    NotePolicy.RULES,
                    RiskConcernPolicy.RULES,
                    ClientRequestPolicy.RULES,
                    HandoverPolicy.RULES,
                    GoalPolicy.RULES,
                    ActionItemPolicy.RULES,
                    ReviewPolicy.RULES,
                    ProgressSummaryPolicy.RULES,
                    SponsorReportPolicy.RULES,
                    OutcomePolicy.RULES,
                    MonitoringPlanPolicy.RULES,
                    MonitoringMeasurePolicy.RULES,
                    MonitoringSettingsPolicy.RULES,
                    AfterTherapySettingsPolicy.RULES,
                    OrganisationReportPolicy.RULES,
                    FeedbackPolicy.RULES,
                    FeedbackTrendPolicy.RULES,
                    SubjectExportPolicy.RULES)
            .stream()
            .collect(Collectors.toMap(AccessRules::aggregate, Function.identity()));

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void rolesAllowedAgreesWithThePolicies() {
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Class<?> resource : List.of(
                EngagementResource.class,
                SessionResource.class,
                NoteResource.class,
                GoalResource.class,
                MilestoneResource.class,
                ActionResource.class,
                RiskConcernResource.class,
                ClientRequestResource.class,
                ClientRequestQueueResource.class,
                HandoverResource.class,
                HandoverInboxResource.class,
                ReviewResource.class,
                ProgressSummaryResource.class,
                DueReviewResource.class,
                MeResource.class,
                FeedbackResource.class,
                FeedbackTrendResource.class,
                OrganisationReportResource.class,
                SubjectResource.class)) {
            for (Method m : resource.getDeclaredMethods()) {
                Extension guard = m.getAnnotation(Extension.class);
                if (guard == null || !AccessMatrix.EXTENSION.equals(guard.name())) {
                    continue;
                }
                operations++;
                String[] parts = guard.value().split(":");
                AccessRules rules = RULES.get(parts[0]);
                Enum<?> action = null;
                for (Object a : rules.allActions()) {
                    if (AccessRules.label((Enum<?>) a).equals(parts[1])) {
                        action = (Enum<?>) a;
                    }
                }
                Set<String> granted = new TreeSet<>();
                for (String role : AccessRules.ROLES) {
                    if (!rules.granted((Enum) action, role).isEmpty()) {
                        granted.add(role);
                    }
                }
                RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
                Set<String> gate = allowed == null ? Set.of() : new TreeSet<>(List.of(allowed.value()));
                if (!granted.equals(gate)) {
                    wrong.add(resource.getSimpleName() + "." + m.getName() + " " + guard.value() + ": @RolesAllowed "
                            + gate + ", policy " + granted);
                }
            }
        }
        assertTrue(operations >= 33, "found " + operations + " guarded operations");
        assertEquals(List.of(), wrong);
    }
}
