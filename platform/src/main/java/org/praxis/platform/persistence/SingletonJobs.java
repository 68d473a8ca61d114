package org.praxis.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Runs a periodic job (an expiry sweep, an overdue check) on one replica at a time: the job holds a
 * PostgreSQL advisory lock on a connection of its own while it runs, so another replica's run of the
 * same job finds it taken and skips (no duplicate events). A replica that dies drops its connection
 * and with it the lock.
 */
@ApplicationScoped
public class SingletonJobs {
    @Inject
    DataSource dataSource;

    /** The job's result, or empty when another replica is running it. */
    public <T> Optional<T> runAlone(String job, Supplier<T> work) {
        long key = key(job);
        try (Connection c = dataSource.getConnection()) {
            if (!advisory(c, "select pg_try_advisory_lock(?)", key)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                advisory(c, "select pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lock of job " + job, e);
        }
    }

    static long key(String job) {
        CRC32 crc = new CRC32();
        crc.update(("praxis-job:" + job).getBytes(StandardCharsets.UTF_8));
        return 0x5072_6178_0000_0000L | crc.getValue();
    }

    private static boolean advisory(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
