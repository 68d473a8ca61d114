package org.praxis.platform.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The stored row of one kind of tenant settings (see {@link TenantSettings}): one per tenant, written
 * only once an admin changes the defaults. A service's entity adds the columns of its settings record.
 */
@MappedSuperclass
public abstract class TenantSettingsRow<T> {
    @Id
    public String tenantId;

    public String updatedBy;
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** The settings this row holds. */
    public abstract T read();

    /** Takes these settings into the row's columns. */
    public abstract void write(T settings);
}
