package org.praxis.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * Deny by default only works if one place decides: a service's access policies (subclasses of
 * {@code org.praxis.platform.access.Policy}, and the classes of its {@code domain.access} package) and
 * {@code @RolesAllowed}. These rules fail the build
 * when a role check or a comparison with the caller's subject appears anywhere else.
 */
public final class AccessArchitecture {
    private static final String CALLER = "org.praxis.platform.security.Caller";
    private static final String CALLER_CONTEXT = "org.praxis.platform.security.CallerContext";
    private static final String POLICY = "org.praxis.platform.access.Policy";
    private static final Set<String> ROLE_CHECKS = Set.of("hasRole", "hasAnyRole", "roles");

    private AccessArchitecture() {}

    /** Checks every production class under {@code rootPackage} (e.g. {@code org.praxis.referral}). */
    public static void check(String rootPackage) {
        JavaClasses classes = ProductionClasses.under(rootPackage);
        roleChecksOnlyInPolicies().check(classes);
        subjectComparisonsOnlyInPolicies().check(classes);
    }

    /** Access policies: subclasses of the platform's Policy, and the classes of a {@code domain.access} package. */
    static final DescribedPredicate<JavaClass> POLICIES = new DescribedPredicate<>("access policies") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass outer = c;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            return outer.isAssignableTo(POLICY) || outer.getPackageName().endsWith(".domain.access");
        }
    };

    /**
     * A call that yields the caller's subject. Only {@code subject()} itself: a method that stamps the
     * actor through a wrapper ({@code actor()}) and compares statuses is not told apart from one that
     * compares the wrapper's result — that would take data flow, which these rules do not follow.
     */
    static boolean readsSubject(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        return call.getName().equals("subject") && (owner.equals(CALLER) || owner.equals(CALLER_CONTEXT));
    }

    static ArchRule roleChecksOnlyInPolicies() {
        return noClasses()
                .that(DescribedPredicate.not(POLICIES))
                .should()
                .callMethodWhere(new DescribedPredicate<>("a role check on the caller") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        String owner = call.getTargetOwner().getName();
                        String name = call.getName();
                        return owner.equals(CALLER) && ROLE_CHECKS.contains(name)
                                || owner.equals("io.quarkus.security.identity.SecurityIdentity")
                                        && (name.equals("hasRole") || name.equals("getRoles"));
                    }
                })
                .because("who may do what is decided by the aggregate's policy (docs/access.md), nowhere else");
    }

    static ArchRule subjectComparisonsOnlyInPolicies() {
        return codeUnits()
                .that()
                .areDeclaredInClassesThat(DescribedPredicate.not(POLICIES))
                .should(new ArchCondition<JavaCodeUnit>("not compare the caller's subject with anything") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        boolean readsSubject = false;
                        boolean compares = false;
                        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
                            if (readsSubject(call)) {
                                readsSubject = true;
                            }
                            if (call.getName().equals("equals")
                                    || call.getName().equals("equalsIgnoreCase")) {
                                compares = true;
                            }
                        }
                        if (readsSubject && compares) {
                            events.add(
                                    SimpleConditionEvent.violated(
                                            unit,
                                            unit.getFullName()
                                                    + " reads the caller's subject and compares values: ask the aggregate's policy"));
                        }
                    }
                })
                .because("\"is this the caller's own record\" is a relation the policy defines once");
    }
}
