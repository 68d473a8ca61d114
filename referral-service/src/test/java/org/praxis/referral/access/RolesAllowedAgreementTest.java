package org.praxis.referral.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.access.AccessRules;
import org.praxis.platform.privacy.SubjectExportPolicy;
import org.praxis.referral.api.DeadlineResource;
import org.praxis.referral.api.DirectoryOrganisationResource;
import org.praxis.referral.api.DirectoryServiceResource;
import org.praxis.referral.api.MeResource;
import org.praxis.referral.api.ReferralConsentResource;
import org.praxis.referral.api.ReferralLoopResource;
import org.praxis.referral.api.ReferralResource;
import org.praxis.referral.api.RiskExceptionResource;
import org.praxis.referral.api.SelfHelpResource;
import org.praxis.referral.api.SubjectResource;
import org.praxis.referral.domain.access.ConsentPolicy;
import org.praxis.referral.domain.access.DeadlinesPolicy;
import org.praxis.referral.domain.access.DirectoryPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy;

/** The coarse gate (@RolesAllowed) of every operation names exactly the roles its policy action grants. */
class RolesAllowedAgreementTest {
    static final Map<String, AccessRules<?, ?>> RULES = Map.of(
            ReferralPolicy.RULES.aggregate(),
            ReferralPolicy.RULES,
            ConsentPolicy.RULES.aggregate(),
            ConsentPolicy.RULES,
            SelfHelpOfferPolicy.RULES.aggregate(),
            SelfHelpOfferPolicy.RULES,
            DirectoryPolicy.RULES.aggregate(),
            DirectoryPolicy.RULES,
            DeadlinesPolicy.RULES.aggregate(),
            DeadlinesPolicy.RULES,
            SubjectExportPolicy.RULES.aggregate(),
            SubjectExportPolicy.RULES);

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Set<String> granted(String guard) {
        String[] parts = guard.split(":", 2);
        AccessRules rules = RULES.get(parts[0]);
        Set<String> roles = new TreeSet<>();
        for (Object action : rules.allActions()) {
            if (AccessRules.label((Enum<?>) action).equals(parts[1])) {
                for (String role : AccessRules.ROLES) {
                    if (!rules.granted((Enum) action, role).isEmpty()) {
                        roles.add(role);
                    }
                }
                return roles;
            }
        }
        throw new AssertionError("unknown guard " + guard);
    }

    @Test
    void everyOperationsRolesAllowedMatchesItsPolicy() {
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Class<?> resource : List.of(
                ReferralResource.class,
                ReferralConsentResource.class,
                RiskExceptionResource.class,
                ReferralLoopResource.class,
                MeResource.class,
                SelfHelpResource.class,
                DirectoryOrganisationResource.class,
                DirectoryServiceResource.class,
                DeadlineResource.class,
                SubjectResource.class)) {
            for (Method m : resource.getDeclaredMethods()) {
                Extension guard = m.getAnnotation(Extension.class);
                if (guard == null || !AccessMatrix.EXTENSION.equals(guard.name())) {
                    continue;
                }
                operations++;
                RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
                Set<String> gate = allowed == null ? Set.of() : new TreeSet<>(List.of(allowed.value()));
                if (!gate.equals(granted(guard.value()))) {
                    wrong.add(resource.getSimpleName() + "." + m.getName() + " @RolesAllowed " + gate + " but "
                            + guard.value() + " grants " + granted(guard.value()));
                }
            }
        }
        assertTrue(operations >= 31, "found " + operations + " guarded operations");
        assertEquals(List.of(), wrong);
    }
}
