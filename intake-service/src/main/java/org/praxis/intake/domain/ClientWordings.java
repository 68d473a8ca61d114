package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.praxis.intake.domain.access.ClientWordingPolicy;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.settings.TenantSettings;

/** The tenant's words for clients: its own texts over the built-in English ones ({@link BuiltInWording}). */
@ApplicationScoped
public class ClientWordings {
    static final TenantSettings.Kind<ClientWording, TenantClientWording> KIND = new TenantSettings.Kind<>(
            "client-wording", TenantClientWording.class, TenantClientWording::new, ClientWording.none());

    @Inject
    TenantSettings settings;

    @Inject
    CallerContext callerContext;

    /** The tenant's own texts as a caller reads them through the API. */
    public TenantSettings.Current<ClientWording> read() {
        new ClientWordingPolicy().requireAllowed(callerContext.caller(), ClientWordingPolicy.Action.VIEW);
        return settings.current(KIND);
    }

    @Transactional
    public TenantSettings.Current<ClientWording> replace(ClientWording wording, String ifMatch) {
        new ClientWordingPolicy().requireAllowed(callerContext.caller(), ClientWordingPolicy.Action.REPLACE);
        Violation.refuseAny("The client wording is not valid", wording.violations());
        return settings.replace(KIND, wording, ifMatch);
    }

    /** The words for a client who asked for these languages ({@code Accept-Language}). */
    public Wording forClient(String acceptLanguage) {
        return new Wording(settings.current(KIND).settings(), Wording.accepted(acceptLanguage));
    }
}
