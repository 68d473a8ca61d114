package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.session.domain.access.AfterTherapySettingsPolicy;

/** The tenant's policy for coaching after therapy: its own if an admin set it, the built-in one otherwise. */
@ApplicationScoped
public class AfterTherapyPolicies {
    private static final TenantSettings.Kind<AfterTherapyTerms, TenantAfterTherapyPolicy> KIND =
            new TenantSettings.Kind<>(
                    "after-therapy-policy",
                    TenantAfterTherapyPolicy.class,
                    TenantAfterTherapyPolicy::new,
                    AfterTherapyTerms.DEFAULTS);

    @Inject
    TenantSettings settings;

    @Inject
    CallerContext callerContext;

    /** The policy as an admin reads it through the API. */
    public TenantSettings.Current<AfterTherapyTerms> read() {
        new AfterTherapySettingsPolicy().requireAllowed(callerContext.caller(), AfterTherapySettingsPolicy.Action.VIEW);
        return settings.current(KIND);
    }

    /** What applies to a coaching engagement started after therapy now. */
    public AfterTherapyTerms current() {
        return settings.current(KIND).settings();
    }

    @Transactional
    public TenantSettings.Current<AfterTherapyTerms> replace(AfterTherapyTerms terms, String ifMatch) {
        new AfterTherapySettingsPolicy()
                .requireAllowed(callerContext.caller(), AfterTherapySettingsPolicy.Action.REPLACE);
        return settings.replace(KIND, terms, ifMatch);
    }
}
