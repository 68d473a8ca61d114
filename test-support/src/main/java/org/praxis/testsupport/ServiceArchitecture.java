package org.praxis.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;

/**
 * The layering every service keeps (docs/conventions.md): {@code domain} knows nothing of {@code api}
 * nor of {@code events} (the handlers of other services' events); resources reach the database only through the domain;
 * no service uses another's classes (they meet over HTTP and Kafka only).
 */
public final class ServiceArchitecture {
    private static final List<String> SERVICES =
            List.of("org.praxis.intake", "org.praxis.session", "org.praxis.referral", "org.praxis.assessment");

    private ServiceArchitecture() {}

    /** Checks every production class under {@code rootPackage} (e.g. {@code org.praxis.referral}). */
    public static void check(String rootPackage) {
        JavaClasses classes = ProductionClasses.under(rootPackage);
        noClasses()
                .that()
                .resideInAPackage(rootPackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(rootPackage + ".api..")
                .because("the domain is the same whichever way it is called")
                .check(classes);
        // What the domain publishes lives in domain.events; the events package holds the handlers, which call
        // the domain, never the reverse.
        noClasses()
                .that()
                .resideInAPackage(rootPackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(rootPackage + ".events..")
                .because("handlers call the domain, not the reverse; published records live in domain.events")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(rootPackage + ".api..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo("jakarta.persistence.EntityManager")
                .because("resources are thin: queries and writes live in the domain")
                .check(classes);
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(rootPackage))
                .map(s -> s + "..")
                .toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services meet over HTTP and Kafka, not through each other's classes")
                .check(classes);
    }
}
