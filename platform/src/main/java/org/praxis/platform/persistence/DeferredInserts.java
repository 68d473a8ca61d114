package org.praxis.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Inserts that only have to reach the database with their transaction (an audit record, an outbox row),
 * held back while an idempotent create runs and then sent in the one round trip that writes its
 * idempotency record: the driver sends several statements of one prepared call before a single Sync.
 * Only a transaction that {@link #holdBack()} asked for it holds anything back; nothing in a create reads
 * these tables, so a held row is never missed by a read of the same transaction.
 */
@ApplicationScoped
public class DeferredInserts {
    private static final Object KEY = DeferredInserts.class;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    DataSource dataSource;

    private record Insert(String sql, Object[] args) {}

    /** One transaction's held inserts, while it holds them back. */
    private static final class Held {
        final List<Insert> inserts = new ArrayList<>();
        boolean holding = true;
    }

    /** From now until {@link #sendWith}, inserts in the caller's transaction are held back. */
    public void holdBack() {
        Held held = (Held) transactions.getResource(KEY);
        if (held == null) {
            transactions.putResource(KEY, new Held());
        } else {
            held.holding = true;
        }
    }

    /** Forgets what is held and stops holding back: the create that wrote it failed, so none of it is sent. */
    public void dropHeld() {
        Held held = held();
        if (held != null) {
            held.inserts.clear();
            held.holding = false;
        }
    }

    /**
     * Runs {@code sql} (one insert) in the caller's transaction: held back while the transaction asks
     * for it, else now. A null argument is a null text.
     */
    public void insert(String sql, Object... args) {
        Held held = held();
        if (held != null && held.holding) {
            held.inserts.add(new Insert(sql, args.clone()));
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, 1, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("insert failed: " + sql.substring(0, sql.indexOf('(')), e);
        }
    }

    /**
     * Runs {@code sql} and then every held insert, in one round trip, and stops holding back; returns
     * {@code sql}'s update count.
     */
    public int sendWith(Connection c, String sql, Object... args) throws SQLException {
        Held held = held();
        List<Insert> all = new ArrayList<>();
        all.add(new Insert(sql, args));
        if (held != null) {
            all.addAll(held.inserts);
            held.inserts.clear();
            held.holding = false;
        }
        StringBuilder joined = new StringBuilder();
        for (Insert i : all) {
            joined.append(joined.isEmpty() ? "" : "; ").append(i.sql());
        }
        try (PreparedStatement s = c.prepareStatement(joined.toString())) {
            int index = 1;
            for (Insert i : all) {
                index = bind(s, index, i.args());
            }
            // The first statement's count comes first; the driver reads the rest of the results as it goes.
            return s.executeUpdate();
        }
    }

    private static int bind(PreparedStatement s, int from, Object[] args) throws SQLException {
        int index = from;
        for (Object arg : args) {
            if (arg == null) {
                s.setNull(index++, Types.VARCHAR);
            } else {
                s.setObject(index++, arg);
            }
        }
        return index;
    }

    private Held held() {
        return transactions.getTransactionKey() == null ? null : (Held) transactions.getResource(KEY);
    }
}
