package org.praxis.assessment.access;

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
import org.praxis.assessment.api.AssessmentCycleResource;
import org.praxis.assessment.api.AssessmentResource;
import org.praxis.assessment.api.DevelopmentPlanResource;
import org.praxis.assessment.api.EvidenceResource;
import org.praxis.assessment.api.FrameworkResource;
import org.praxis.assessment.api.PractitionerResource;
import org.praxis.assessment.api.ProfileResource;
import org.praxis.assessment.api.RegistrationResource;
import org.praxis.assessment.api.SettingsResource;
import org.praxis.assessment.api.SubjectResource;
import org.praxis.assessment.api.SupervisionResource;
import org.praxis.assessment.domain.access.AssessmentPolicy;
import org.praxis.assessment.domain.access.DevelopmentActionPolicy;
import org.praxis.assessment.domain.access.EvidencePolicy;
import org.praxis.assessment.domain.access.FrameworkPolicy;
import org.praxis.assessment.domain.access.PractitionerPolicy;
import org.praxis.assessment.domain.access.RegistrationPolicy;
import org.praxis.assessment.domain.access.SettingsPolicy;
import org.praxis.assessment.domain.access.SupervisionRecordPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.privacy.SubjectExportPolicy;

/**
 * {@code @RolesAllowed}, the coarse first gate of every operation, lets in exactly the roles the
 * guarding policy grants the action to — no role the policy would refuse anyway, none it grants.
 */
class RolesAllowedAgreementTest {
    private static final Map<String, AccessRules<?, ?>> RULES = List.of(
                    PractitionerPolicy.RULES,
                    RegistrationPolicy.RULES,
                    EvidencePolicy.RULES,
                    SupervisionRecordPolicy.RULES,
                    AssessmentPolicy.RULES,
                    DevelopmentActionPolicy.RULES,
                    SettingsPolicy.RULES,
                    FrameworkPolicy.RULES,
                    SubjectExportPolicy.RULES)
            .stream()
            .collect(Collectors.toMap(AccessRules::aggregate, Function.identity()));

    @Test
    void theGateAndThePolicyNameTheSameRoles() {
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Class<?> resource : List.of(
                PractitionerResource.class,
                RegistrationResource.class,
                EvidenceResource.class,
                SupervisionResource.class,
                AssessmentCycleResource.class,
                DevelopmentPlanResource.class,
                ProfileResource.class,
                AssessmentResource.class,
                SettingsResource.class,
                FrameworkResource.class,
                SubjectResource.class)) {
            for (Method m : resource.getDeclaredMethods()) {
                Extension guard = m.getAnnotation(Extension.class);
                RolesAllowed gate = m.getAnnotation(RolesAllowed.class);
                if (guard == null || !guard.name().equals(AccessMatrix.EXTENSION)) {
                    continue;
                }
                operations++;
                String[] parts = guard.value().split(":", 2);
                Set<String> granted = granted(RULES.get(parts[0]), parts[1]);
                Set<String> allowed = gate == null ? Set.of() : new TreeSet<>(List.of(gate.value()));
                if (!granted.equals(allowed)) {
                    wrong.add(resource.getSimpleName() + "." + m.getName() + ": @RolesAllowed " + allowed + ", policy "
                            + granted);
                }
            }
        }
        assertTrue(operations >= 30, "found the guarded operations: " + operations);
        assertEquals(List.of(), wrong);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Set<String> granted(AccessRules rules, String label) {
        Set<String> roles = new TreeSet<>();
        for (Object action : rules.allActions()) {
            if (AccessRules.label((Enum<?>) action).equals(label)) {
                for (String role : AccessRules.ROLES) {
                    if (!rules.granted((Enum) action, role).isEmpty()) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
