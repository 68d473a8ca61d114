package org.praxis.platform.ratelimit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.praxis.platform.settings.TenantSettingsRow;

/** A tenant's own budgets, once its admin has set them (the configured defaults apply until then). */
@Entity
@Table(name = "tenant_rate_limits")
public class TenantRateLimits extends TenantSettingsRow<RateLimitSettings> {
    public long clientLimit;
    public long tenantLimit;

    @Override
    public RateLimitSettings read() {
        return new RateLimitSettings(clientLimit, tenantLimit);
    }

    @Override
    public void write(RateLimitSettings settings) {
        clientLimit = settings.clientLimit();
        tenantLimit = settings.tenantLimit();
    }
}
