package org.praxis.testsupport;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Holds a transaction at its commit until the test lets it go, for tests of two requests at once: a deferred
 * trigger on the rows the first request writes waits for an advisory lock the test holds. The lock key and the
 * trigger's name are this hold's own, so tests sharing a database (servers of your own, modules side by side)
 * never wait on each other's, and nothing depends on how long anything takes.
 *
 * <pre>
 * try (CommitHold hold = CommitHold.on("insert", "risk_concern", "new.engagement_id = '...'::uuid")) {
 *     var first = CompletableFuture.supplyAsync(...);   // held at its commit
 *     hold.awaitHeld();
 *     var second = CompletableFuture.supplyAsync(...);
 *     hold.awaitWaitingForIt(1);                         // the second waits for the first's locks
 *     hold.release();
 * }
 * </pre>
 */
public final class CommitHold implements AutoCloseable {
    private final EmbeddedPostgres db = EmbeddedPostgres.shared();
    private final int key = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    private final String name = "hold_commit_" + key;
    private final String table;
    private final Connection holder;

    private CommitHold(String event, String table, String when) throws SQLException {
        this.table = table;
        holder = db.connect();
        try (Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(" + key + ")");
        }
        db.execute("create function " + name + "() returns trigger language plpgsql as"
                + " $$ begin perform pg_advisory_xact_lock(" + key + "); return null; end $$");
        db.execute("create constraint trigger " + name + " after " + event + " on " + table
                + " deferrable initially deferred for each row when (" + when + ") execute function " + name
                + "()");
    }

    /** Holds at its commit each transaction that {@code event}s (insert, update) a row of {@code table} matching {@code when}. */
    public static CommitHold on(String event, String table, String when) {
        try {
            return new CommitHold(event, table, when);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the hold", e);
        }
    }

    /** The held transaction's lock request: not granted while the test holds the key. */
    private String heldWaits() {
        return "select pid from pg_locks where locktype = 'advisory' and not granted and classid = 0 and objid = " + key
                + " and objsubid = 1";
    }

    /** Waits until a transaction is held at its commit. */
    public void awaitHeld() {
        db.awaitCount(1, "select count(*) from (" + heldWaits() + ") held");
    }

    /** Waits until at least {@code n} other transactions wait for a lock the held one took. */
    public void awaitWaitingForIt(int n) {
        String waiting = "select count(*) from pg_stat_activity a where exists (select 1 from (" + heldWaits()
                + ") held where held.pid = any(pg_blocking_pids(a.pid)))";
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(waiting) >= n);
    }

    /** Lets the held transaction commit. */
    public void release() {
        try {
            holder.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        db.execute("drop trigger if exists " + name + " on " + table);
        db.execute("drop function if exists " + name + "()");
    }
}
