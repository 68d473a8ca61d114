package org.praxis.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.praxis.platform.PraxisConfig;

/**
 * What the event plumbing keeps only for a while — sent outbox rows, inbox marks, idempotency records
 * — deleted once past its retention, every ten minutes, by the relay's thread.
 */
@ApplicationScoped
public class RetentionSweep {
    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);
    static final long PRUNE_LOCK = 0x5072_6178_6973_0002L;
    static final int PRUNE_BATCH = 10_000;

    @Inject
    DataSource dataSource;

    @Inject
    PraxisConfig config;

    private volatile Instant lastPrune = Instant.EPOCH;

    void pruneIfDue() {
        if (lastPrune.isAfter(Instant.now().minus(Duration.ofMinutes(10)))) {
            return;
        }
        lastPrune = Instant.now();
        int pruned = prune();
        if (pruned > 0) {
            LOG.infof("pruned %d outbox, inbox and idempotency rows", pruned);
        }
    }

    /**
     * Deletes sent outbox rows, inbox marks (all but dead-lettered ones, which wait for a replay) and idempotency records past their retention. One
     * replica prunes (the others find the lock taken), in batches of {@value #PRUNE_BATCH} rows per table
     * and transaction, so no delete holds long locks; it goes on while batches come back full.
     *
     * @return rows deleted
     */
    public int prune() {
        int total = 0;
        for (int round = 0; round < 100; round++) {
            int pruned = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    if (!OutboxRelay.holdsRelayLock(c, PRUNE_LOCK)) {
                        return 0;
                    }
                    return deleteOlder(
                                    c,
                                    "delete from outbox_event where seq in (select seq from outbox_event"
                                            + " where sent_at < ? order by seq limit " + PRUNE_BATCH + ")",
                                    config.outbox().retention())
                            + deleteOlder(
                                    c,
                                    "delete from inbox_event where ctid in (select ctid from inbox_event"
                                            + " where outcome <> 'dead-lettered' and received_at < ? limit "
                                            + PRUNE_BATCH + ")",
                                    config.inbox().retention())
                            + deleteOlder(
                                    c,
                                    "delete from idempotency_record where ctid in (select ctid from idempotency_record"
                                            + " where created_at < ? limit " + PRUNE_BATCH + ")",
                                    config.idempotency().retention());
                }
            });
            total += pruned;
            if (pruned < PRUNE_BATCH) {
                break;
            }
        }
        return total;
    }

    private static int deleteOlder(Connection c, String sql, Duration retention) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return s.executeUpdate();
        }
    }
}
