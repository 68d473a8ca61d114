package org.praxis.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database of its own on the shared test server, for a migration test: it migrates to a version, writes rows as
 * they were then, migrates on and reads what became of them. {@link #close} drops it.
 */
public final class ScratchDatabase implements AutoCloseable {
    private static final EmbeddedPostgres PG = EmbeddedPostgres.shared();

    private final String name =
            "scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String url;

    public ScratchDatabase() {
        PG.execute("create database " + name);
        url = PG.jdbcUrl().substring(0, PG.jdbcUrl().lastIndexOf('/') + 1) + name;
    }

    /** Migrates it as the service does (the platform's migrations and its own) up to {@code target}, or "latest". */
    public void migrate(String target) {
        Flyway.configure()
                .dataSource(url, PG.username(), PG.password())
                .locations("classpath:db/platform", "classpath:db/migration")
                .outOfOrder(true)
                .target(target)
                .load()
                .migrate();
    }

    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, PG.username(), PG.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(url, PG.username(), PG.password());
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        PG.execute("drop database " + name + " with (force)");
    }
}
