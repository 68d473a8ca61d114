package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/** The replica of who supervises whom, read on every supervisor's and coach's request. */
@QuarkusTest
class SupervisionRegisterTest {
    @Inject
    SupervisionRegister register;

    @Inject
    EntityManagerFactory emf;

    @Test
    void aSupervisorsSuperviseesAreReadWithOneCachedQueryPlan() {
        String tenant = "t-" + UUID.randomUUID();
        String supervisor = "sup-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            register.assign(tenant, "p-1", supervisor);
            register.assign(tenant, "p-2", supervisor);
            register.assign(tenant, "p-3", "someone-else");
        });
        QuarkusTransaction.requiringNew().run(() -> register.supervisees(tenant, supervisor));
        int plans = cachedPlans();
        for (int i = 0; i < 50; i++) {
            List<String> supervisees =
                    QuarkusTransaction.requiringNew().call(() -> register.supervisees(tenant, supervisor));
            assertEquals(List.of("p-1", "p-2"), supervisees.stream().sorted().toList());
        }
        // A plan per call (50 more) filled Hibernate's plan cache with copies under one hash; the margin is for
        // the service's own background work (relay, consumers) planning its queries meanwhile.
        assertTrue(cachedPlans() < plans + 10, "cached query plans: " + plans + " -> " + cachedPlans());
    }

    private int cachedPlans() {
        return emf.unwrap(SessionFactoryImplementor.class)
                .getQueryEngine()
                .getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
