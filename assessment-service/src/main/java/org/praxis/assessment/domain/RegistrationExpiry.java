package org.praxis.assessment.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.persistence.SingletonJobs;
import org.praxis.platform.security.Caller;
import org.praxis.platform.security.CallerContext;

/**
 * An expired therapy registration ends integrated-practice eligibility on the day it expires, even
 * when nothing else happens: shortly after midnight UTC (and every hour, in case a run was missed)
 * every holder is recomputed and a change published. Every replica schedules it, but one sweeps at a
 * time: two sweeps side by side would both see a holder still holding it and both publish the change.
 */
@ApplicationScoped
public class RegistrationExpiry {
    private static final Logger LOG = Logger.getLogger(RegistrationExpiry.class);
    /** The {@link SingletonJobs} name of the sweep. */
    private static final String JOB = "registration-expiry";

    @Inject
    Eligibility eligibility;

    @Inject
    PublishedEligibility published;

    @Inject
    CallerContext callerContext;

    @Inject
    PraxisConfig config;

    @Inject
    SingletonJobs jobs;

    @Scheduled(cron = "{assessment.expiry-sweep-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(eligibility.today());
    }

    /**
     * Recomputes every practitioner holding integrated practice as of {@code today}; returns how many lost
     * it, or empty when another replica is sweeping (its sweep covers them).
     */
    @ActivateRequestContext
    public Optional<Integer> sweep(LocalDate today) {
        return jobs.runAlone(JOB, () -> sweepAlone(today));
    }

    private int sweepAlone(LocalDate today) {
        int lost = 0;
        for (String tenantId : published.tenantsWithIntegratedPractice()) {
            callerContext.actAs(Caller.system(config.service(), tenantId));
            List<String> holders = published.holdingIntegratedPractice();
            for (String practitioner : holders) {
                boolean kept = QuarkusTransaction.requiringNew()
                        .call(() -> eligibility
                                .refresh(practitioner, today)
                                .contains(EligibilityRules.INTEGRATED_PRACTICE));
                lost += kept ? 0 : 1;
            }
        }
        if (lost > 0) {
            LOG.infof("registration expiry: %d practitioner(s) no longer eligible for integrated practice", lost);
        }
        return lost;
    }
}
