package org.praxis.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.privacy.ErasureRequests;
import org.praxis.platform.privacy.ExportRequests;
import org.praxis.platform.web.IdempotencyKeys;

/**
 * What a replica makes sure of before {@link KeyRotation} runs: every sealed column is known, and every
 * key that data keys are wrapped by is listed (or retired).
 */
@ApplicationScoped
public class KeysAtStart {
    private static final Logger LOG = Logger.getLogger(KeysAtStart.class);

    @Inject
    FieldCipher cipher;

    @Inject
    KeyInventory inventory;

    @Inject
    Instance<EntityManagerFactory> entityManagers;

    /** Registers the sealed columns and refuses to start on a key the data keys need but nobody listed. */
    void check() {
        registerColumns();
        try {
            refuseUnknownKeks();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException) {
                // Without a database the service starts unready; the check runs on the next start.
                LOG.warnf(
                        "could not check the data keys' KEKs at start: %s",
                        e.getCause().getMessage());
            } else {
                throw e;
            }
        }
    }

    /** Entity classes register their sealed columns when loaded; load them all now. */
    private void registerColumns() {
        AuditLog.REASON.table();
        IdempotencyKeys.BODY.table();
        IdempotencyKeys.REQUEST_HASH.table();
        ExportRequests.REASON.table();
        ErasureRequests.REASON.table();
        if (entityManagers.isResolvable()) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (var entity : entityManagers.get().getMetamodel().getEntities()) {
                try {
                    Class.forName(entity.getJavaType().getName(), true, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * A replica without a key that data keys still use would fail on the first read of such a value;
     * it refuses to start instead, so a rollout that dropped a key too early stops at its first pod.
     */
    private void refuseUnknownKeks() {
        List<String> retired = inventory.queryStrings("select kek_id from retired_kek");
        if (retired.contains(cipher.activeKekId())) {
            throw new IllegalStateException(
                    "praxis.crypto.active-key " + cipher.activeKekId() + " was retired;" + " make a new key active");
        }
        List<String> missing = new ArrayList<>();
        for (String kek : inventory.queryStrings("select distinct kek_id from data_key")) {
            if (!cipher.kekIds().contains(kek) && !retired.contains(kek)) {
                missing.add(kek);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("data keys are wrapped by key(s) " + missing + " that praxis.crypto.keys"
                    + " does not list; list them again (retire a key only after GET /v1/admin/keys shows 0 values)");
        }
    }
}
