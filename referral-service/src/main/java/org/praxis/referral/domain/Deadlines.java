package org.praxis.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.referral.domain.access.DeadlinesPolicy;

/** The tenant's answer deadlines: its own once an admin set them, the defaults otherwise. */
@ApplicationScoped
public class Deadlines {
    static final TenantSettings.Kind<AnswerDeadlines, TenantDeadlines> KIND = new TenantSettings.Kind<>(
            "referral-deadlines", TenantDeadlines.class, TenantDeadlines::new, AnswerDeadlines.defaults());

    @Inject
    TenantSettings settings;

    @Inject
    CallerContext callerContext;

    /** The deadlines in force and their revision (the ETag), as a caller reads them through the API. */
    public TenantSettings.Current<AnswerDeadlines> read() {
        new DeadlinesPolicy().requireAllowed(callerContext.caller(), DeadlinesPolicy.Action.VIEW);
        return settings.current(KIND);
    }

    public AnswerDeadlines deadlines() {
        return settings.current(KIND).settings();
    }

    @Transactional
    public TenantSettings.Current<AnswerDeadlines> replace(AnswerDeadlines deadlines, String ifMatch) {
        new DeadlinesPolicy().requireAllowed(callerContext.caller(), DeadlinesPolicy.Action.REPLACE);
        Violation.refuseAny("These deadlines cannot be used", deadlines.violations());
        return settings.replace(KIND, deadlines, ifMatch);
    }
}
