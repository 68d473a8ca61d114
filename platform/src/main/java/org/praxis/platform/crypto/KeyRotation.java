package org.praxis.platform.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;
import org.praxis.platform.persistence.SingletonJobs;

/**
 * Key rotation of sealed columns. Rotating a key-encryption key: list the new key in the Secret
 * (every replica can then read it), make it active (new values use it), and this job moves every
 * value sealed under another key to the tenant's data key under the active one, in batches on one
 * replica at a time. It walks each table by id, so a stopped pass resumes by starting over and a
 * value a request rewrote meanwhile is picked up by the next pass. A key is retired only when no
 * value uses it; then its data keys are deleted and it can leave the Secret.
 */
@ApplicationScoped
public class KeyRotation {
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    public record PassResult(long moved, long failed, List<KeyInventory.KeyStatus> keys) {}

    @Inject
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    @Inject
    SingletonJobs jobs;

    @Inject
    PraxisConfig config;

    @Inject
    KeyInventory inventory;

    @Inject
    KeysAtStart keysAtStart;

    private volatile Thread worker;

    void onStart(@Observes StartupEvent event) {
        keysAtStart.check();
        Duration interval = config.crypto().rotationInterval();
        if (interval.isZero()) {
            return;
        }
        worker = new Thread(() -> loop(interval), "field-key-rotation");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
    }

    private void loop(Duration interval) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(interval.toMillis());
                reencrypt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf(e, "field key rotation pass failed; the next pass starts over");
            }
        }
    }

    /** One pass over every sealed column, on one replica at a time; empty when another replica is running it. */
    public PassResult reencrypt() {
        List<String> newest = inventory.queryStrings(
                "select kek_id from data_key group by kek_id order by min(created_at) desc," + " kek_id limit 1");
        if (!newest.isEmpty() && !newest.get(0).equals(cipher.activeKekId())) {
            // The key introduced last is the one to move to: a replica still on an older active key
            // (mid-rollout) would move values back to its own.
            return new PassResult(0, 0, inventory.status());
        }
        return jobs.runAlone("field-key-rotation", () -> {
                    long moved = 0;
                    long failed = 0;
                    for (SealedColumn column : SealedColumn.all()) {
                        long[] result = reencrypt(column);
                        moved += result[0];
                        failed += result[1];
                    }
                    if (moved > 0 || failed > 0) {
                        LOG.infof(
                                "field key rotation: %d value(s) moved to key %s, %d could not be opened",
                                moved, cipher.activeKekId(), failed);
                    }
                    return new PassResult(moved, failed, inventory.status());
                })
                .orElseGet(() -> new PassResult(0, 0, inventory.status()));
    }

    private long[] reencrypt(SealedColumn column) {
        long moved = 0;
        long failed = 0;
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: this is the least
        String select = "select id, tenant_id, " + column.column() + " from " + column.table()
                + " where id > ? and " + column.column() + " is not null"
                + " and split_part(" + column.column() + ", ':', 2) not in (select id from data_key where kek_id = ?)"
                + " order by id limit ? for update skip locked";
        // A row that has a version gets a new one: a request that read the row before this pass and
        // writes it after (Hibernate writes every column) then fails on its stale version instead of
        // putting the old key's value back.
        String update = "update " + column.table() + " set " + column.column() + " = ?"
                + (hasVersion(column) ? ", version = version + 1" : "") + " where id = ?";
        while (true) {
            UUID from = after;
            long[] batch = QuarkusTransaction.requiringNew().call(() -> {
                long ok = 0;
                long bad = 0;
                UUID last = null;
                try (Connection c = dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement(select);
                        PreparedStatement u = c.prepareStatement(update)) {
                    s.setObject(1, from);
                    s.setString(2, cipher.activeKekId());
                    s.setInt(3, config.crypto().rotationBatch());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getObject(1, UUID.class);
                            String tenant = rs.getString(2);
                            try {
                                String stored = rs.getString(3);
                                String plain;
                                if (FieldCipher.isSealed(stored)) {
                                    plain = column.open(tenant, last, stored);
                                } else if (column.sealedLater()) {
                                    plain = stored; // stored before its column was sealed: sealed now
                                } else {
                                    // Written past the service (the database itself): binding it to this row
                                    // would make it pass for the service's own.
                                    throw new IllegalStateException("a value of " + column + " is not sealed");
                                }
                                u.setString(1, column.seal(tenant, last, plain));
                                u.setObject(2, last);
                                u.addBatch();
                                ok++;
                            } catch (RuntimeException e) {
                                // Left as it is and counted: a tampered or misplaced value is not made readable.
                                LOG.warnf(
                                        "field key rotation: %s row %s cannot be opened: %s",
                                        column, last, e.getMessage());
                                bad++;
                            }
                        }
                    }
                    if (ok > 0) {
                        u.executeBatch();
                    }
                }
                return new long[] {
                    ok,
                    bad,
                    last == null ? 0 : last.getMostSignificantBits(),
                    last == null ? 0 : last.getLeastSignificantBits(),
                    last == null ? 0 : 1
                };
            });
            moved += batch[0];
            failed += batch[1];
            if (batch[4] == 0) {
                return new long[] {moved, failed};
            }
            after = new UUID(batch[2], batch[3]);
        }
    }

    private boolean hasVersion(SealedColumn column) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select 1 from information_schema.columns where table_schema = current_schema() and table_name = ?"
                                + " and column_name = 'version'")) {
            s.setString(1, column.table());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
