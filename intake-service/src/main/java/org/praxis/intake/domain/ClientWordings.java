package org.praxis.intake.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.praxis.intake.domain.access.ClientWordingPolicy;
import org.praxis.platform.problem.Violation;
import org.praxis.platform.security.CallerContext;
import org.praxis.platform.settings.TenantSettings;

/** The tenant's words for clients: its own texts over the built-in English ones ({@link BuiltInWording}). */
@ApplicationScoped
public class ClientWordings {
    static final TenantSettings.Kind<ClientWording, TenantClientWording> KIND = new TenantSettings.Kind<>(
            "client-wording", TenantClientWording.class, TenantClientWording::new, ClientWording.none());

    /**
     * Every screening's answer words its score, so the tenant's texts are kept for {@link #FRESH_FOR} (a
     * database round trip per submission saved): words, not a rule. An admin's change shows at once on this
     * replica and within that time on the others.
     */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    /** More tenants than one replica serves at once; past it the kept texts are simply dropped. */
    static final int MAX_KEPT = 1_000;

    private record Kept(ClientWording wording, long freshUntilNanos) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

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
        TenantSettings.Current<ClientWording> replaced = settings.replace(KIND, wording, ifMatch);
        kept.remove(callerContext.tenantId());
        return replaced;
    }

    /** The words for a client who asked for these languages ({@code Accept-Language}). */
    public Wording forClient(String acceptLanguage) {
        return new Wording(keptOrRead(), Wording.accepted(acceptLanguage));
    }

    private ClientWording keptOrRead() {
        String tenant = callerContext.tenantId();
        long now = System.nanoTime();
        Kept k = kept.get(tenant);
        if (k != null && now - k.freshUntilNanos() < 0) {
            return k.wording();
        }
        ClientWording wording = settings.current(KIND).settings();
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(tenant, new Kept(wording, now + FRESH_FOR.toNanos()));
        return wording;
    }
}
